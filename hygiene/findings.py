"""The Finding: the one currency between checks and reports.

A check says what it found as findings; a report renders findings. Nothing else crosses
between the two, so every output format (terminal, Markdown, HTML, JSON) shows the same
facts in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How soon to act, most urgent first."""

    URGENT = "urgent"  # the abuser can get in now
    HIGH = "high"  # one step from getting in, or a root of other ways in
    MEDIUM = "medium"  # makes getting in easier
    LOW = "low"  # good to do

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Finding:
    """One thing to know and do. ``id`` is a stable snake_case name scripts can rely on."""

    id: str
    severity: Severity
    subject: str
    title: str
    why: str
    fix: str
    safety: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Most urgent first; ties keep the order the checks produced them in."""
    return sorted(findings, key=lambda f: f.severity.rank)
