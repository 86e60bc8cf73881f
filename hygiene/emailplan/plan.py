"""Build the email plan: accounts placed in compartments, advice per address, and the order
of the move.

The move is ordered so that nobody is locked out: every new address exists first, then
each account gets its new address and recovery (added and tested before anything is
taken away), and only then are the old recovery routes removed. Recovery that crosses
compartments, or runs through an address, number or device that someone else controls,
becomes a finding. Contacts are shown masked ("the number ending 123"): the plan may be
printed or taken home.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.phones import contact_key, is_email, normalise_phone
from hygiene.emailplan.address import AddressCheck
from hygiene.emailplan.compartments import Compartment, Compartments
from hygiene.errors import InputError, Problem
from hygiene.findings import Finding, Severity, Topic, in_plan_order

SAFER_DEVICE = "Make these changes from a safer device: one the abuser has never held."
NOTICE = (
    "Many services send a notice to the old address when you change it; if the abuser can "
    "read that address, they may see it."
)


class Phase(StrEnum):
    PREPARE = "prepare"
    CREATE = "create"
    MOVE = "move"
    REMOVE = "remove"
    AFTER = "after"


@dataclass(frozen=True)
class Placed:
    account: Account
    compartment: str
    suggested: bool  # the compartment is the one suggested for the account's category


@dataclass(frozen=True)
class Step:
    phase: Phase
    text: str
    compartment: str | None = None
    account: str | None = None
    safety: str | None = None


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


def mask(value: str) -> str:
    """A contact as the plan shows it: enough to recognise, not enough to read out."""
    if is_email(value):
        local, _, domain = value.strip().lower().rpartition("@")
        return f"{local[:1]}•••@{domain}"
    phone = normalise_phone(value)
    if phone is not None:
        return f"the number ending {phone[-3:]}"
    return value.strip()


@dataclass(frozen=True)
class _Route:
    kind: str  # what the route is, in words: "recovery email", "sign-in codes"
    verb: str  # "is" or "go to", so sentences read naturally
    value: str


def _routes(account: Account) -> list[_Route]:
    routes = [_Route("recovery email", "is", e) for e in account.recovery_emails]
    routes += [_Route("recovery phone", "is", p) for p in account.recovery_phones]
    routes += [_Route("sign-in codes", "go to", f.target) for f in account.two_factor if f.target]
    return routes


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
    lookup = _Lookup(inventory)
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
        steps=tuple(_steps(parts, lookup)),
        findings=tuple(in_plan_order(findings)),
    )


def _proposal_advice(check: AddressCheck) -> str:
    # The plan may be printed: it says what the address reveals, never the address itself.
    if not check.is_address:
        return "The address you picked is not an email address yet; check it again."
    if not check.flagged and not check.against:
        return (
            "The address you picked could not be checked against what the abuser knows, "
            "because no facts were given."
        )
    if not check.flagged:
        return "The address you picked contains nothing we know the abuser knows."
    labels = sorted({r.label for r in check.reveals})
    said = f"contains {', '.join(labels)}" if labels else "may point to you"
    return f"The address you picked {said}: choose another."


def _reveals_finding(compartment: Compartment, check: AddressCheck) -> Finding:
    labels = sorted({r.label for r in check.reveals}) or ["something that may point to you"]
    return Finding(
        id="compartment_address_reveals_facts",
        severity=Severity.HIGH,
        topic=Topic.COMPARTMENTS,
        subject=compartment.name,
        title=f"The new address for {compartment.name.lower()} can be guessed",
        why=f"It contains {', '.join(labels)}, so the abuser could guess or recognise it.",
        fix="Choose an address with nothing personal in it, and check it with "
        "hygiene email-plan check-address before you create it.",
    )


def _needs_address(compartment: Compartment, mine: tuple[Placed, ...]) -> Finding:
    labels = ", ".join(p.account.label for p in mine)
    return Finding(
        id="compartment_needs_own_address",
        severity=Severity.MEDIUM,
        topic=Topic.COMPARTMENTS,
        subject=compartment.name,
        title=f"Give {compartment.name.lower()} an address of their own",
        why=f"The accounts here ({labels}) use the same addresses as the rest of your life, so "
        "an address the abuser knows or gets into opens them all.",
        fix="Create a new address for them and move them over, following the steps in order.",
        safety="The abuser may notice a change. Keep evidence first, and make the changes from "
        "a safer device.",
    )


def _route_findings(
    item: Placed, lookup: _Lookup, catalogue: Compartments, chosen: Mapping[str, str]
) -> list[Finding]:
    account = item.account
    findings = []
    for route in _routes(account):
        owner = lookup.owner(route.value)
        shown = mask(route.value)
        if owner is not None and owner.id != account.id and chosen[owner.id] != item.compartment:
            other = _compartment(catalogue, chosen[owner.id])
            findings.append(
                Finding(
                    id="compartment_recovery_crosses",
                    severity=Severity.MEDIUM,
                    topic=Topic.COMPARTMENTS,
                    subject=account.label,
                    title=f"{account.label} depends on an address from another part of life",
                    why=f"Its {route.kind} {route.verb} {shown} ({owner.label}), which "
                    f"belongs with {other.name.lower()}. Whoever gets into that address can "
                    f"get into {account.label} too.",
                    fix=f"Move its {route.kind} to your new address for "
                    f"{_compartment(catalogue, item.compartment).name.lower()}.",
                )
            )
        controller = lookup.controller(route.value)
        if controller == "self":
            continue
        if controller == "unknown":
            severity, said = Severity.MEDIUM, "and it is not known who controls it"
        else:
            severity, said = Severity.HIGH, f"which is {_controlled[controller]}"
        findings.append(
            Finding(
                id="compartment_route_not_yours",
                severity=severity,
                topic=Topic.COMPARTMENTS,
                subject=account.label,
                title=f"{account.label}: its {route.kind} {route.verb} something you do not "
                "control alone",
                why=f"Its {route.kind} {route.verb} {shown}, {said}. A new address does not help "
                "while someone else can reset the account or read its codes.",
                fix=f"When you move {account.label}, set its {route.kind} to something only "
                "you control, then remove the old one.",
                safety="Removing it can tell the other person you have moved; keep a "
                "screenshot of the settings first.",
            )
        )
    return findings


def _compartment(catalogue: Compartments, compartment_id: str) -> Compartment:
    found = catalogue.get(compartment_id)
    assert found is not None, "assignments are checked against the catalogue"
    return found


class _Lookup:
    """The inventory's logins and contacts by their compared form, looked up in one step."""

    def __init__(self, inventory: Inventory) -> None:
        # Only a mailbox owns its address (and a phone line its number): a social account
        # that signs in with an address is not that address.
        self.owners = inventory.owners()
        self.controllers = {contact.key: contact.controlled_by for contact in inventory.contacts}

    def owner(self, value: str) -> Account | None:
        """The account whose login ``value`` is: that address *is* the account."""
        return self.owners.get(contact_key(value))

    def controller(self, value: str) -> str:
        """Who controls a contact, as the inventory says; an account's own login is the
        person's; anything else is unknown."""
        key = contact_key(value)
        if key in self.controllers:
            return self.controllers[key]
        return "self" if key in self.owners else "unknown"


_controlled = {"abuser": "controlled by the abuser", "shared": "shared with someone else"}


def _steps(parts: list[CompartmentPlan], lookup: _Lookup) -> list[Step]:
    steps = [
        Step(
            Phase.PREPARE,
            "Before you change anything, keep evidence: screenshots or photos of messages, "
            "alerts and account settings, ideally taken with another device.",
        ),
        Step(
            Phase.PREPARE,
            SAFER_DEVICE + " A friend's phone or a library computer will do.",
        ),
        Step(
            Phase.PREPARE,
            "Plan the timing with your support worker: the abuser may notice when an address "
            "changes or goes quiet.",
        ),
    ]
    for part in parts:
        name = part.compartment.name.lower()
        steps.append(
            Step(
                Phase.CREATE,
                f"Create your new address for {name} ({part.compartment.purpose}). Check it "
                "first with hygiene email-plan check-address; give it its own passphrase, "
                "two-step verification on a device only you hold, and recovery to a number "
                "only you control. Then sign out and back in once, to be sure it works.",
                compartment=part.compartment.id,
                safety=SAFER_DEVICE,
            )
        )
    for part in parts:
        for placed in part.accounts:
            steps += _move(placed.account, part.compartment, lookup)
    for part in parts:
        for placed in part.accounts:
            old = _old_routes(placed.account, lookup)
            if placed.account.category == "email" or not old:
                continue
            steps.append(
                Step(
                    Phase.REMOVE,
                    f"{placed.account.label}: only now, with the new address working, remove "
                    f"the old addresses and numbers from it: {', '.join(old)}.",
                    compartment=part.compartment.id,
                    account=placed.account.id,
                    safety="Removing an address or number someone else controls can tell them "
                    "you have moved. Keep a screenshot of the old settings first.",
                )
            )
    steps += [
        Step(
            Phase.AFTER,
            "Keep your old addresses running; do not delete them. They hold evidence, and an "
            "address that suddenly goes quiet can alert the abuser. Check them now and then "
            "from a safer device, and do not forward them to your new addresses.",
        ),
        Step(Phase.AFTER, "Give each new address only to the people and services it is for."),
    ]
    return steps


def _old_routes(account: Account, lookup: _Lookup) -> list[str]:
    """What to take off an account once it works with its new address: every old address
    (the new one replaces them), and every number or device the person does not hold alone."""
    old = [account.login] if account.login and is_email(account.login) else []
    for route in _routes(account):
        if is_email(route.value) or lookup.controller(route.value) != "self":
            old.append(route.value)
    return list(dict.fromkeys(mask(value) for value in old))


def _move(account: Account, compartment: Compartment, lookup: _Lookup) -> list[Step]:
    name = compartment.name.lower()

    def step(text: str, safety: str | None = None) -> Step:
        return Step(Phase.MOVE, text, compartment.id, account.id, safety)

    if account.category == "email":
        return [
            step(
                f"{account.label} is one of your old addresses. Tell the people who use it "
                f"about your new address for {name}, one at a time, and keep this one running.",
                safety="If the abuser can read this mailbox, they may see who you tell; tell "
                "people in person or by phone where you can.",
            )
        ]
    steps = [
        step(
            f"{account.label}: add your new address for {name} and confirm it from the new "
            "mailbox, then make it the address you sign in with (or the contact address, if "
            "you sign in with something else).",
            safety=NOTICE,
        ),
        step(
            f"{account.label}: set the recovery email to your new address for {name}, and the "
            "recovery phone to a number only you control.",
        ),
    ]
    own_factor = any(
        f.kind == "key" or (f.kind == "app" and lookup.controller(f.target or "") == "self")
        for f in account.two_factor
    )
    if not own_factor:
        steps.append(
            step(
                f"{account.label}: turn on two-step verification with an app or a security "
                "key on a device only you hold."
            )
        )
    steps.append(
        step(
            f"{account.label}: sign out, then sign back in with the new address, to be sure "
            "it works before anything old is removed."
        )
    )
    return steps
