"""Build the email plan: accounts placed in compartments, advice per address, findings,
and the order of the move (``steps``).

Recovery that crosses compartments, or runs through an address, number or device that
someone else controls, becomes a finding with topic ``compartments``. A proposed address
is described by what it reveals, never shown: the plan may be printed or taken home.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.phones import contact_key, is_email
from hygiene.emailplan.address import AddressCheck
from hygiene.emailplan.compartments import Compartment, Compartments
from hygiene.emailplan.routes import Lookup, mask, routes
from hygiene.emailplan.steps import Step, migration_steps
from hygiene.errors import InputError, Problem
from hygiene.findings import Finding, Severity, cause_key, in_plan_order, make, phrase


@dataclass(frozen=True)
class Placed:
    account: Account
    compartment: str
    suggested: bool  # the compartment is the one suggested for the account's category


@dataclass(frozen=True)
class CompartmentPlan:
    compartment: Compartment
    accounts: tuple[Placed, ...]
    address_advice: tuple[str, ...]


@dataclass(frozen=True)
class EmailPlan:
    compartments: tuple[CompartmentPlan, ...]
    shared_advice: tuple[str, ...]  # for every new address
    steps: tuple[Step, ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "compartments": [
                {
                    "id": part.compartment.id,
                    "name": part.compartment.name,
                    "purpose": part.compartment.purpose,
                    "accounts": [
                        {
                            "id": placed.account.id,
                            "label": placed.account.label,
                            "category": placed.account.category,
                            "suggested": placed.suggested,
                        }
                        for placed in part.accounts
                    ],
                    "address_advice": [*part.address_advice, *self.shared_advice],
                }
                for part in self.compartments
            ],
            "steps": [
                {
                    "number": number,
                    "phase": step.phase.value,
                    "text": step.text,
                    "compartment": step.compartment,
                    "account": step.account,
                    "safety": step.safety,
                }
                for number, step in enumerate(self.steps, start=1)
            ],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def suggested(inventory: Inventory, catalogue: Compartments) -> dict[str, str]:
    """Each account's suggested compartment, from its category."""
    return {a.id: catalogue.suggested_for(a.category).id for a in inventory.accounts}


def parse_assignments(
    items: list[str], inventory: Inventory, catalogue: Compartments, option: str
) -> dict[str, str]:
    """``ACCOUNT=COMPARTMENT`` pairs (from the command line); every bad one reported."""
    chosen: dict[str, str] = {}
    problems = []
    for item in items:
        account_id, equals, compartment_id = (part.strip() for part in item.partition("="))
        if not equals:
            problems.append(Problem(f"write ACCOUNT=COMPARTMENT, not '{item}'", where=option))
        elif inventory.account(account_id) is None:
            known = ", ".join(a.id for a in inventory.accounts) or "none"
            problems.append(Problem(f"no account '{account_id}'; accounts: {known}", where=option))
        elif catalogue.get(compartment_id) is None:
            known = ", ".join(catalogue.ids)
            message = f"no compartment '{compartment_id}'; compartments: {known}"
            problems.append(Problem(message, where=option))
        else:
            chosen[account_id] = compartment_id
    if problems:
        raise InputError(problems)
    return chosen


def build_plan(
    inventory: Inventory,
    catalogue: Compartments,
    assignments: Mapping[str, str] | None = None,
    proposals: Mapping[str, AddressCheck] | None = None,
) -> EmailPlan:
    """The plan for ``inventory``; ``assignments`` override the suggestions per account id,
    ``proposals`` are the checked addresses the person picked, per compartment id."""
    chosen = {**suggested(inventory, catalogue), **(assignments or {})}
    proposals = proposals or {}
    default = suggested(inventory, catalogue)
    placed = [Placed(a, chosen[a.id], chosen[a.id] == default[a.id]) for a in inventory.accounts]
    lookup = Lookup(inventory)
    parts = []
    findings: list[Finding] = []
    for compartment in catalogue.compartment:
        mine = tuple(p for p in placed if p.compartment == compartment.id)
        advice = list(compartment.advice)
        check = proposals.get(compartment.id)
        if check is not None:
            advice.insert(0, _proposal_advice(check))
            if check.is_address and check.flagged:
                findings.append(_reveals_finding(compartment, check))
        if mine:
            findings.append(_needs_address(compartment, mine))
        parts.append(CompartmentPlan(compartment, mine, tuple(advice)))
    for item in placed:
        findings.extend(_route_findings(item, lookup, catalogue, chosen))
    return EmailPlan(
        compartments=tuple(parts),
        shared_advice=catalogue.address_advice,
        steps=tuple(
            migration_steps(
                [(part.compartment, [p.account for p in part.accounts]) for part in parts], lookup
            )
        ),
        findings=tuple(in_plan_order(findings)),
    )


def _proposal_advice(check: AddressCheck) -> str:
    # The plan may be printed: it says what the address reveals, never the address itself.
    if not check.is_address:
        return "The address you picked is not an email address yet; check it again."
    if not check.flagged and not check.against:
        return (
            "The address you picked could not be checked against what the other person knows, "
            "because no facts were given."
        )
    if not check.flagged:
        return "The address you picked contains nothing we know the other person knows."
    labels = sorted({r.label for r in check.reveals})
    said = f"contains {', '.join(labels)}" if labels else "may point to you"
    return f"The address you picked {said}: choose another."


def _reveals_finding(compartment: Compartment, check: AddressCheck) -> Finding:
    labels = sorted({r.label for r in check.reveals})
    return make(
        "compartment_address_reveals_facts",
        severity=Severity.HIGH,
        subject=compartment.name,
        values={"compartment": compartment.name.lower(), "revealed": ", ".join(labels)},
        variant=() if labels else "unnamed",
        cause=cause_key("compartments", f"reveals:{compartment.id}"),
    )


def _needs_address(compartment: Compartment, mine: tuple[Placed, ...]) -> Finding:
    return make(
        "compartment_needs_own_address",
        severity=Severity.MEDIUM,
        subject=compartment.name,
        values={
            "compartment": compartment.name.lower(),
            "accounts": ", ".join(p.account.label for p in mine),
        },
        # Every part of life that needs its own address is one move: one item in a plan.
        cause=cause_key("compartments", f"address:{compartment.id}"),
    )


def _route_findings(
    item: Placed, lookup: Lookup, catalogue: Compartments, chosen: Mapping[str, str]
) -> list[Finding]:
    account = item.account
    findings = []
    for route in routes(account):
        owner = lookup.owner(route.value)
        said = {"account": account.label, "route": route.kind, "verb": route.verb}
        said["contact"] = mask(route.value)
        if owner is not None and owner.id != account.id and chosen[owner.id] != item.compartment:
            findings.append(
                make(
                    "compartment_recovery_crosses",
                    severity=Severity.MEDIUM,
                    subject=account.label,
                    values={
                        **said,
                        "owner": owner.label,
                        "other": _compartment(catalogue, chosen[owner.id]).name.lower(),
                        "compartment": _compartment(catalogue, item.compartment).name.lower(),
                    },
                    variant=() if is_email(route.value) else "number",
                    account=account.id,
                    cause=cause_key(f"account:{account.id}", "compartment"),
                )
            )
        controller = lookup.controller(route.value)
        if controller == "self":
            continue
        findings.append(
            make(
                "compartment_route_not_yours",
                severity=Severity.MEDIUM if controller == "unknown" else Severity.HIGH,
                subject=account.label,
                values={**said, "controlled": phrase(f"controlled_{controller}")},
                account=account.id,
                # The route is the thing to fix: the account it is, or the contact itself.
                cause=cause_key(f"account:{owner.id}", "login")
                if owner is not None
                else cause_key(f"contact:{contact_key(route.value)}"),
            )
        )
    return findings


def _compartment(catalogue: Compartments, compartment_id: str) -> Compartment:
    found = catalogue.get(compartment_id)
    assert found is not None, "assignments are checked against the catalogue"
    return found
