"""``hygiene signs``: the warning signs as a short questionnaire, and what they point to."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json, Region
from hygiene.cli.render import print_json


def signs(
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help=(
                "The signs that apply, by number or id, comma-separated (none for none); "
                "skips the questions."
            ),
        ),
    ] = None,
    region: Region = "uk",
    as_json: Json = False,
) -> None:
    """Ten questions about the warning signs of digital stalking, what they may point to,
    and what to do next. Exit code 1 when any sign applies."""
    from hygiene.cli.prompter import TerminalPrompter
    from hygiene.helplines import help_lines, load_region
    from hygiene.signs.assess import ask, assess, parse_answers
    from hygiene.signs.catalogue import load_signs
    from hygiene.signs.report import result_lines

    catalogue = load_signs()
    helplines = load_region(region)
    given = parse_answers(answers, catalogue) if answers is not None else None
    if given is None:
        # With --json the questions go to stderr, so stdout stays one JSON document.
        given = ask(TerminalPrompter(sys.stderr if as_json else None), catalogue)
    result = assess(catalogue, given)
    if as_json:
        print_json({**result.to_dict(), "helplines": helplines.to_dict()})
    else:
        for line in [*result_lines(result), "", *help_lines(helplines)]:
            console.echo(line)
    if result.causes:
        raise typer.Exit(exitcodes.ATTENTION)


NAME = "signs"
COMMAND = signs
