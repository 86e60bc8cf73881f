"""``hygiene forget``: remove a saved session, or all of them, and say what was removed."""

from __future__ import annotations

from typing import Annotated

import typer

from hygiene.cli import console, exitcodes

CANNOT_REMOVE = (
    "What this cannot remove:\n"
    "  - Pages and files written earlier, such as a printed plan page (--html) or a facts or "
    "accounts file: delete them where they were saved, then empty the bin.\n"
    "  - This window's scrollback and the shell's history, which keep the commands typed here "
    "(never a password): close the window; in bash, history -c clears the history."
)


def forget(
    name: Annotated[
        str | None, typer.Argument(help="The name the session was saved under.")
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Remove every saved session and key on this computer."),
    ] = False,
    passphrase: Annotated[
        bool,
        typer.Option("--passphrase", help="The session was saved with a passphrase."),
    ] = False,
) -> None:
    """Remove what was saved for a person (the file and its key), or everything with --all."""
    from hygiene.cli.vault_access import open_vault
    from hygiene.vault import KeyringUnusable, Vault
    from hygiene.vault.store import clean_label

    if everything == (name is not None):
        console.echo("error: give a name, or --all (not both).", err=True)
        raise typer.Exit(exitcodes.BAD_INPUT)
    if everything:
        try:
            vault = Vault.with_keyring()
            unusable = None
        except KeyringUnusable as exc:
            vault, unusable = Vault(None), exc
        removed = vault.forget_all()
        if unusable is not None:
            console.echo(
                "The keyring could not be opened, so any keys left in it were not removed. "
                "Without their files they open nothing.",
                err=True,
            )
    else:
        assert name is not None
        removed = open_vault(passphrase=passphrase).forget(name)
    if not removed and name is not None:
        console.echo(
            f"Nothing is saved under '{clean_label(name)}' on this computer, so nothing was "
            "removed. "
            "Check the name: hygiene session --list shows the kept sessions.",
            err=True,
        )
        raise typer.Exit(exitcodes.BAD_INPUT)
    if not removed:
        console.echo("Nothing was saved, so nothing was removed.")
        return
    console.echo("Removed:")
    for item in removed:
        console.echo(f"  - {item.what}")
    console.echo("\n" + CANNOT_REMOVE)


NAME = "forget"
COMMAND = forget
