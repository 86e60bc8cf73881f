"""The plan of a saved session: its findings, facts and marks, with the region's helplines."""

from __future__ import annotations

from dataclasses import replace

from hygiene.helplines import DEFAULT_REGION, load_region
from hygiene.plan.model import Plan, build_plan
from hygiene.vault.document import VaultDocument


def plan_of(
    document: VaultDocument | None, *, show_facts: bool = False, region_id: str = DEFAULT_REGION
) -> Plan:
    """The plan for ``document``; with none, the plan every meeting starts from."""
    region = load_region(region_id)
    if document is None:
        return build_plan([], region, show_facts=show_facts)
    facts = [(fact.kind, fact.label, fact.value) for fact in document.facts]
    plan = build_plan(
        document.found(),
        region,
        facts,
        private=_contacts(document),
        label=document.label,
        show_facts=show_facts,
        log_entries=len(document.log.entries),
        inventory=document.inventory,
    )
    return replace(plan, marks=document.marks)


def _contacts(document: VaultDocument) -> list[str]:
    """Every address and number in the inventory: personal, so masked like the facts."""
    values: list[str] = []
    for account in document.inventory.accounts:
        values += [account.login or "", *account.recovery_emails, *account.recovery_phones]
        values += [factor.target or "" for factor in account.two_factor]
    values += [contact.value for contact in document.inventory.contacts]
    return [value for value in values if value]
