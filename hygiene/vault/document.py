"""What a saved session holds: a versioned document with no place for a password.

The facts the other person knows, the accounts inventory, where each account goes in the
email plan, the answers to the warning signs, the findings of each step, where the
meeting stopped, and which plan items are done or wait. Every model forbids fields it
does not know, and none has a field that can hold a password: an old password is a fact
the session checks against in memory, never one it keeps (``KeptFact`` has no such kind).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hygiene.accounts.inventory import Inventory
from hygiene.facts.model import Fact, FactKind, Facts
from hygiene.findings import Finding, Severity, Topic, registry
from hygiene.log.model import IncidentLog
from hygiene.signs.assess import Answer

DOCUMENT_FORMAT = 2

# The kinds of fact that may be kept: every kind but old passwords.
KeptKind = Literal["name", "date", "place", "number", "word", "answer"]
KEPT_KINDS: tuple[str, ...] = KeptKind.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeptFact(_Model):
    kind: KeptKind
    value: str = Field(min_length=1, max_length=200)
    label: str = Field(default="", max_length=100)  # what it is, e.g. "daughter"

    @classmethod
    def of(cls, fact: Fact) -> KeptFact:
        """A fact from a facts file, to keep; an old password is refused by the model."""
        return cls.model_validate(
            {"kind": fact.kind.value, "value": fact.value, "label": (fact.label or "")[:100]}
        )


class SavedFinding(_Model):
    id: str
    severity: Severity
    topic: Topic
    subject: str
    title: str
    why: str
    fix: str
    safety: str | None = None
    account: str | None = None
    cause: str | None = None
    where: str | None = None

    @classmethod
    def of(cls, finding: Finding) -> SavedFinding:
        return cls.model_validate(finding.saved())

    def finding(self) -> Finding:
        # A session saved before the ids were renamed keeps its old ids: read them as new.
        data = self.model_dump()
        # A kind this version no longer knows still shows as it was saved.
        with suppress(KeyError):
            data["id"] = registry().current_id(self.id)
        return Finding(**data)


class Progress(_Model):
    next_step: str | None = None  # None: not started; "done": finished
    done: tuple[str, ...] = ()


class PlanMark(_Model):
    """What the person said of one plan item: done, or not yet (why, and until when)."""

    status: Literal["done", "later"]
    marked: date  # the day it was marked
    reason: str | None = Field(default=None, min_length=1, max_length=200)  # later only
    day: date | None = None  # later only: the day it waits for, or is due by
    day_means: Literal["not_before", "by"] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PlanMark:
        if self.status == "done" and (self.reason or self.day):
            raise ValueError("an item done has no reason or day")
        if (self.day is None) != (self.day_means is None):
            raise ValueError("a day says whether it is 'not before' or 'by'")
        return self


class VaultDocument(_Model):
    # DOCUMENT_FORMAT; raise both when the shape changes. An older format is read and
    # written back as this one: 2 added the plan's marks.
    format: Literal[1, 2] = 2
    label: str = Field(min_length=1, max_length=100)
    facts: tuple[KeptFact, ...] = ()
    inventory: Inventory = Field(default_factory=Inventory)
    email_assignments: dict[str, str] = {}  # account id -> compartment id
    signs: dict[str, Answer] = {}  # warning-sign id -> answer
    findings: dict[str, tuple[SavedFinding, ...]] = {}  # by the session step that found them
    progress: Progress = Progress()
    log: IncidentLog = IncidentLog()  # the incident log, with any evidence copies chosen
    marks: dict[str, PlanMark] = {}  # by plan item key: done, or not yet

    @field_validator("format")
    @classmethod
    def _upgraded(cls, value: int) -> int:
        return DOCUMENT_FORMAT

    def found(self) -> list[Finding]:
        return [saved.finding() for step in self.findings.values() for saved in step]

    def with_findings(self, step: str, findings: list[Finding]) -> VaultDocument:
        """This document with ``step``'s findings replaced (a step run again finds afresh)."""
        updated = {**self.findings, step: tuple(SavedFinding.of(f) for f in findings)}
        return self.model_copy(update={"findings": updated})

    def checkable_facts(self, extra: tuple[Fact, ...] = ()) -> Facts:
        """The kept facts (plus any held only in memory, like old passwords) for the checks."""
        counts: dict[str, int] = {}
        facts = []
        for kept in self.facts:
            index = counts.get(kept.kind, 0)
            facts.append(Fact(FactKind(kept.kind), kept.value, kept.label or None, index))
            counts[kept.kind] = index + 1
        return Facts(facts=(*facts, *extra))
