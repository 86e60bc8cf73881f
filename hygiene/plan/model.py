"""The action plan: findings in the order to act on them, framed by help in an emergency.

The plan opens with what to do in danger and how to change things safely (evidence
first, a safer device, timing), then one section per topic, most urgent first within
each, then what the other person may know, then where to get help. It carries no
password, ever; personal facts are hidden in their own section, and named by their label
or in part wherever they turn up in a finding's text ("the number ending 456"), unless
the worker asks to show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from hygiene.findings import Finding, Topic, in_plan_order
from hygiene.helplines import Helpline, LegalRoute, Region
from hygiene.log.model import entries_text
from hygiene.plan.refs import references, substitute

HIDDEN = "(hidden)"

PLAN_FORMAT = 1

SECTION_TITLES: dict[Topic, tuple[str, str]] = {
    Topic.ACCESS_NOW: (
        "Ways in they may have now",
        "Accounts, devices and sharing the other person may be able to use today.",
    ),
    Topic.DEVICES: (
        "Phones and devices",
        "Monitoring apps, and devices the other person has held or can unlock.",
    ),
    Topic.RECOVERY: (
        "Recovery routes",
        "How accounts are reset. Fix the roots first: other accounts recover through them.",
    ),
    Topic.PASSWORDS: (
        "Passwords",
        "Passwords they know, could guess, or that have leaked or are used twice.",
    ),
    Topic.COMPARTMENTS: (
        "Separate addresses",
        "Separate email addresses for separate parts of life, so one leak does not open all.",
    ),
    Topic.GOOD_TO_DO: ("Good to do", "Worth doing once the rest is done."),
}

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
    topic: Topic
    title: str
    intro: str
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
    sections = []
    for topic in Topic:
        chosen = tuple(f for f in ordered if f.topic is topic)
        if chosen:
            title, intro = SECTION_TITLES[topic]
            sections.append(Section(topic, title, intro, chosen))
    return Plan(
        label=label if show_facts else None,
        emergency=tuple(h for h in region.helpline if h.urgent),
        safety_first=SAFETY_FIRST,
        sections=tuple(sections),
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
