"""``hygiene log``: the incident log of a kept session: add, list, show, export, copies."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json
from hygiene.cli.shape import group

if TYPE_CHECKING:
    from hygiene.log import ChainCheck, IncidentLog
    from hygiene.vault import Vault, VaultDocument

log_app = group(
    "A diary of what happened, for the police or a court: each entry is locked with the "
    "kept session and linked to the one before, so any change shows."
)

NameArg = Annotated[str, typer.Argument(help="The name the session is kept under.")]
Passphrase = Annotated[
    bool, typer.Option("--passphrase", help="The session is locked with a passphrase.")
]


def _open(name: str, passphrase: bool) -> tuple[Vault, VaultDocument]:
    from hygiene.cli.vault_access import open_vault

    vault = open_vault(passphrase=passphrase)
    return vault, vault.load(name)


def _checked(document: VaultDocument) -> tuple[IncidentLog, ChainCheck]:
    """The log and its chain check; a broken chain is said at once, on standard error."""
    from hygiene.log import check

    result = check(document.log)
    if not result.intact:
        console.echo(f"warning: {result.sentence()}", err=True)
    return document.log, result


@log_app.command("add")
def add(
    name: NameArg,
    when: Annotated[
        str | None,
        typer.Option(help="When it happened, e.g. '30/11/2026 21:15' (default: now)."),
    ] = None,
    where: Annotated[str | None, typer.Option(help="Where it happened.")] = None,
    what: Annotated[str | None, typer.Option(help="What happened, in your own words.")] = None,
    how: Annotated[
        str | None,
        typer.Option(
            help="How it came: message, call, social_media, email, in_person, tracker, "
            "account_change, other, unsure."
        ),
    ] = None,
    technology: Annotated[
        str | None, typer.Option(help="The technology you think they used.")
    ] = None,
    witness: Annotated[
        list[str] | None, typer.Option(help="Someone who saw or heard it (repeat for more).")
    ] = None,
    feelings: Annotated[str | None, typer.Option(help="How it made you feel.")] = None,
    police_ref: Annotated[
        str | None, typer.Option("--police-ref", help="The police reference number.")
    ] = None,
    evidence: Annotated[
        list[Path] | None,
        typer.Option(help="A file kept as evidence (repeat for more); it is fingerprinted."),
    ] = None,
    keep_copy: Annotated[
        bool,
        typer.Option("--keep-copy", help="Keep an encrypted copy of each evidence file too."),
    ] = False,
    corrects: Annotated[
        int | None,
        typer.Option(help="This entry corrects entry N; parts not given are copied from it."),
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Nothing is kept under NAME yet: start keeping it.")
    ] = False,
    passphrase: Passphrase = False,
) -> None:
    """Write an entry. With no parts given as options, asks for each one.

    An entry is never changed afterwards; to put one right, add a correction with
    --corrects N."""
    from hygiene.cli.prompter import TerminalPrompter
    from hygiene.cli.vault_access import open_vault
    from hygiene.errors import InputError
    from hygiene.log.ask import ask_entry
    from hygiene.log.evidence import take
    from hygiene.log.write import given_draft, write
    from hygiene.vault import VaultDocument
    from hygiene.vault.store import clean_label

    vault = open_vault(passphrase=passphrase)
    if new and vault.exists(name):
        raise InputError(f"Something is already kept under '{clean_label(name)}'; leave out --new.")
    document = VaultDocument(label=clean_label(name)) if new else vault.load(name)
    log, _ = _checked(document)
    parts = {
        "where": where,
        "what": what,
        "how": how,
        "technology": technology,
        "witnesses": ", ".join(witness) if witness else None,
        "feelings": feelings,
        "police_ref": police_ref,
    }
    if when is None and evidence is None and all(v is None for v in parts.values()):
        draft = ask_entry(TerminalPrompter(), log, corrects=corrects)
        if draft is None:
            return
    else:
        taken = tuple(take(path, keep_copy=keep_copy) for path in evidence or [])
        draft = given_draft(log, when, parts, corrects=corrects, evidence=taken)
    new_log, entry = write(log, draft)
    vault.save(document.model_copy(update={"log": new_log}))
    if new:
        console.echo(f"'{document.label}' is kept now; `hygiene forget` removes it.")
    console.echo(f"Entry {entry.number} is written in the log of '{document.label}'.")
    for item in entry.evidence:
        console.echo(f"  Evidence {_safe(item.name)}: SHA-256 {item.sha256}")


def _safe(text: str) -> str:
    from hygiene.render import visible as terminal

    return terminal(text)


@log_app.command("list")
def list_entries(name: NameArg, passphrase: Passphrase = False) -> None:
    """Every entry, in the order things happened, and whether the log is as it was written."""
    from hygiene.log.text import list_lines
    from hygiene.render import visible as terminal

    _, document = _open(name, passphrase)
    log, result = _checked(document)
    if not log.entries and result.intact:
        console.echo(f"The log of '{document.label}' has no entries yet.")
        console.echo(f"To add one: hygiene log add '{document.label}'")
        return
    console.echo("\n".join(list_lines(log, result, terminal)))
    if not result.intact:
        raise typer.Exit(exitcodes.ATTENTION)


@log_app.command("show")
def show(
    name: NameArg,
    number: Annotated[int, typer.Argument(help="The entry's number, as the list gives it.")],
    passphrase: Passphrase = False,
) -> None:
    """One entry in full, with its evidence and what the check says about it."""
    from hygiene.errors import InputError
    from hygiene.log.text import entry_lines
    from hygiene.render import visible as terminal

    _, document = _open(name, passphrase)
    log, result = _checked(document)
    entry = log.entry(number)
    if entry is None:
        raise InputError(f"The log of '{document.label}' has no entry {number}.")
    console.echo("\n".join(entry_lines(entry, log.corrected_by().get(number, []), terminal)))
    console.echo(f"  Fingerprint: {entry.fingerprint}")
    about = result.about(number)
    console.echo(f"  Check: {' '.join(about)}" if about else "  Check: as it was written.")
    if not result.intact:
        raise typer.Exit(exitcodes.ATTENTION)


@log_app.command("export")
def export(
    name: NameArg,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="FILE", dir_okay=False, help="Write a printable page."),
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print it as Markdown (the default).")
    ] = False,
    csv: Annotated[
        Path | None,
        typer.Option("--csv", metavar="FILE", dir_okay=False, help="Write a spreadsheet file."),
    ] = None,
    json: Json = False,
    passphrase: Passphrase = False,
) -> None:
    """The whole log for the police or a court: numbered, in the order things happened,
    with the evidence fingerprints and the check. Written only where you say."""
    from hygiene.cli.files import write_chosen
    from hygiene.cli.render import print_json
    from hygiene.errors import InputError
    from hygiene.log import export as formats
    from hygiene.log.html import to_html
    from hygiene.log.model import entries_text, local_now

    if sum([html is not None, markdown, csv is not None, json]) > 1:
        console.echo("error: choose one of --html FILE, --markdown, --csv FILE, --json.", err=True)
        raise typer.Exit(exitcodes.BAD_INPUT)
    _, document = _open(name, passphrase)
    log, result = _checked(document)
    if not log.entries:
        raise InputError(f"The log of '{document.label}' has no entries, so nothing was exported.")
    at, label = local_now(), document.label
    if html is not None or csv is not None:
        target = html if html is not None else csv
        assert target is not None
        text = to_html(log, result, label, at) if html is not None else formats.to_csv(log, result)
        write_chosen(target, text.encode("utf-8"))
        console.echo(
            f"The log ({entries_text(len(log.entries))}) was written to {_safe(str(target))}."
        )
        console.echo("Keep it where the other person cannot reach it.")
    elif json:
        print_json(formats.to_data(log, result, label, at))
    else:
        console.echo(formats.to_markdown(log, result, label, at), nl=False)
    if not result.intact:
        raise typer.Exit(exitcodes.ATTENTION)


@log_app.command("copies")
def copies(
    name: NameArg,
    folder: Annotated[
        Path, typer.Argument(help="A folder to write the kept copies into.", file_okay=False)
    ],
    passphrase: Passphrase = False,
) -> None:
    """Write out the evidence copies kept in the log, each checked against its fingerprint."""
    from hygiene.log.evidence import write_copies

    _, document = _open(name, passphrase)
    log, result = _checked(document)
    written = write_copies(log, folder)
    if not written:
        console.echo("No copies are kept in this log, so nothing was written.")
        raise typer.Exit(exitcodes.BAD_INPUT)
    for path in written:
        console.echo(f"Written: {_safe(str(path))}")
    if not result.intact:
        raise typer.Exit(exitcodes.ATTENTION)


NAME = "log"
GROUP = log_app
