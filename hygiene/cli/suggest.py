"""``hygiene suggest``: passphrases of random words, none built from the person's facts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json

HELP = (
    "Suggest passphrases: a few random words joined by hyphens, easy to type and hard to "
    "guess. With --facts, no word is part of anything the other person knows. Words about "
    "violence, abuse, death, fear or harm are never used.\n\n"
    "Each is shown with how strong it is. Write the one you pick somewhere safe, or into a "
    "password manager; hygiene keeps none of them.\n\n"
    "Exit codes: 0 done; 2 bad input; 130 stopped."
)


def suggest_command(
    facts_file: Annotated[
        Path | None,
        typer.Option("--facts", help="A facts file: what the other person knows about you."),
    ] = None,
    count: Annotated[int, typer.Option("--count", help="How many passphrases.")] = 5,
    words: Annotated[int, typer.Option("--words", help="Words in each passphrase.")] = 5,
    json_output: Json = False,
) -> None:
    from hygiene.cli.render import print_json
    from hygiene.facts import load_facts
    from hygiene.suggest import suggest

    facts = load_facts(facts_file) if facts_file else None
    found = suggest(facts, count=count, words=words)
    if json_output:
        print_json({"suggestions": [s.to_dict() for s in found]})
        raise typer.Exit(exitcodes.OK)
    out_of_reach = "not guessable from these facts" if facts else "no common pattern"
    for number, item in enumerate(found, start=1):
        generic, target = item.assessment.generic, item.assessment.targeted
        console.echo(f"{number}. {item.passphrase.reveal()}")
        console.echo(
            f"   {item.entropy_bits:.0f} bits of randomness; "
            f"{item.assessment.verdict.level.value} "
            f"(a stranger: score {generic.score} of 4; someone who knows you: "
            f"{'guessable' if target.guessable else out_of_reach})"
        )
    pool = found[0].pool
    console.echo(
        f"\nEach word was picked at random from {pool:,} words (about "
        f"{math.log2(pool):.1f} bits a word); words about violence, abuse, death, fear "
        "or harm are never used."
    )
    if facts is not None:
        console.echo("No word in these contains, or is part of, anything in your facts.")
    console.echo("Pick one you can type; hygiene does not keep it.")
    raise typer.Exit(exitcodes.OK)


NAME = "suggest"
COMMAND = suggest_command
