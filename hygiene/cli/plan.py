"""``hygiene plan``: the ordered action plan of a saved session, or of files a worker
prepared, as Markdown, HTML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json, Region


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
    json: Json = False,
    show_facts: Annotated[
        bool,
        typer.Option("--show-facts", help="Show personal facts instead of hiding them."),
    ] = False,
    region: Region = "uk",
    passphrase: Annotated[
        bool, typer.Option("--passphrase", help="The session was saved with a passphrase.")
    ] = False,
    facts: Annotated[
        Path | None,
        typer.Option("--facts", help="Plan from files: what the other person knows (TOML)."),
    ] = None,
    accounts: Annotated[
        Path | None,
        typer.Option("--accounts", help="Plan from files: the accounts inventory (TOML)."),
    ] = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Plan from files: a password export, checked against the built-in list "
            "of common passwords only (hygiene audit does the full breach check).",
        ),
    ] = None,
    signs: Annotated[
        str | None,
        typer.Option(
            "--signs",
            help="Plan from files: the warning signs that apply, by number or id, "
            "comma-separated (as hygiene signs --answers).",
        ),
    ] = None,
    done: Annotated[
        str | None,
        typer.Option("--done", help="Mark item N of the saved plan done.", metavar="N"),
    ] = None,
    later: Annotated[
        str | None,
        typer.Option(
            "--later",
            help="Mark item N for later: it waits, with --reason, and --not-before or --by.",
            metavar="N",
        ),
    ] = None,
    undo: Annotated[
        str | None,
        typer.Option("--undo", help="Take the mark off item N: it is to do again.", metavar="N"),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help='With --later: why it waits (without it, asked; the default is "it would '
            'alert them").',
        ),
    ] = None,
    not_before: Annotated[
        str | None,
        typer.Option(
            "--not-before",
            help="With --later: the day it waits for, like 15/01/2027.",
            metavar="DAY",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="With --later: the day to do it by.", metavar="DAY"),
    ] = None,
) -> None:
    """The plan, most urgent first, ending with where to get help. Never shows a password.

    From a saved session (NAME), or from files (--facts, --accounts, --export, --signs),
    read in memory: a plan from files saves nothing.

    On a saved session, --done N, --later N and --undo N mark item N (the number the
    plan shows, or the item's key from --json); the mark is kept with the session.
    """
    from hygiene.cli.files import write_chosen
    from hygiene.cli.marks import apply, request_of
    from hygiene.cli.render import print_json
    from hygiene.cli.vault_access import open_vault
    from hygiene.errors import InputError
    from hygiene.plan import progress, to_data, to_html, to_markdown
    from hygiene.plan.files import document_from_files
    from hygiene.plan.saved import plan_of
    from hygiene.vault.document import VaultDocument

    if sum([markdown, html is not None, json]) > 1:
        console.echo("error: choose one of --markdown, --html FILE, --json.", err=True)
        raise typer.Exit(exitcodes.BAD_INPUT)
    from_files = any(x is not None for x in (facts, accounts, export, signs))
    if name and from_files:
        raise InputError("plan from a saved session (NAME) or from files, not both")
    request = request_of(done, later, undo, reason, not_before, by)
    if request is not None:
        if not name or from_files:
            raise InputError(
                "--done, --later and --undo mark an item of a saved session's plan: give its "
                "NAME (a plan from files keeps nothing)"
            )
        if markdown or html is not None or json or show_facts:
            raise InputError("mark an item, or show the plan, one at a time")
        apply(open_vault(passphrase=passphrase), name, request)
        return
    document: VaultDocument | None = None
    if from_files:
        document = document_from_files(
            "the files given", facts=facts, accounts=accounts, export=export, signs=signs
        )
    elif name:
        document = open_vault(passphrase=passphrase).load(name)
    result = plan_of(document, show_facts=show_facts, region_id=region)
    if html is not None:
        write_chosen(html, to_html(result).encode())
        console.echo(
            f"The plan was written to {html.resolve()}. It opens in any browser and "
            "prints. It stays there until you delete it (hygiene forget does not remove "
            "it): keep it, or the printout, where the other person cannot see it."
        )
    elif json:
        print_json(to_data(result))
    else:
        console.echo(to_markdown(result), nl=False)
    tally = progress.tracked(result).tally()
    if not tally.total:  # nothing was checked: never an all-clear
        raise typer.Exit(exitcodes.UNKNOWN)
    if tally.done < tally.total:  # something is still to do, waiting or not
        raise typer.Exit(exitcodes.ATTENTION)


NAME = "plan"
COMMAND = plan
