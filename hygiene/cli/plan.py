"""``hygiene plan``: the ordered action plan of a saved session, as Markdown, HTML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes


def register(app: typer.Typer) -> None:
    @app.command()
    def plan(
        name: Annotated[
            str | None,
            typer.Argument(help="The saved session to plan from; without it, the general plan."),
        ] = None,
        markdown: Annotated[
            bool, typer.Option("--markdown", help="Print the plan as Markdown (the default).")
        ] = False,
        html: Annotated[
            Path | None,
            typer.Option(
                "--html", help="Write a printable page to FILE.", metavar="FILE", dir_okay=False
            ),
        ] = None,
        json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
        show_facts: Annotated[
            bool,
            typer.Option("--show-facts", help="Show personal facts instead of hiding them."),
        ] = False,
        region: Annotated[
            str, typer.Option("--region", help="Whose helplines end the plan (default: uk).")
        ] = "uk",
        passphrase: Annotated[
            bool, typer.Option("--passphrase", help="The session was saved with a passphrase.")
        ] = False,
    ) -> None:
        """The plan, most urgent first, ending with where to get help. Never shows a password."""
        from hygiene.cli.files import write_chosen
        from hygiene.cli.render import print_json
        from hygiene.cli.vault_access import open_vault
        from hygiene.plan import to_data, to_html, to_markdown
        from hygiene.plan.saved import plan_of

        if sum([markdown, html is not None, json]) > 1:
            console.echo("error: choose one of --markdown, --html FILE, --json.", err=True)
            raise typer.Exit(exitcodes.BAD_INPUT)
        document = open_vault(passphrase=passphrase).load(name) if name else None
        result = plan_of(document, show_facts=show_facts, region_id=region)
        if html is not None:
            write_chosen(html, to_html(result).encode())
            console.echo(f"The plan was written to {html}. It opens in any browser and prints.")
        elif json:
            print_json(to_data(result))
        else:
            console.echo(to_markdown(result), nl=False)
        if result.action_count:
            raise typer.Exit(exitcodes.ATTENTION)
