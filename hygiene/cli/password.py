"""``hygiene password``: how guessable one password is, to a stranger and to someone who knows you.

The body stays small (read the password, call the core, render) so that other checks of the
same password can join it. The password is read from a hidden prompt or standard input,
never from the command line, and nothing printed contains its characters.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hygiene.cli import console
from hygiene.cli.breach_options import (
    breach_advice,
    breach_exit_code,
    breach_line,
    open_breach_source,
)
from hygiene.cli.options import ApiUrl, Corpus, Json, Offline

if TYPE_CHECKING:
    from hygiene.facts import Facts
    from hygiene.strength import Assessment

HELP = (
    "Check how guessable one password is: for a stranger, and for someone who knows you.\n\n"
    "The password is read from a hidden prompt, or from the first line of standard input "
    "when it is piped; never from the command line.\n\n"
    "It is also looked up in the list of leaked passwords (Pwned Passwords) without "
    "sending it: only a short code worked out from it leaves this computer (the first 5 "
    "characters of its SHA-1 hash, with padding), or nothing with --offline or --corpus.\n\n"
    "Exit codes: 0 the password is fair or strong and not found in a breach; 1 it is weak "
    "(guessable by someone who knows you, a small change of an old password, or easy for a "
    "stranger) or found in a breach; 2 bad input; 3 it is not weak but the breach check "
    "could not run, so the answer is unknown, not safe; 130 stopped."
)


def plain_count(log10: float) -> str:
    """A number of guesses in words a person reads at a glance: "about 3,000 guesses"."""
    if log10 < 1:
        return "fewer than 10 guesses"
    # One significant figure is all an estimate deserves.
    value = int(float(f"{10 ** min(log10, 12):.0e}"))
    if value >= 10**12:
        return "a trillion guesses or more"
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if value >= size:
            return f"about {value // size:,} {word} guesses"
    return f"about {value:,} guesses"


def render_assessment(assessment: Assessment) -> list[str]:
    """The two verdicts and the judgement as plain lines; no character of the password."""
    generic, target, verdict = assessment.generic, assessment.targeted, assessment.verdict
    lines = [f"Verdict: {verdict.level.value.upper()}. {verdict.sentence}"]
    lines.append(f"Next step: {verdict.next_step}")
    lines.append("")
    lines.append(
        f"A stranger: score {generic.score} of 4, {plain_count(generic.guesses_log10)} "
        f"({generic.crack_time} with a stolen password list)."
    )
    if generic.truncated:
        lines.append("  (Only the first 72 characters were rated; the rest can only add strength.)")
    if generic.warning:
        lines.append(f"  {generic.warning}")
    lines.extend(f"  {s}" for s in generic.suggestions)
    who = "Someone who knows you" if target.facts_used else "Common patterns (no facts given)"
    out_of_reach = "not guessable from these facts" if target.facts_used else "no common pattern"
    band = {
        "by_hand": "could be guessed by hand",
        "script": "could be guessed with a simple script",
        "not_guessable": out_of_reach,
    }[target.band]
    lines.append(f"{who}: {plain_count(target.guesses_log10)}; {band}.")
    if target.parts:
        lines.append(f"  Reads as: {target.reading}.")
    variant = target.old_password_variant
    if variant is not None:
        lines.append(
            f"  Close to old password {variant.position}: {variant.change} "
            f"({variant.similarity:.0%} the same)."
        )
    if target.truncated:
        lines.append("  (Only the first 256 characters were analysed.)")
    if not target.facts_used:
        lines.append(
            "  This did not check it against what the other person knows. Run it on a "
            "terminal and answer the questions, or give --facts FILE (hygiene facts new "
            "FILE makes one)."
        )
    return lines


def _offer_facts() -> Facts | None:
    """On a terminal without --facts: ask a few facts now, kept in memory only."""
    from hygiene.cli.prompter import TerminalPrompter
    from hygiene.facts.ask import ask_facts

    prompter = TerminalPrompter()
    if not prompter.confirm(
        "Check it against what the other person knows about you, too? I will ask a few "
        "things now; they are kept only until this check ends.",
        default=True,
    ):
        return None
    facts = ask_facts(prompter, old_passwords=True)
    prompter.say("")
    return facts if facts.facts else None


def password(
    facts_file: Annotated[
        Path | None,
        typer.Option("--facts", help="A facts file: what the other person knows about you."),
    ] = None,
    json_output: Json = False,
    offline: Offline = False,
    corpus: Corpus = None,
    api_url: ApiUrl = None,
) -> None:
    from hygiene.cli.render import print_json
    from hygiene.cli.secret_input import read_password
    from hygiene.facts import load_facts
    from hygiene.strength import Level, assess

    facts = load_facts(facts_file) if facts_file else None
    # The source opens first, so a bad corpus is named before the password is asked.
    with open_breach_source(offline, corpus, api_url) as source:
        if facts is None and not json_output and sys.stdin.isatty():
            facts = _offer_facts()
        secret = read_password()
        assessment = assess(secret, facts)
        breach = source.check(secret)
    if json_output:
        print_json({**assessment.to_dict(), "breach": breach.to_dict()})
    else:
        lines = render_assessment(assessment)
        console.echo("\n".join([*lines, "", breach_line(breach), *breach_advice(breach)]))
    weak = assessment.verdict.level is Level.weak
    raise typer.Exit(breach_exit_code([breach], needs_action=weak))


NAME = "password"
COMMAND = password
