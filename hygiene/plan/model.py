"""The action plan: what to do, in the order to act on it, framed by help in an emergency.

The plan opens with what to do in danger and how to change things safely (evidence
first, a safer device, timing), then one section per stage: what is safe to do now
(looking, keeping evidence), what to do when the person is ready (changes they may
notice), and what is best left until after they have left or it is safe. Each problem is
one item however many checks found it (``hygiene.plan.items``): an account with all that
was found about it, or one shared number, address, device or password with every account
it opens. Within a stage, what comes before any change (where the mail goes, evidence)
leads, then the most urgent, ways in now first; items are numbered 1..N across stages,
the same in every format. A stage opens with the shared
safety notes of its items, each said once; an item keeps only what is particular to it,
such as what its provider tells the other person. Then come what the other person may
know, and where to get help. It carries no password, ever; personal facts are hidden in
their own section, and named by their label or in part wherever they turn up in a
finding's text ("the number ending 456"), unless the worker asks to show them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.providers import Checklist, shipped_catalogue
from hygiene.findings import Finding, Stage, Topic, in_plan_order
from hygiene.helplines import Helpline, LegalRoute, Region
from hygiene.log.model import entries_text
from hygiene.plan.accounts import account_item, before_changes, checklists
from hygiene.plan.items import Item, Placed, merge, place
from hygiene.plan.refs import references, substitute
from hygiene.plan.subjects import item_keys, linked, owner_of
from hygiene.vault.document import PlanMark

HIDDEN = "(hidden)"

PLAN_FORMAT = 2  # 2: sections hold merged items, each with a stable key

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
    items: tuple[Item, ...]


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
    # What the person marked done or for later, by item key (see hygiene.plan.progress).
    marks: Mapping[str, PlanMark] = field(default_factory=dict)

    @property
    def action_count(self) -> int:
        return sum(len(section.items) for section in self.sections)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item in the order of the plan: item ``n`` is ``items[n - 1]``."""
        return tuple(item for section in self.sections for item in section.items)

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
        where=say(finding.where) if finding.where else None,
    )


def _items(
    findings: list[Finding],
    keys: dict[str, str],
    accounts: list[tuple[Account, Checklist]],
    names: dict[str, str],
) -> list[tuple[Item, list[Placed]]]:
    """One item per owner (one per account reviewed, with or without findings), and what
    comes before any change; in plan order."""
    owned: dict[str, list[Placed]] = {}
    for finding in findings:
        owned.setdefault(owner_of(finding), []).append(place(finding))

    def say(finding: Finding) -> Finding:
        return _named(finding, names)

    def name(text: str) -> str:
        return substitute(text, names)

    items = before_changes(accounts, say, name)
    for account, checklist in accounts:
        placed = owned.pop(f"account:{account.id}", [])
        items.append(account_item(account, checklist, placed, say, name))
    items += [(merge(keys[owner], placed), placed) for owner, placed in owned.items()]
    items.sort(key=lambda pair: _order(pair[0]))
    return items


def _order(item: Item) -> tuple[bool, int, int]:
    # What comes before any change first; then the most urgent, ways in now first.
    return (item.topic is not Topic.EVIDENCE, item.severity.rank, item.topic.rank)


def _stages(items: list[tuple[Item, list[Placed]]]) -> tuple[Section, ...]:
    watched = any(f.id == WATCHED_DEVICE_ID for item, _ in items for f in item.findings)
    sections = []
    for stage, (title, intro) in STAGE_TITLES.items():
        chosen = [(item, placed) for item, placed in items if item.stage == stage]
        if not chosen:
            continue
        notes = list(dict.fromkeys(p.shared for _, placed in chosen for p in placed if p.shared))
        if watched and stage != "now":
            notes.insert(0, WATCHED_NOTE)
        sections.append(
            Section(stage, title, intro, tuple(notes), tuple(item for item, _ in chosen))
        )
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
    inventory: Inventory | None = None,
) -> Plan:
    """The plan from ``findings``; ``facts`` are (kind, label, value) triples to name or show,
    ``private`` more values (addresses, numbers) named in part wherever a finding mentions
    them (see ``hygiene.plan.refs``). With the ``inventory`` they came from, a login of the
    password export that is one of its accounts is said with that account."""
    fact_list = list(facts)
    private = list(private)
    names = {} if show_facts else references(private, fact_list)
    catalogue = shipped_catalogue() if inventory is not None else None
    found = linked(in_plan_order(findings), inventory, catalogue)
    keys = item_keys({owner_of(f) for f in found}, private)
    reviewed = checklists(inventory.accounts, catalogue) if inventory and catalogue else []
    named = [_named(f, names) for f in found]
    return Plan(
        label=label if show_facts else None,
        emergency=tuple(h for h in region.helpline if h.urgent),
        safety_first=SAFETY_FIRST,
        sections=_stages(_items(named, keys, reviewed, names)),
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
