"""What an incident log holds: entries written once, each linked to the one before.

An entry records when something happened and, apart from that, when it was written; where,
what, how it came, the technology suspected, witnesses, how it felt, a police reference,
and the evidence files by their SHA-256 fingerprints. Entries are frozen: a correction is
a new entry naming the one it corrects. Copies of evidence files, when the person chose to
keep them, sit beside the entries under their fingerprint, inside the encrypted vault.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Base64Bytes, BaseModel, ConfigDict, Field

# The fingerprint the first entry links to: there is nothing before it.
GENESIS = "0" * 64

# How it came, as the National Stalking Helpline's diary and NNEDV's technology log ask.
HOW: dict[str, str] = {
    "message": "A message (text, WhatsApp, other app)",
    "call": "A phone or video call",
    "social_media": "Social media",
    "email": "Email",
    "in_person": "In person",
    "tracker": "A tracker or location sharing",
    "account_change": "A change in one of my accounts",
    "other": "Something else",
    "unsure": "Not sure",
}
How = Literal[
    "message",
    "call",
    "social_media",
    "email",
    "in_person",
    "tracker",
    "account_change",
    "other",
    "unsure",
]

# A SHA-256 in lower-case hex.
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """One file given as evidence, as it was when it was added."""

    name: str = Field(min_length=1, max_length=255)  # the file's name, never its folder
    size: int = Field(ge=0)
    sha256: Fingerprint
    modified: AwareDatetime | None = None  # the file's own time, as the disk had it
    copy_kept: bool = False


class LogEntry(_Model):
    number: int = Field(ge=1)  # the order it was written in, from 1
    happened_at: AwareDatetime
    time_known: bool = True  # False: only the day is known
    written_at: AwareDatetime
    what: str = Field(min_length=1, max_length=20_000)
    where: str = Field(default="", max_length=1_000)
    how: How = "unsure"
    technology: str = Field(default="", max_length=1_000)
    witnesses: str = Field(default="", max_length=1_000)
    feelings: str = Field(default="", max_length=5_000)
    police_ref: str = Field(default="", max_length=200)
    corrects: int | None = Field(default=None, ge=1)
    evidence: tuple[Evidence, ...] = ()
    previous: Fingerprint  # of the entry before
    fingerprint: Fingerprint  # of this entry, from everything in it but this field


class IncidentLog(_Model):
    entries: tuple[LogEntry, ...] = ()
    # The fingerprint of the last entry written: a removed last entry leaves this behind.
    head: Fingerprint = GENESIS
    copies: dict[Fingerprint, Base64Bytes] = {}  # evidence fingerprint -> the file's bytes

    def entry(self, number: int) -> LogEntry | None:
        return next((e for e in self.entries if e.number == number), None)

    def chronological(self) -> list[LogEntry]:
        """Entries in the order things happened; written order breaks ties."""
        return sorted(self.entries, key=lambda e: (e.happened_at, e.number))

    def corrected_by(self) -> dict[int, list[int]]:
        """For each corrected entry, the entries that correct it."""
        found: dict[int, list[int]] = {}
        for entry in self.entries:
            if entry.corrects is not None:
                found.setdefault(entry.corrects, []).append(entry.number)
        return found

    @property
    def evidence_count(self) -> int:
        return sum(len(e.evidence) for e in self.entries)


def entries_text(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def local_now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)
