"""``hygiene catalogue``: what in the provider catalogue is unconfirmed or due a re-check."""

from __future__ import annotations

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json
from hygiene.cli.render import print_json


def catalogue(
    as_json: Json = False,
) -> None:
    """For maintainers: per provider, how many items are not confirmed or were checked long ago.

    Exit code 1 when any item needs checking against the provider's help again.
    """
    import datetime

    from hygiene.accounts.freshness import freshness, freshness_lines
    from hygiene.accounts.providers import shipped_catalogue

    report = freshness(shipped_catalogue(), datetime.date.today())
    if as_json:
        print_json(report.to_dict())
    else:
        console.echo("\n".join(freshness_lines(report)))
    raise typer.Exit(exitcodes.ATTENTION if report.needs_work else exitcodes.OK)


NAME = "catalogue"
COMMAND = catalogue
