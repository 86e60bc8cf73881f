"""The action plan: findings in the order to act on them, framed by help in an emergency.

The plan opens with what to do in danger and how to change things safely (evidence
first, a safer device, timing), then one section per stage: what is safe to do now
(looking, keeping evidence), what to do when the person is ready (changes they may
notice), and what is best left until after they have left or it is safe. Within a stage
items follow the topics (ways in now first), most urgent first. A stage opens with the
shared safety notes of its items, each said once; an item keeps only what is particular
to it, such as what its provider tells the other person. Then come what the other person
may know, and where to get help. It carries no
password, ever; personal facts are hidden in their own section, and named by their label
or in part wherever they turn up in a finding's text ("the number ending 456"), unless
the worker asks to show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from hygiene.findings import ON_SERVICE, Finding, Stage, in_plan_order, registry
from hygiene.helplines import Helpline, LegalRoute, Region
from hygiene.log.model import entries_text
from hygiene.plan.refs import references, substitute

HIDDEN = "(hidden)"

PLAN_FORMAT = 1

STAGE_TITLES: dict[Stage, tuple[str, str]] = {
    "now": (
        "Safe to do now",
        "Looking and keeping evidence: nothing here changes anything the other person can "
        "notice. Do these first.",
    ),
    "ready": (
        "When you are ready",
        "Changes that close a way in. The other person may notice them, so plan when to make "
        "each one.",
    ),
    "when_safe": (
        "After you have left, or when it is safe",
        "Changes that can wait, and that are best made once you are somewhere safe.",
    ),
}

WATCHED_DEVICE_ID = "device_may_be_watched"
WATCHED_NOTE = (
    "The device used in the meeting may be one the other person has held: make these "
    "changes on a different one."
)

SAFETY_FIRST = (
    "Before changing anything, keep evidence: screenshots or photos of messages, logins "
    "and settings, ideally taken with another device.",
    "A change can alert the other person. Plan when to make each change, with your "
    "support worker, and think about how they might react.",
    "Make changes on a device the other person has never held or used, in a safe place.",
    "Close every way in at once where you can: recovery email and phone, trusted devices, "
    "app passwords and saved passwords, not the password alone.",
)


@dataclass(frozen=True)
class Section:
    """One stage of the plan: its items, and the safety notes they share, said once."""

    stage: Stage
    title: str
    intro: str
    notes: tuple[str, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FactLine:
    kind: str
    note: str
    value: str  # HIDDEN unless facts are shown


@dataclass(frozen=True)
class Plan:
    label: str | None  # only when facts are shown: a label can be a name
    emergency: tuple[Helpline, ...]
    safety_first: tuple[str, ...]
    sections: tuple[Section, ...]
    facts: tuple[FactLine, ...]
    helplines: tuple[Helpline, ...]
    legal: tuple[LegalRoute, ...]
    region: Region
    facts_shown: bool
    log_entries: int = 0  # entries in the session's incident log

    @property
    def action_count(self) -> int:
        return sum(len(section.findings) for section in self.sections)

    def log_note(self) -> str | None:
        """Where the incident log is and how to print it, if it has entries."""
        if not self.log_entries:
            return None
        name = f"'{self.label}'" if self.label else "NAME (the name the session is kept under)"
        return (
            f"The incident log holds {entries_text(self.log_entries)}. To print it for the "
            f"police or a court: hygiene log export {name} --html log.html"
        )


def _named(finding: Finding, names: dict[str, str]) -> Finding:
    def say(text: str) -> str:
        return substitute(text, names)

    return replace(
        finding,
        subject=say(finding.subject),
        title=say(finding.title),
        why=say(finding.why),
        fix=say(finding.fix),
        safety=say(finding.safety) if finding.safety else None,
    )


def _placed(finding: Finding) -> tuple[Stage, str | None, Finding]:
    """The stage of ``finding``, its shared note, and the finding without that note.

    A kind the registry does not know (from a session saved by another version) is a
    change that may be noticed until shown otherwise: "now" promises nothing to notice.
    """
    try:
        kind = finding.kind
    except KeyError:
        return "ready", None, finding
    stage: Stage = kind.stage
    if stage == "now" and (kind.changes_something or kind.can_alert):
        stage = "ready"
    shared = registry().safety_note(kind)
    if not shared or not finding.safety or not finding.safety.startswith(shared):
        return stage, None, finding
    particular = finding.safety[len(shared) :].strip().removeprefix(ON_SERVICE) or None
    return stage, shared, replace(finding, safety=particular)


def _stages(findings: list[Finding]) -> tuple[Section, ...]:
    watched = any(f.id == WATCHED_DEVICE_ID for f in findings)
    placed = [_placed(f) for f in findings]
    sections = []
    for stage, (title, intro) in STAGE_TITLES.items():
        chosen = [(note, f) for at, note, f in placed if at == stage]
        if not chosen:
            continue
        notes = list(dict.fromkeys(note for note, _ in chosen if note))
        if watched and stage != "now":
            notes.insert(0, WATCHED_NOTE)
        sections.append(Section(stage, title, intro, tuple(notes), tuple(f for _, f in chosen)))
    return tuple(sections)


def build_plan(
    findings: Iterable[Finding],
    region: Region,
    facts: Iterable[tuple[str, str, str]] = (),
    *,
    private: Iterable[str] = (),
    label: str | None = None,
    show_facts: bool = False,
    log_entries: int = 0,
) -> Plan:
    """The plan from ``findings``; ``facts`` are (kind, label, value) triples to name or show,
    ``private`` more values (addresses, numbers) named in part wherever a finding mentions
    them (see ``hygiene.plan.refs``)."""
    fact_list = list(facts)
    names = {} if show_facts else references(private, fact_list)
    ordered = [_named(f, names) for f in in_plan_order(findings)]
    return Plan(
        label=label if show_facts else None,
        emergency=tuple(h for h in region.helpline if h.urgent),
        safety_first=SAFETY_FIRST,
        sections=_stages(ordered),
        facts=tuple(
            FactLine(kind.replace("_", " "), note, value if show_facts else HIDDEN)
            for kind, note, value in fact_list
        ),
        helplines=region.helpline,
        legal=region.legal,
        region=region,
        facts_shown=show_facts,
        log_entries=log_entries,
    )
