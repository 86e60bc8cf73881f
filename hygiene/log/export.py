"""The log for the police or a court, as Markdown, CSV or JSON (HTML is in ``html``).

Every export holds the same things: who it is for, how the log was kept, the chain
check's result, every entry in the order things happened with its number, when it
happened beside when it was written, and each evidence file with its SHA-256 fingerprint.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from hygiene import __version__
from hygiene.log.chain import ChainCheck
from hygiene.log.model import HOW, IncidentLog
from hygiene.log.text import Escape, entry_parts, evidence_line, when_text
from hygiene.render import markdown_text, visible_lines

TITLE = "Incident log"
KEPT = (
    "How this log was kept: each entry was typed into hygiene, a program on the person's "
    "or their support worker's computer, and saved at once in an encrypted file "
    "(AES-256-GCM) whose key is held by that computer's keyring or a passphrase. "
    '"Written" is that computer\'s clock when the entry was saved; "Happened" is what '
    "the person said. An entry is never changed once written: a correction is a new entry "
    "that names the one it corrects, and both are shown. Each entry carries the SHA-256 "
    "fingerprint of the entry before it, so an entry changed, removed or moved afterwards "
    "shows in the check below. Each evidence file was fingerprinted with SHA-256 when it "
    "was added: a file with the same fingerprint is the same file, byte for byte."
)
HEAD = (
    "Fingerprint of the last entry: {head}. If an earlier copy of this log shows a "
    "different fingerprint for the same entry, the log was changed in between."
)


def exported_line(at: datetime) -> str:
    return f"Exported {when_text(at, seconds=True)} by hygiene {__version__}."


def to_markdown(log: IncidentLog, result: ChainCheck, label: str, at: datetime) -> str:
    md = markdown_text
    lines = [f"# {TITLE}", "", f"For: {md(label)}", "", exported_line(at), "", KEPT, ""]
    lines += ["## Check", "", result.sentence()]
    if result.count:
        lines += ["", HEAD.format(head=result.head)]
    lines.append("")
    corrected = log.corrected_by()
    lines += ["## Entries, in the order things happened", ""]
    for entry in log.chronological():
        lines += [f"### Entry {entry.number}", ""]
        for name, text in entry_parts(entry, corrected.get(entry.number, []), md):
            lines.append(f"- **{name}:** {text}")
        for index in range(len(entry.evidence)):
            lines.append(f"- **Evidence:** {evidence_line(entry, index, md)}")
        lines.append("")
    lines += ["## Evidence files", ""]
    lines += _evidence_list(log, md) or ["None."]
    return "\n".join(lines).rstrip() + "\n"


def _evidence_list(log: IncidentLog, esc: Escape) -> list[str]:
    return [
        f"- Entry {entry.number}: {evidence_line(entry, index, esc)}"
        for entry in log.chronological()
        for index in range(len(entry.evidence))
    ]


CSV_COLUMNS = (
    "entry",
    "happened",
    "time_known",
    "written",
    "where",
    "how",
    "what",
    "technology",
    "witnesses",
    "feelings",
    "police_ref",
    "corrects",
    "corrected_by",
    "evidence",
    "previous_fingerprint",
    "fingerprint",
    "check",
)


# A cell a spreadsheet would run as a formula (OWASP's list, with tab and carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """``text`` safe as a spreadsheet cell: controls written out, a formula shown as text."""
    shown = visible_lines(text)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def to_csv(log: IncidentLog, result: ChainCheck) -> str:
    """One row per entry in the order things happened; every cell safe in a spreadsheet.

    After the entries, an empty row, then how the log was kept, the check and the last
    fingerprint, each a row of two cells, so a printout of the sheet carries them too.
    """
    corrected = log.corrected_by()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in log.chronological():
        named = result.about(entry.number)
        files = entry.evidence
        writer.writerow(
            [
                entry.number,
                entry.happened_at.isoformat(),
                "yes" if entry.time_known else "no",
                entry.written_at.isoformat(),
                cell(entry.where),
                HOW[entry.how],
                cell(entry.what),
                cell(entry.technology),
                cell(entry.witnesses),
                cell(entry.feelings),
                cell(entry.police_ref),
                entry.corrects or "",
                " ".join(str(n) for n in corrected.get(entry.number, [])),
                cell("; ".join(f"{e.name} ({e.size} bytes) SHA-256 {e.sha256}" for e in files)),
                entry.previous,
                entry.fingerprint,
                cell(" ".join(named) if named else "ok"),
            ]
        )
    writer.writerow([])
    writer.writerow(["How this log was kept", KEPT.removeprefix("How this log was kept: ")])
    writer.writerow(["Check", result.sentence()])
    writer.writerow(["Fingerprint of the last entry", result.head])
    return out.getvalue()


def to_data(log: IncidentLog, result: ChainCheck, label: str, at: datetime) -> dict[str, Any]:
    """The whole log as JSON-ready data: enough for anyone to recompute each fingerprint.

    An entry's fingerprint is the SHA-256 of the entry object below without its
    ``fingerprint`` key, as JSON with sorted keys, no spaces, UTF-8.
    """
    corrected = log.corrected_by()
    return {
        "format": 1,
        "title": TITLE,
        "label": label,
        "exported_at": at.isoformat(),
        "how_kept": KEPT,
        "check": {
            "intact": result.intact,
            "entries": result.count,
            "problems": [p.text for p in result.problems],
            "last_fingerprint": result.head,
        },
        # Each entry exactly as fingerprinted: fields left at their default are left out.
        "entries": [
            entry.model_dump(mode="json", exclude_defaults=True) for entry in log.chronological()
        ],
        "corrected_by": {str(old): new for old, new in corrected.items()},
    }
