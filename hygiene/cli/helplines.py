"""``hygiene helplines``: where to get help, from the region files in ``checks/regions/``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console
from hygiene.cli.options import Json, Region
from hygiene.cli.render import print_json


def helplines(
    region: Region = "uk",
    regions_dir: Annotated[
        Path | None,
        typer.Option(
            "--regions-dir",
            help="A folder of your organisation's own region files, read with the built-in ones.",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Show the numbers to call for help, and the legal options, for your region."""
    from hygiene.helplines import help_lines, load_region

    found = load_region(region, extra=regions_dir)
    if as_json:
        print_json(found.to_dict())
        return
    for line in help_lines(found):
        console.echo(line)


NAME = "helplines"
COMMAND = helplines
