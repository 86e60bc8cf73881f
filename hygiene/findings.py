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

    URGENT = "urgent"  # the other person can get in now
    HIGH = "high"  # one step from getting in, or a root of other ways in
    MEDIUM = "medium"  # makes getting in easier
    LOW = "low"  # good to do

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Topic(StrEnum):
    """Where a finding belongs in the plan; plan sections follow this order."""

    ACCESS_NOW = "access_now"  # accounts, devices or sharing the other person can use now
    DEVICES = "devices"  # phones and trackers: monitoring apps, devices they have held
    RECOVERY = "recovery"  # recovery routes, especially the roots of chains
    PASSWORDS = "passwords"  # known, guessable, reused, breached or weak passwords
    COMPARTMENTS = "compartments"  # separate addresses for separate parts of life
    GOOD_TO_DO = "good_to_do"  # worth doing when the rest is done

    @property
    def rank(self) -> int:
        return list(Topic).index(self)


@dataclass(frozen=True)
class Finding:
    """One thing to know and do. ``id`` is a stable snake_case name scripts can rely on."""

    id: str
    severity: Severity
    topic: Topic
    subject: str
    title: str
    why: str
    fix: str
    safety: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["topic"] = self.topic.value
        return data


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Most urgent first; ties keep the order the checks produced them in."""
    return sorted(findings, key=lambda f: f.severity.rank)


def in_plan_order(findings: Iterable[Finding]) -> list[Finding]:
    """By plan section (topic), then most urgent first within each."""
    return sorted(findings, key=lambda f: (f.topic.rank, f.severity.rank))
