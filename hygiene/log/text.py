"""The log as lines of text: one line per entry for a list, every part of one entry shown.

These lines carry the person's words escaped for the place they go by the rule given
(``hygiene.render``), so the same lines serve the terminal (``visible``), the Markdown
export (``markdown_text``) and the page (``html_text``). Times are written in full, with
their offset from UTC, because a court reads them later, maybe in another season.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from hygiene.log.chain import ChainCheck
from hygiene.log.model import HOW, IncidentLog, LogEntry

Escape = Callable[[str], str]


def when_text(moment: datetime, time_known: bool = True, *, seconds: bool = False) -> str:
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    day = f"{moment.strftime('%a')} {moment.day} {moment.strftime('%b %Y')}"
    if not time_known:
        return f"{day} (time not known)"
    return f"{day}, {moment.strftime('%H:%M:%S' if seconds else '%H:%M')} ({zone})"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def entry_parts(entry: LogEntry, corrected_by: list[int], escape: Escape) -> list[tuple[str, str]]:
    """Each part of ``entry`` as (what it is, the text), empty parts left out."""
    parts = [
        ("Happened", when_text(entry.happened_at, entry.time_known)),
        ("Written", when_text(entry.written_at, seconds=True)),
    ]
    if entry.corrects is not None:
        parts.append(("Corrects", f"entry {entry.corrects}"))
    if corrected_by:
        parts.append(("Corrected by", ", ".join(f"entry {n}" for n in corrected_by)))
    parts += [
        ("Where", escape(entry.where)),
        ("How it came", HOW[entry.how]),
        ("What happened", escape(entry.what)),
        ("Technology suspected", escape(entry.technology)),
        ("Witnesses", escape(entry.witnesses)),
        ("How it felt", escape(entry.feelings)),
        ("Police reference", escape(entry.police_ref)),
    ]
    return [(name, text) for name, text in parts if text]


def evidence_line(entry: LogEntry, index: int, escape: Escape) -> str:
    item = entry.evidence[index]
    copy = "copy kept in the log" if item.copy_kept else "no copy kept"
    modified = f", file dated {when_text(item.modified, seconds=True)}" if item.modified else ""
    return f"{escape(item.name)} ({size_text(item.size)}{modified}; {copy}) SHA-256 {item.sha256}"


def entry_lines(entry: LogEntry, corrected_by: list[int], escape: Escape) -> list[str]:
    lines = [f"Entry {entry.number}"]
    lines += [f"  {name}: {text}" for name, text in entry_parts(entry, corrected_by, escape)]
    if entry.evidence:
        lines.append("  Evidence:")
        lines += [f"    - {evidence_line(entry, i, escape)}" for i in range(len(entry.evidence))]
    return lines


def summary_line(entry: LogEntry, escape: Escape, width: int = 60) -> str:
    what = entry.what if len(entry.what) <= width else entry.what[: width - 1] + "…"
    extras = []
    if entry.evidence:
        extras.append(f"{len(entry.evidence)} file{'s' if len(entry.evidence) > 1 else ''}")
    if entry.corrects is not None:
        extras.append(f"corrects {entry.corrects}")
    tail = f" [{'; '.join(extras)}]" if extras else ""
    when = when_text(entry.happened_at, entry.time_known)
    return f"{entry.number}. {when}: {escape(what)}{tail}"


def list_lines(log: IncidentLog, result: ChainCheck, escape: Escape) -> list[str]:
    """Every entry in the order things happened, then the chain check."""
    lines = [summary_line(entry, escape) for entry in log.chronological()]
    lines += ["", result.sentence()]
    if result.count:
        lines.append(f"Fingerprint of the last entry: {result.head}")
    return lines
