"""The Finding, the one currency between checks and reports, and the registry of its kinds.

A check says what it found as findings; a report renders findings. Nothing else crosses
between the two, so every output format (terminal, Markdown, HTML, JSON) shows the same
facts in the same order. Every kind of finding is declared once, as data, in
``checks/findings.toml``: its stable id, topic, the severities it may take, the shared
safety note, and whether acting on it changes something or can be noticed. ``make``
builds a finding from that declaration, so no check writes its own safety wording or
picks a severity its kind does not allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator


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
    account: str | None = None  # the inventory id of the account acting on it changes
    # What lets them in, as a stable key: "account:ID/PART" for something of one account
    # (its password, a session, an answer), else the shared thing itself ("contact:KEY",
    # "device:ID", "reuse:HASH"). A plan makes one item of all findings with one owner
    # (the part before "/"). Never a password; may hold a contact, so never shown.
    cause: str | None = None
    where: str | None = None  # where the setting is, from the provider catalogue

    def to_dict(self) -> dict[str, str | None]:
        """The finding as shown to a person or a script: its cause, which may hold a
        contact's full value, stays out (``saved`` keeps it, encrypted)."""
        data = self.saved()
        del data["cause"]
        return data

    def saved(self) -> dict[str, str | None]:
        """Every field, for a saved session."""
        data = asdict(self)
        data["severity"] = self.severity.value
        data["topic"] = self.topic.value
        return data

    @property
    def kind(self) -> Kind:
        return registry().kind(self.id)


def cause_key(owner: str, part: str | None = None) -> str:
    """A finding's cause: its owner (with any "/" in it escaped), then "/" and the part of
    it when the owner has several ("account:gmail/password")."""
    owner = owner.replace("%", "%25").replace("/", "%2F")
    return f"{owner}/{part}" if part else owner


def cause_owner(cause: str) -> str:
    """The owner of a cause: what a plan makes one item of."""
    return cause.partition("/")[0]


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Most urgent first; ties keep the order the checks produced them in."""
    return sorted(findings, key=lambda f: f.severity.rank)


def in_plan_order(findings: Iterable[Finding]) -> list[Finding]:
    """By plan section (topic), then most urgent first within each."""
    return sorted(findings, key=lambda f: (f.topic.rank, f.severity.rank))


Stage = Literal["now", "ready", "when_safe"]

# Joins a kind's shared safety note to what one provider is known to tell them; a plan
# says the shared part once per stage and keeps only what follows this under the item.
ON_SERVICE = "On this service: "


class Kind(BaseModel):
    """One kind of finding, as declared in ``checks/findings.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    formerly: tuple[str, ...] = ()
    family: str | None = None  # ids are this id + "_" + one entry of the named list
    topic: Topic
    severities: tuple[Severity, ...] = Field(min_length=1)
    severity_rule: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    changes_something: bool
    can_alert: bool
    stage: Stage
    # A key of the registry's [safety] table; checked even when absent (see below).
    safety: str | None = Field(default=None, validate_default=True)

    @field_validator("stage")
    @classmethod
    def _now_is_unnoticed(cls, value: str, info: ValidationInfo) -> str:
        # "Safe to do now" promises nothing they can notice.
        if value == "now" and info.data.get("can_alert"):
            raise ValueError("a finding that can alert them cannot be in the stage 'now'")
        return value

    @field_validator("safety")
    @classmethod
    def _alert_needs_note(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A field check, not a model one, so it is listed with the entry's other problems.
        if value is None and info.data.get("can_alert"):
            raise ValueError("a finding that can alert them needs a safety note")
        return value

    @field_validator("id")
    @classmethod
    def _no_blame_word(cls, value: str) -> str:
        # Ids reach --json and saved plans a person keeps: they say "them", never the word.
        if "abuser" in value:
            raise ValueError("an id never says 'abuser' (say 'them')")
        return value


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    safety: dict[str, str] = {}
    finding: tuple[Kind, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Registry:
        problems = []
        seen: set[str] = set()
        for kind in self.finding:
            for name in (kind.id, *kind.formerly):
                if name in seen:
                    problems.append(f"the id '{name}' is declared twice")
                seen.add(name)
            if kind.safety is not None and kind.safety not in self.safety:
                problems.append(
                    f"'{kind.id}' names the safety note '{kind.safety}', not in [safety]"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def kind(self, finding_id: str) -> Kind:
        """The kind of ``finding_id`` (a family member by its prefix); KeyError if none."""
        for kind in self.finding:
            if finding_id == kind.id or finding_id in kind.formerly:
                return kind
        for kind in self.finding:
            if kind.family and finding_id.startswith(kind.id + "_"):
                return kind
        raise KeyError(finding_id)

    def current_id(self, finding_id: str) -> str:
        """The id today of a finding saved under ``finding_id``, maybe an old one."""
        kind = self.kind(finding_id)
        return kind.id if finding_id in kind.formerly else finding_id

    def safety_note(self, kind: Kind) -> str | None:
        return self.safety[kind.safety] if kind.safety else None


@cache
def registry() -> Registry:
    """The registry shipped in ``checks/findings.toml``, validated once per run."""
    from hygiene.catalogue import load_files
    from hygiene.content import checks_dir

    return load_files([checks_dir() / "findings.toml"], Registry)[0]


def make(
    finding_id: str,
    *,
    severity: Severity,
    subject: str,
    title: str,
    why: str,
    fix: str,
    alert_note: str | None = None,
    safety: str | None = None,
    account: str | None = None,
    topic: Topic | None = None,
    cause: str | None = None,
    where: str | None = None,
) -> Finding:
    """A finding of a declared kind: its topic and safety note come from the registry.

    ``alert_note`` adds what this provider is known to tell the other person; ``safety``
    replaces the shared note where the kind's own content has a better one (a sign's
    cause), and ``topic`` the declared one, for a family whose members say their own.
    """
    reg = registry()
    kind = reg.kind(finding_id)
    if severity not in kind.severities:
        raise ValueError(f"'{finding_id}' cannot be {severity.value}")
    if topic is not None and kind.family is None:
        raise ValueError(f"'{finding_id}' has the topic {kind.topic.value}")
    note = safety or reg.safety_note(kind)
    if note and alert_note:
        note = f"{note} {ON_SERVICE}{alert_note}"
    return Finding(
        id=finding_id,
        severity=severity,
        topic=topic or kind.topic,
        subject=subject,
        title=title,
        why=why,
        fix=fix,
        safety=note,
        account=account,
        cause=cause,
        where=where,
    )
