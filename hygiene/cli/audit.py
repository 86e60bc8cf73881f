"""``hygiene audit``: check every login of a password-manager export at once, most urgent first.

Options, one core call (``run_audit``), and rendering as text, Markdown or JSON. The
export is read where it lies and nothing is written anywhere; the last words remind the
person to delete the plaintext export.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.breach_options import open_breach_source
from hygiene.cli.options import ApiUrl, Corpus, Json, Offline
from hygiene.render import markdown_text as md
from hygiene.render import visible

if TYPE_CHECKING:
    from hygiene.audit.run import AuditReport
    from hygiene.errors import InputError
    from hygiene.secret import Secret

HELP = (
    "Check every login in a password-manager export at once: passwords the other person "
    "knew or can guess, reused, breached, weak or similar ones, http:// addresses and old "
    "passwords; most urgent first. Passwords are never shown.\n\n"
    "Layouts: Bitwarden, Chrome/Edge/Brave, Firefox, KeePassXC, KeePass (CSV, XML, or the "
    ".kdbx database itself, opened with its password), LastPass, 1Password, Apple "
    "Passwords/Safari, Dashlane, Proton Pass, NordPass, Keeper, RoboForm, Enpass, Zoho "
    "Vault, Psono, Kaspersky, SafeInCloud, Buttercup and Padlock; re-saved in UTF-16 or "
    "Windows-1252, with ; or tab, or inside a zip. Detected from the file, or named with "
    "--format.\n\n"
    "Exit codes: 0 nothing needs acting on; 1 something does; 2 the file could not be "
    "read; 3 no login or only a few of the rows were read as logins, or some passwords "
    "could not be checked for breaches (unknown, not safe); 130 stopped."
)
DELETE_REMINDER = (
    "When you are done, delete the export file and empty the bin: it holds every password "
    "in plain text."
)
SAFETY = (
    "Before changing passwords: if a change could alert the other person, keep any "
    "evidence you need first, and change them from a device they have never used."
)
SKIP_WORDS = {
    "not_login": "not logins (notes, cards and the like)",
    "trashed": "in the trash or archived",
    "no_password": "logins without a password",
    "malformed": "rows that could not be read",
}


def _who(entry: object) -> str:
    from hygiene.audit.domains import host_of
    from hygiene.audit.run import AuditedEntry

    assert isinstance(entry, AuditedEntry)
    details = [d for d in (entry.entry.username, host_of(entry.entry.url)) if d]
    return entry.name + (f" ({', '.join(details)})" if details else "")


def _skipped_lines(report: AuditReport) -> list[str]:
    lines = [f"row {s.row}: {s.reason}" for s in report.skipped if s.kind.value == "malformed"]
    counts = report.summary()["skipped_by_kind"]
    lines += [f"{n} {SKIP_WORDS[k]}" for k, n in counts.items() if n and k != "malformed"]
    return lines


def _summary_words(report: AuditReport) -> list[str]:
    s = report.summary()
    lines = [
        f"{s['logins']} logins checked ({s['distinct_passwords']} different passwords); "
        f"{s['needs_action']} need acting on; {s['skipped']} skipped."
    ]
    counts = [f"{n} {reason}" for reason, n in s["by_reason"].items() if n]
    if counts:
        lines.append("By reason: " + ", ".join(counts) + ".")
    unknown = s["breach"]["unknown"]
    if unknown:
        lines.append(
            f"{unknown} logins could not be checked for breaches: their breach status is "
            "unknown, not safe. Try again later or with --corpus."
        )
    return lines


def _advice(report: AuditReport) -> list[tuple[str, str, str]]:
    from hygiene.audit.reasons import Reason
    from hygiene.findings import registry

    present = {r for e in report.entries for r, _ in e.reasons}
    said = {r: registry().words(f"password_{r.value}", parts=("why", "fix")) for r in present}
    return [(r.value, said[r]["why"], said[r]["fix"]) for r in Reason if r in present]


def _opening(report: AuditReport) -> list[str]:
    """How the file was read, and any doubt that it was read right, before any result."""
    lines = list(report.notes)
    doubt = report.doubt()
    if doubt:
        lines.append(f"Warning: {doubt}")
    return [*lines, ""] if lines else []


def render_text(report: AuditReport, path: Path, quiet: bool) -> list[str]:
    lines = [f"Audit of {visible(path.name)} ({report.label}).", "", *_opening(report)]
    found = report.lines()
    if found:
        lines.append("Most urgent first:")
        for number, (reason, entry, text) in enumerate(found, start=1):
            who = visible(_who(entry))  # one line each: a planted newline is written out
            lines.append(f"{number:4}. {reason.severity.value.upper():6} {who}: {visible(text)}")
    elif report.entries and not report.misread:
        lines.append("Nothing in this export needs acting on.")
    elif report.entries:
        lines.append("Nothing among the logins that were read needs acting on.")
    skipped = _skipped_lines(report)
    if skipped:
        lines += ["", "Skipped:"] + [f"  {visible(line)}" for line in skipped]
    lines += ["", *_summary_words(report)]
    if not quiet and found:
        lines += ["", "What the reasons mean:"]
        for reason_id, why, fix in _advice(report):
            lines += [f"  {reason_id}: {why}", f"    What to do: {fix}"]
        lines += ["", SAFETY]
    return [*lines, "", DELETE_REMINDER] if report.plaintext else lines


def render_markdown(report: AuditReport, path: Path) -> list[str]:
    lines = [f"# Password audit of {md(path.name)}", "", f"Layout: {report.label}.", ""]
    lines += [md(line) for line in _opening(report)]
    found = report.lines()
    lines += ["## Most urgent first", ""]
    if not found and report.entries and not report.misread:
        lines.append("Nothing in this export needs acting on.")
    elif not found and report.entries:
        lines.append("Nothing among the logins that were read needs acting on.")
    elif not found:
        lines.append("No login was read, so nothing was checked.")
    for number, (reason, entry, text) in enumerate(found, start=1):
        lines.append(f"{number}. **{reason.severity.value.upper()}** {md(_who(entry))}: {md(text)}")
    skipped = _skipped_lines(report)
    if skipped:
        lines += ["", "## Skipped", ""] + [f"- {md(line)}" for line in skipped]
    lines += ["", "## Summary", ""] + [f"- {md(line)}" for line in _summary_words(report)]
    if found:
        lines += ["", "## What to do", ""]
        for reason_id, why, fix in _advice(report):
            lines.append(f"- **{reason_id}**: {why} {fix}")
        lines += ["", SAFETY]
    return [*lines, "", f"**{DELETE_REMINDER}**"] if report.plaintext else lines


def _unlock() -> Secret:
    from hygiene.cli.secret_input import read_password

    return read_password("Password of this KeePass database")


def _print_error(exc: InputError) -> None:
    """A refusal as JSON on standard output, for scripts: what kind, why, which product."""
    from hygiene.cli.render import print_json
    from hygiene.exports.interface import Refused

    refused = exc if isinstance(exc, Refused) else None
    print_json(
        {
            "error": {
                "kind": refused.kind if refused else "bad_input",
                "message": str(exc),
                "product": refused.product if refused else None,
            }
        }
    )


def exit_code(report: AuditReport) -> int:
    """Something to act on wins; then anything unknown (a misread file, a failed lookup)."""
    if report.needs_action:
        return exitcodes.ATTENTION
    if report.misread or report.breach_unknown:
        return exitcodes.UNKNOWN
    return exitcodes.OK


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    from hygiene.errors import InputError

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InputError("--since needs a date like 2024-05-31") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def audit(
    export: Annotated[
        Path,
        typer.Argument(help="The export file (CSV, JSON, XML, text, .1pux, zip or .kdbx)."),
    ],
    facts_file: Annotated[
        Path | None,
        typer.Option("--facts", help="A facts file: what the other person knows about you."),
    ] = None,
    layout: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="The export layout when detection gets it wrong, such as bitwarden-csv, "
            "chrome-csv or 1pux; an export hygiene cannot tell lists every name.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="A date (YYYY-MM-DD), such as when you separated: flag passwords not "
            "changed since, where the export records it. Default: a year ago.",
        ),
    ] = None,
    json_output: Json = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", help="No progress bar and no explanations.")
    ] = False,
    offline: Offline = False,
    corpus: Corpus = None,
    api_url: ApiUrl = None,
) -> None:
    from hygiene.audit.run import run_audit
    from hygiene.cli.progress import ProgressBar
    from hygiene.cli.render import print_json
    from hygiene.errors import InputError
    from hygiene.exports.registry import open_export
    from hygiene.facts import load_facts

    if json_output and markdown:
        raise InputError("choose one of --json and --markdown")
    cutoff = _since(since)
    facts = load_facts(facts_file) if facts_file else None
    bar = ProgressBar() if sys.stderr.isatty() and not (json_output or quiet) else None
    try:
        # Opened before the bar is drawn: a KeePass database asks for its password.
        opened = open_export(export, layout, unlock=_unlock)
        with open_breach_source(offline, corpus, api_url) as source:
            report = run_audit(opened, source, facts, observer=bar, since=cutoff)
    except InputError as exc:
        if json_output:
            _print_error(exc)
            raise typer.Exit(exitcodes.BAD_INPUT) from None
        raise
    finally:
        if bar is not None:
            bar.close()
    if json_output:
        print_json(report.to_dict())
        if report.plaintext:
            console.echo(DELETE_REMINDER, err=True)
    elif markdown:
        console.echo("\n".join(render_markdown(report, export)))
    else:
        console.echo("\n".join(render_text(report, export, quiet)))
    raise typer.Exit(exit_code(report))


NAME = "audit"
COMMAND = audit
