"""Plan items: every finding with one owner, merged into one thing to do.

The findings of one owner (an account, or one shared number, address, device or
password) often say one problem several ways: a number they share is where the recovery
graph starts, the way into each account it opens, and a recovery route the email plan
wants moved. An item says it once: its lead finding (the one about the shared thing itself
before the ones about each account it opens, then the most urgent) gives its title, why and
fix; each other cause of the same owner adds one line of what else was found and its own
fix; a finding about the same cause as the lead adds only where its setting is and what
its provider may tell them. The item keeps the highest severity, and the earliest stage
any of its changes allows (a change is never "safe to do now").
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
    also: tuple[str, ...] = ()  # the other problems of the same owner, one line each
    safety: tuple[str, ...] = ()  # what its provider may tell them, beyond the stage's notes
    findings: tuple[Finding, ...] = field(default=(), repr=False)  # what it says at once


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
    steps = [Step(lead.fix, _where(lead, ordered))]
    seen_causes = {lead.cause}
    for other in ordered[1:]:
        finding = other.finding
        if finding.cause in seen_causes:
            continue
        seen_causes.add(finding.cause)
        if finding.title != lead.title and finding.title not in also:
            also.append(finding.title)
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


def _where(lead: Finding, ordered: list[Placed]) -> str | None:
    """Where the lead's fix is made: its own setting, and that of each account it opens."""
    found = {lead.subject: lead.where} if lead.where else {}
    for other in ordered:
        finding = other.finding
        if finding.cause == lead.cause and finding.where and finding.subject not in found:
            found[finding.subject] = finding.where
    if len(found) <= 1:
        return next(iter(found.values()), None)
    return "; ".join(f"{subject}: {where}" for subject, where in found.items())


def _safety(ordered: list[Placed]) -> tuple[str, ...]:
    """What the providers may tell them, each said once; named where several are."""
    notes = [(p.finding.subject, p.particular) for p in ordered if p.particular]
    subjects = {subject for subject, _ in notes}
    said: dict[str, None] = {}
    for subject, note in notes:
        said.setdefault(note if len(subjects) == 1 else f"{subject}: {note}")
    return tuple(said)
