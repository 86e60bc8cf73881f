"""``hygiene demo``: the whole tool on a made-up person, offline, before typing anything real."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console

INTRO = (
    "This is a demonstration on a made-up person, Robin Ashdown. Nothing here is real, "
    "nothing was sent anywhere and nothing was kept. It shows the plan hygiene ends in: "
    "what to do first, and why."
)
OUTRO = (
    "To copy the files this ran on into a folder, to read or use as templates: "
    "hygiene examples FOLDER. To start for real: hygiene session, for a guided meeting."
)


def demo(
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Also write the printable page to FILE.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Run every check on a made-up person's files, offline, and print the plan.

    Needs no password, no network and no keyring, and writes nothing but --html FILE.
    """
    from hygiene.cli.files import write_chosen
    from hygiene.demo import demo_plan
    from hygiene.plan import to_html, to_markdown

    plan = demo_plan()
    console.echo(INTRO + "\n")
    console.echo(to_markdown(plan))
    console.echo(OUTRO)
    if html is not None:
        write_chosen(html, to_html(plan).encode())
        console.echo(
            f"\nThe printable page was written to {html.resolve()}. It opens in any browser."
        )


NAME = "demo"
COMMAND = demo
