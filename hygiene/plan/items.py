"""Plan items: every finding with one owner, merged into one thing to do.

The findings of one owner (an account, or one shared number, address, device or
password) often say one problem several ways: a number they share is where the recovery
graph starts, the way into each account it opens, and a recovery route the email plan
wants moved. An item says it once: its lead finding (the one about the shared thing itself
before the ones about each account it opens, then the most urgent) gives its title, why and
fix; each other cause of the same owner adds one line of what else was found and its own
fix; a finding about the same cause as one already said adds nothing but its urgency (the
lead about a shared number says where to take it off each account it opens). The item
keeps the highest severity, and the earliest stage any of its changes allows (a change is
never "safe to do now").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hygiene.findings import ON_SERVICE, Finding, Severity, Stage, Topic, registry

STAGE_ORDER: tuple[Stage, ...] = ("now", "ready", "when_safe")


@dataclass(frozen=True)
class Step:
    """One thing to do, and where the setting is (from the provider catalogue)."""

    text: str
    where: str | None = None


def where_said(steps: tuple[Step, ...]) -> list[int | None]:
    """For each step, the number of an earlier step whose setting is in the same place
    (so a plan says the place once), else None."""
    first: dict[str, int] = {}
    said: list[int | None] = []
    for number, step in enumerate(steps, start=1):
        said.append(first.get(step.where) if step.where else None)
        if step.where:
            first.setdefault(step.where, number)
    return said


@dataclass(frozen=True)
class Check:
    """What a provider's page says to look at too: where, why, and what changing it may
    tell them (``None`` when it tells them nothing)."""

    title: str
    where: str
    why: str
    alert: str | None = None
    subject: str | None = None  # the account it is on, where an item names several


@dataclass(frozen=True)
class Item:
    """One thing to do in the plan, with a key that stays the same while it is there."""

    key: str  # stable: "account:gmail", "contact:the_number_ending_456", "reuse:1f2e..."
    id: str  # the registry kind of its lead finding
    severity: Severity
    topic: Topic
    stage: Stage
    subject: str
    title: str
    why: str
    steps: tuple[Step, ...]
    also: tuple[str, ...] = ()  # the other problems of the same owner, a sentence each
    safety: tuple[str, ...] = ()  # what its provider may tell them, beyond the stage's notes
    checks: tuple[Check, ...] = ()  # what the provider's page says to look at too
    notes: tuple[str, ...] = ()  # what the person noted about it, in their words
    findings: tuple[Finding, ...] = field(default=(), repr=False)  # what it says at once


def shown_subject(item: Item) -> str | None:
    """The item's subject, where its title does not already say it."""
    return None if item.subject in item.title else item.subject


@dataclass(frozen=True)
class Placed:
    """A finding with its stage, and its safety note split into shared and particular."""

    finding: Finding
    stage: Stage
    shared: str | None  # the kind's note, said once at the head of the stage
    particular: str | None  # what this provider may tell them
    changes: bool


def place(finding: Finding) -> Placed:
    """The stage of ``finding`` and its notes.

    A kind the registry does not know (from a session saved by another version) is a
    change that may be noticed until shown otherwise: "now" promises nothing to notice.
    """
    try:
        kind = finding.kind
    except KeyError:
        return Placed(finding, "ready", None, finding.safety, True)
    changes = kind.changes_something or kind.can_alert
    stage: Stage = "ready" if kind.stage == "now" and changes else kind.stage
    shared = registry().safety_note(kind)
    if not shared or not finding.safety or not finding.safety.startswith(shared):
        return Placed(finding, stage, None, finding.safety, changes)
    particular = finding.safety[len(shared) :].strip().removeprefix(ON_SERVICE) or None
    return Placed(finding, stage, shared, particular, changes)


def _lead_order(placed: Placed) -> tuple[bool, int, int]:
    finding = placed.finding
    # About the shared thing itself (no one account) before each account it opens.
    return (finding.account is not None, finding.severity.rank, finding.topic.rank)


def merge(key: str, placed: list[Placed], subject: str | None = None) -> Item:
    """One item of ``placed`` (all of one owner, in the order the checks gave them)."""
    ordered = sorted(placed, key=_lead_order)
    lead = ordered[0].finding
    changing = [p.stage for p in placed if p.changes]
    stage = min(changing or [p.stage for p in placed], key=STAGE_ORDER.index)
    also: list[str] = []
    steps = [Step(lead.fix, lead.where)]
    said = [ordered[0]]
    for other in ordered[1:]:
        finding = other.finding
        if any(finding.cause == p.finding.cause for p in said):
            continue
        said.append(other)
        line = finding.title if finding.title.endswith((".", "?", "!")) else finding.title + "."
        if finding.title != lead.title and line not in also:
            also.append(line)
        if all(step.text != finding.fix for step in steps):
            steps.append(Step(finding.fix, finding.where))
    mirrored = [p.finding.subject for p in ordered if p.finding.id == lead.id]
    return Item(
        key=key,
        id=lead.id,
        severity=min((p.finding.severity for p in placed), key=lambda s: s.rank),
        topic=lead.topic,
        stage=stage,
        subject=subject or ", ".join(dict.fromkeys(mirrored)),
        title=lead.title,
        why=lead.why,
        steps=tuple(steps),
        also=tuple(also),
        safety=_safety(ordered),
        findings=tuple(p.finding for p in placed),
    )


def _safety(ordered: list[Placed]) -> tuple[str, ...]:
    """What the providers may tell them, each said once, from every finding the item
    merges (a cause said once can still carry a provider's own note); named by account
    where they come from several."""
    notes: dict[str, str] = {}  # each note once, named by an account it was found on
    on_an_account: set[str] = set()
    for placed in ordered:
        note = placed.particular
        if not note or note in on_an_account:
            continue
        notes[note] = placed.finding.subject
        if placed.finding.account is not None:
            on_an_account.add(note)
    named = len(set(notes.values())) > 1
    return tuple(f"{subject}: {note}" if named else note for note, subject in notes.items())
