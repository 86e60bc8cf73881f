"""What a saved session holds: a versioned document with no place for a password.

Facts the other person knows, the accounts inventory, the email plan, the answers to the
warning signs, the findings so far and where the meeting stopped. Every model forbids
fields it does not know, and none has a field for a password, so a password cannot be
saved by mistake: an old password is a fact the session checks against, never one it keeps.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hygiene.findings import Finding, Severity, Topic

DOCUMENT_FORMAT = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactKind(StrEnum):
    """Kinds of personal fact that may be kept. Old passwords are checked, never kept."""

    NAME = "name"
    DATE = "date"
    PLACE = "place"
    NUMBER = "number"
    WORD = "word"
    SECURITY_ANSWER = "security_answer"


class Fact(_Model):
    kind: FactKind
    value: str = Field(min_length=1, max_length=500)
    note: str = Field(default="", max_length=200)  # what it is, e.g. "daughter's name"


class Account(_Model):
    provider: str = Field(min_length=1, max_length=200)
    login: str = Field(default="", max_length=320)
    category: str = Field(default="", max_length=100)
    recovery_email: str = Field(default="", max_length=320)
    recovery_phone: str = Field(default="", max_length=50)
    security_questions: bool = False
    two_factor: str = Field(default="", max_length=100)
    others_with_access: str = Field(default="", max_length=200)
    abuser_can_reach: bool = False  # the other person knows or controls a way in


class EmailPlan(_Model):
    addresses: dict[str, str] = {}  # compartment id -> the planned address
    moves: dict[str, str] = {}  # account provider -> compartment id


class SavedFinding(_Model):
    id: str
    severity: Severity
    topic: Topic
    subject: str
    title: str
    why: str
    fix: str
    safety: str | None = None

    @classmethod
    def of(cls, finding: Finding) -> SavedFinding:
        return cls(**finding.to_dict())  # type: ignore[arg-type]

    def finding(self) -> Finding:
        return Finding(**self.model_dump())


class Progress(_Model):
    next_step: str | None = None  # None: not started; "done": finished
    done: tuple[str, ...] = ()


class VaultDocument(_Model):
    format: Literal[1] = 1  # DOCUMENT_FORMAT; raise both when the shape changes
    label: str = Field(min_length=1, max_length=100)
    facts: tuple[Fact, ...] = ()
    accounts: tuple[Account, ...] = ()
    email_plan: EmailPlan = EmailPlan()
    signs: dict[str, str] = {}  # warning-sign id -> answer
    findings: tuple[SavedFinding, ...] = ()
    progress: Progress = Progress()

    def found(self) -> list[Finding]:
        return [saved.finding() for saved in self.findings]
