"""The plan's items for the accounts reviewed: evidence first, then one item per account.

Before anything changes, the plan says to look at where each mailbox's mail goes
(forwarding, filters and delegates nobody has checked can copy a notice or a reset code
to them), then to keep evidence of every account: both safe to do now. A provider's
download of your data keeps more evidence but sends a notice, so it leads "when you are
ready". Each account is then one item: what was found about it, the steps its problems
need in the order the registry gives (the password before signing anything out), where
each setting is on its provider and what changing it may tell them, the rest of its
provider's page to look at too, and what the person noted about it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from hygiene.accounts.inventory import Account
from hygiene.accounts.providers import Catalogue, Checklist, where_on
from hygiene.accounts.providers import Item as PageItem
from hygiene.findings import Finding, Severity, Stage, cause_key, make, phrase, registry
from hygiene.plan.items import STAGE_ORDER, Check, Item, Placed, Step, merge, place
from hygiene.wording import listed

MAIL_KINDS = ("forwarding", "filters", "delegation")
EVIDENCE_KIND = "evidence"

Say = Callable[[Finding], Finding]  # names private values in a finding's words
Name = Callable[[str], str]  # the same, for one string


def _check(checklist: Checklist, item: PageItem, subject: str | None = None) -> Check:
    alert = item.alert_note if item.can_alert_abuser != "no" else None
    return Check(item.title, where_on(checklist, item), item.why, alert, subject)


def _part(finding: Finding) -> str:
    """The kind of part of its account a finding's cause is ("answer" for "answer:0")."""
    return (finding.cause or "").partition("/")[2].partition(":")[0]


def account_item(
    account: Account, checklist: Checklist, placed: list[Placed], say: Say, name: Name
) -> tuple[Item, list[Placed]]:
    """The one item of ``account``: ``placed`` are its findings, named and placed."""
    key = f"account:{account.id}"
    label = name(account.label)
    if not placed:
        found = make(
            "account_to_check",
            severity=Severity.MEDIUM,
            subject=account.label,
            values={"account": account.label},
            account=account.id,
            cause=cause_key(key, "checks"),
        )
        placed = [place(say(found))]
    merged = merge(key, placed, label)
    steps, alerts, closed = _steps(checklist, label, placed)
    leads = _leads(placed)
    checks = tuple(
        _check(checklist, item)
        for item in checklist.provider.to_look_at_too
        if item.kind not in (*MAIL_KINDS, EVIDENCE_KIND)
    )
    later = all(p.stage == "when_safe" for p in placed) and not checks
    stage: Stage = "when_safe" if later else "ready"
    for lead in leads:
        if _part(lead.finding) in closed:
            continue
        text = lead.finding.fix
        if STAGE_ORDER.index(lead.stage) > STAGE_ORDER.index(stage):
            text = phrase("later") + text
        if all(step.text != text for step in steps):
            steps.append(Step(text, lead.finding.where))
    item = replace(
        merged,
        stage=stage,
        steps=tuple(steps),
        safety=tuple(dict.fromkeys([*merged.safety, *alerts])),
        checks=checks,
        notes=(name(account.note),) if account.note else (),
    )
    return item, placed


def _leads(placed: list[Placed]) -> list[Placed]:
    """The most urgent finding of each cause, in the order of the item's lines."""
    leads: dict[str | None, Placed] = {}
    for p in sorted(placed, key=lambda p: (p.finding.severity.rank, p.finding.topic.rank)):
        leads.setdefault(p.finding.cause, p)
    return list(leads.values())


def _steps(
    checklist: Checklist, label: str, placed: list[Placed]
) -> tuple[list[Step], list[str], set[str]]:
    """The registry's steps this account's problems need, in order, each with where its
    setting is; what changing them may tell them; and the parts of causes they close."""
    parts = {_part(p.finding) for p in placed}
    steps, alerts, closed = [], [], set()
    for step in registry().step:
        if not parts & set(step.causes):
            continue
        closed |= set(step.causes)
        values = {"account": label} if registry().phrase[step.phrase].fields else {}
        item = checklist.provider.first_of(step.where)
        steps.append(
            Step(phrase(step.phrase, **values), where_on(checklist, item) if item else None)
        )
        if item is not None and item.can_alert_abuser != "no" and item.alert_note:
            alerts.append(item.alert_note)
    return steps, alerts, closed


def before_changes(
    accounts: Sequence[tuple[Account, Checklist]], say: Say, name: Name
) -> list[tuple[Item, list[Placed]]]:
    """Where the mail goes, then evidence (now); the downloads that send a notice (ready)."""
    if not accounts:
        return []
    items = []
    mailboxes = [(a, c) for a, c in accounts if c.provider.items_of(*MAIL_KINDS)]
    if mailboxes:
        found = make(
            "check_mail_first",
            severity=Severity.HIGH,
            values={"mailboxes": listed([a.label for a, _ in mailboxes])},
            cause=cause_key("check_mail_first"),
        )
        checks = [
            _check(c, item, name(a.label))
            for a, c in mailboxes
            for item in c.provider.items_of(*MAIL_KINDS)
        ]
        items.append(_with(say(found), checks=tuple(checks)))
    keep = make(
        "keep_evidence",
        severity=Severity.HIGH,
        values={"accounts": listed([a.label for a, _ in accounts])},
        cause=cause_key("keep_evidence"),
    )
    quiet = [
        _check(c, item, name(a.label))
        for a, c in accounts
        for item in c.provider.items_of(EVIDENCE_KIND)
        if item.can_alert_abuser == "no"
    ]
    items.append(_with(say(keep), checks=tuple(quiet)))
    noticed = [
        (a, c, item)
        for a, c in accounts
        for item in c.provider.items_of(EVIDENCE_KIND)
        if item.can_alert_abuser != "no"
    ]
    if noticed:
        download = make(
            "download_sends_notice",
            severity=Severity.MEDIUM,
            values={
                "providers": listed(list(dict.fromkeys(c.provider.name for _, c, _ in noticed)))
            },
            # Where no mailbox is looked at first, it says which mail to look at.
            variant=() if mailboxes else "mailbox_unchecked",
            cause=cause_key("download_sends_notice"),
        )
        checks = [_check(c, item, name(a.label)) for a, c, item in noticed]
        items.append(_with(say(download), checks=tuple(checks)))
    return items


def _with(finding: Finding, checks: tuple[Check, ...]) -> tuple[Item, list[Placed]]:
    placed = [place(finding)]
    return replace(merge(finding.cause or finding.id, placed), checks=checks), placed


def checklists(
    accounts: Sequence[Account], catalogue: Catalogue
) -> list[tuple[Account, Checklist]]:
    """Each account with its provider's page (the general one where there is none)."""
    return [(a, catalogue.checklist(a.provider, a.category)) for a in accounts]
