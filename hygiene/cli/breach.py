"""``hygiene breach``: check many passwords from standard input against the breach corpus."""

from __future__ import annotations

import sys

import typer

from hygiene.cli import console
from hygiene.cli.breach_options import breach_exit_code, open_breach_source
from hygiene.cli.options import ApiUrl, Corpus, Json, Offline
from hygiene.cli.progress import stage_progress

HELP = """Look passwords up in the list of leaked passwords, one a line on standard input.

No password leaves this computer: only a short code worked out from each (the first 5
characters of its SHA-1 hash, with padding), or nothing at all with --offline or --corpus.
Output never shows a password: each line is reported by its number.

Exit codes: 1 at least one found in a breach or the common-password list (change it),
even if others could not be checked; 3 none found but at least one could not be
checked, so the answer is unknown (never "safe"); 0 all checked and none found;
2 bad input, nothing checked.
"""

ADVICE_FOUND = (
    "Change every password that was found, on every account that uses it: "
    "anyone trying leaked passwords tries these first."
)
ADVICE_UNKNOWN = (
    "A password that could not be checked is unknown, not safe. Check again when online, "
    "or use --corpus with a downloaded copy of the corpus."
)


def breach(
    offline: Offline = False,
    corpus: Corpus = None,
    api_url: ApiUrl = None,
    json: Json = False,
) -> None:
    from hygiene.cli.secret_input import read_passwords
    from hygiene.errors import InputError, Problem

    if sys.stdin.isatty():
        # Typed here the passwords would show on the screen as they are typed.
        raise InputError(
            "hygiene breach reads passwords piped to it, one per line (for example from "
            "a password manager's export); to type one password hidden, use "
            "hygiene password"
        )
    secrets = []
    problems: list[Problem] = []
    for number, item in enumerate(read_passwords(), start=1):
        if isinstance(item, InputError):
            problems += item.problems
        elif not item:
            problems.append(Problem(f"line {number} is empty; give one password per line"))
        else:
            secrets.append(item)
    if problems:
        raise InputError(problems)
    if not secrets:
        raise InputError("no passwords were given on standard input (one per line)")
    with open_breach_source(offline, corpus, api_url) as source:
        results = source.check_many(secrets, progress=stage_progress("breach"))
    code = breach_exit_code(results)
    if json:
        from hygiene.cli.render import print_json

        print_json(
            {
                "results": [
                    {"line": number, **result.to_dict()}
                    for number, result in enumerate(results, start=1)
                ]
            }
        )
        raise typer.Exit(code)
    for number, result in enumerate(results, start=1):
        console.echo(f"line {number}: {result.describe()} (source: {result.source})")
    found = sum(r.status == "found" for r in results)
    unknown = sum(r.status == "unknown" for r in results)
    console.echo(
        f"\n{len(results):,} checked: {found:,} found, {len(results) - found - unknown:,} "
        f"not found, {unknown:,} could not be checked."
    )
    if found:
        console.echo(ADVICE_FOUND)
    if unknown:
        console.echo(ADVICE_UNKNOWN)
    raise typer.Exit(code)


NAME = "breach"
COMMAND = breach
