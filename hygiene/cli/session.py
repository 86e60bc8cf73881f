"""``hygiene session``: the guided meeting, in a terminal, resumable with --resume NAME."""

from __future__ import annotations

from typing import Annotated

import typer

from hygiene.cli import exitcodes
from hygiene.cli.breach_options import ApiUrl, Corpus, Offline


def register(app: typer.Typer) -> None:
    @app.command()
    def session(
        resume: Annotated[
            str | None,
            typer.Option("--resume", metavar="NAME", help="Carry on a kept session."),
        ] = None,
        passphrase: Annotated[
            bool, typer.Option("--passphrase", help="Lock or open the session with a passphrase.")
        ] = False,
        region: Annotated[
            str, typer.Option("--region", help="Whose helplines to give (default: uk).")
        ] = "uk",
        offline: Offline = False,
        corpus: Corpus = None,
        api_url: ApiUrl = None,
    ) -> None:
        """A guided meeting: safety first, warning signs, what they know, passwords (hidden,
        never kept), accounts and recovery, email plan, and the plan to take away. Nothing
        is kept unless you choose; q or Ctrl-C leaves at once and clears the screen."""
        from hygiene.cli.breach_options import open_breach_source
        from hygiene.helplines import load_region
        from hygiene.prompts import TerminalPrompter
        from hygiene.session import run_session

        load_region(region)  # an unknown region is bad input before any question
        with open_breach_source(offline, corpus, api_url) as source:
            meeting = run_session(
                TerminalPrompter(),
                resume=resume,
                passphrase=passphrase,
                breach=source,
                region=region,
            )
        if meeting.document.found():
            raise typer.Exit(exitcodes.ATTENTION)
