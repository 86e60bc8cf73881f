"""``hygiene facts check FILE``: validate a facts file and show what it expands to.

This is the one command that shows fact values: the file is the person's own and they
need to see what an attacker would try. Old passwords are still never shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json
from hygiene.cli.shape import group

facts_app = group("Personal facts: what the other person knows about you.")
NAME = "facts"
GROUP = facts_app


@facts_app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="The facts file to check.")],
    json_output: Json = False,
) -> None:
    """Check a facts file and list the guesses it turns into.

    Every problem in the file is listed with its line; exit code 2 when there is any.
    """
    from hygiene.cli.render import print_json
    from hygiene.facts import FactKind, load_facts
    from hygiene.secret import MASK

    facts = load_facts(file)
    tokens = facts.tokens()
    rows: list[dict[str, Any]] = []
    lines = [f"{file}: {len(facts.facts)} facts, {len(tokens)} guesses to try."]
    for fact in facts.facts:
        hidden = fact.kind is FactKind.old_password
        tries = [
            {"text": MASK if hidden else t.text, "form": t.form, "tier": t.tier}
            for t in tokens
            if t.fact is fact
        ]
        rows.append(
            {
                "where": fact.where,
                "kind": fact.kind.value,
                "label": fact.label,
                "means": fact.phrase,
                "tries": tries,
            }
        )
        lines.append(f"\n{fact.where} ({fact.phrase}):")
        # Other ways of writing a token (separators, nicknames, +44) count as later.
        early = {t.text for t in tokens if t.fact is fact and t.tier == 1 and not t.extra}
        first = [t for t in tries if t["text"] in early or (hidden and t["tier"] == 1)]
        if not tries:
            lines.append("  (the same guesses as an earlier fact)")
        lines.extend(f"  {t['text']}  ({t['form']})" for t in first)
        if len(tries) > len(first):
            more = len(tries) - len(first)
            lines.append(f"  and {more} more tried later (--json lists them)")
    if json_output:
        print_json({"file": str(file), "facts": rows, "tokens": len(tokens)})
    else:
        console.echo("\n".join(lines))
    raise typer.Exit(exitcodes.OK)


@facts_app.command("new")
def new(
    file: Annotated[Path, typer.Argument(help="Where to write the facts file.", dir_okay=False)],
) -> None:
    """Make a facts file by answering questions, one kind of fact at a time.

    Nothing is sent anywhere. The file can be opened only by you (on this computer's
    user account). Old passwords are never written to it.
    """
    from hygiene.cli.prompter import TerminalPrompter, offer_to_clear
    from hygiene.facts import load_facts
    from hygiene.facts.ask import ask_facts, to_toml
    from hygiene.safefile import unsafe_reason, write_private

    prompter = TerminalPrompter()
    reason = unsafe_reason(file)
    already = f"{file} is not a plain file ({reason})" if reason else f"{file} already exists"
    there = file.is_symlink() or file.exists()
    if there and not prompter.confirm(f"{already}. Replace it?"):
        console.echo("Nothing was written.")
        raise typer.Exit(exitcodes.OK)
    facts = ask_facts(prompter, old_passwords=False)
    if not facts.facts:
        console.echo("\nNothing was given, so no file was written.")
        raise typer.Exit(exitcodes.OK)
    write_private(file, to_toml(facts).encode(), replace_unsafe=True)  # confirmed above
    written = load_facts(file)  # what was written reads back, or this says why not
    offer_to_clear(prompter)
    console.echo(
        f"{len(written.facts)} facts were written to {file.resolve()}; only you can open "
        "it. "
        f"Use it with --facts, for example: hygiene password --facts {file}"
    )
