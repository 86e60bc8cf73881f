"""``hygiene session``: the guided meeting, in a terminal, resumable with --resume NAME."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import ApiUrl, Corpus, Offline, Region


def session(
    name: Annotated[
        str | None,
        typer.Argument(help="The name a kept session was saved under, to carry it on."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Carry on a kept session: --resume NAME. Alone, it lists the kept sessions.",
        ),
    ] = False,
    list_kept: Annotated[
        bool, typer.Option("--list", help="List the kept sessions and where each stopped.")
    ] = False,
    passphrase: Annotated[
        bool, typer.Option("--passphrase", help="Lock or open the session with a passphrase.")
    ] = False,
    region: Region = "uk",
    facts_file: Annotated[
        Path | None,
        typer.Option("--facts", help="A facts file to start from (what they know)."),
    ] = None,
    accounts_file: Annotated[
        Path | None,
        typer.Option("--accounts", help="An accounts file to start from."),
    ] = None,
    offline: Offline = False,
    corpus: Corpus = None,
    api_url: ApiUrl = None,
) -> None:
    """A guided meeting: safety first, warning signs, what they know, passwords (hidden,
    never kept), accounts and recovery, email plan, and the plan to take away. Nothing
    is kept unless you choose; q or Ctrl-C leaves at once and clears the screen."""
    from hygiene.cli.breach_options import open_breach_source
    from hygiene.cli.prompter import TerminalPrompter, offer_to_clear
    from hygiene.helplines import load_region
    from hygiene.session import run_session

    if list_kept or (resume and name is None):
        _list(passphrase)
        return
    from hygiene.accounts.inventory import load_inventory
    from hygiene.facts import load_facts

    # Bad input is refused before the first question.
    load_region(region)
    facts = load_facts(facts_file) if facts_file else None
    inventory = load_inventory(accounts_file) if accounts_file else None
    prompter = TerminalPrompter()
    with open_breach_source(offline, corpus, api_url) as source:
        meeting = run_session(
            prompter,
            resume=name,
            passphrase=passphrase,
            breach=source,
            region=region,
            facts=facts,
            inventory=inventory,
        )
    offer_to_clear(prompter)
    if meeting.document.found():
        raise typer.Exit(exitcodes.ATTENTION)


STEP_WORDS = {
    "signs": "the warning signs",
    "facts": "what they know",
    "passwords": "passwords",
    "accounts": "accounts and recovery",
    "log": "the incident log",
    "email_plan": "the email plan",
    "summary": "the summary",
}


def _list(passphrase: bool) -> None:
    from hygiene.cli.vault_access import open_vault

    kept = open_vault(passphrase=passphrase).kept()
    if not kept:
        console.echo("No sessions are kept on this computer.")
        return
    console.echo("Kept sessions (carry one on with: hygiene session --resume NAME):")
    for document in kept:
        step = document.progress.next_step
        where = (
            "finished"
            if step == "done"
            else f"carries on at {STEP_WORDS.get(step or '', 'the start')}"
        )
        console.echo(f"  {document.label}: {where}")


NAME = "session"
COMMAND = session
