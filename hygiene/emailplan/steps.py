"""The order of the move, so that nobody is locked out of their own accounts.

Evidence and a safer device first; then every new address; then each account gets its
new address and recovery, added and tested before anything is taken away; only then are
the old routes removed; and the old addresses keep running, for evidence and so that
nothing goes suddenly quiet. Each step that can alert the other person carries a safety note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hygiene.accounts.inventory import Account
from hygiene.accounts.phones import is_email
from hygiene.emailplan.compartments import Compartment
from hygiene.emailplan.routes import Lookup, mask, routes

SAFER_DEVICE = "Make these changes from a safer device: one the other person has never held."
NOTICE = (
    "Many services send a notice to the old address when you change it; if the other person can "
    "read that address, they may see it."
)


class Phase(StrEnum):
    """The stages of the move, in the order they must happen."""

    PREPARE = "prepare"
    CREATE = "create"
    MOVE = "move"
    REMOVE = "remove"
    AFTER = "after"


@dataclass(frozen=True)
class Step:
    """One thing to do; ``account`` and ``compartment`` are ids when it is about one."""

    phase: Phase
    text: str
    compartment: str | None = None
    account: str | None = None
    safety: str | None = None


def migration_steps(
    groups: Sequence[tuple[Compartment, Sequence[Account]]], lookup: Lookup
) -> list[Step]:
    """The whole move in order, for each compartment and the accounts placed in it."""
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
            "Plan the timing with your support worker: the other person may notice when an address "
            "changes or goes quiet.",
        ),
    ]
    for compartment, _ in groups:
        name = compartment.name.lower()
        steps.append(
            Step(
                Phase.CREATE,
                f"Create your new address for {name} ({compartment.purpose}). Check it "
                "first with hygiene email-plan check-address; give it its own passphrase, "
                "two-step verification on a device only you hold, and recovery to a number "
                "only you control. Then sign out and back in once, to be sure it works.",
                compartment=compartment.id,
                safety=SAFER_DEVICE,
            )
        )
    for compartment, accounts in groups:
        for account in accounts:
            steps += _move(account, compartment, lookup)
    for compartment, accounts in groups:
        for account in accounts:
            old = _old_routes(account, lookup)
            if account.category == "email" or not old:
                continue
            steps.append(
                Step(
                    Phase.REMOVE,
                    f"{account.label}: only now, with the new address working, remove "
                    f"the old addresses and numbers from it: {', '.join(old)}.",
                    compartment=compartment.id,
                    account=account.id,
                    safety="Removing an address or number someone else controls can tell them "
                    "you have moved. Keep a screenshot of the old settings first.",
                )
            )
    steps += [
        Step(
            Phase.AFTER,
            "Keep your old addresses running; do not delete them. They hold evidence, and an "
            "address that suddenly goes quiet can alert the other person. Check them now and then "
            "from a safer device, and do not forward them to your new addresses.",
        ),
        Step(Phase.AFTER, "Give each new address only to the people and services it is for."),
    ]
    return steps


def _old_routes(account: Account, lookup: Lookup) -> list[str]:
    """What to take off an account once it works with its new address: every old address
    (the new one replaces them), and every number or device the person does not hold alone."""
    old = [account.login] if account.login and is_email(account.login) else []
    for route in routes(account):
        if is_email(route.value) or lookup.controller(route.value) != "self":
            old.append(route.value)
    return list(dict.fromkeys(mask(value) for value in old))


def _move(account: Account, compartment: Compartment, lookup: Lookup) -> list[Step]:
    name = compartment.name.lower()

    def step(text: str, safety: str | None = None) -> Step:
        return Step(Phase.MOVE, text, compartment.id, account.id, safety)

    if account.category == "email":
        return [
            step(
                f"{account.label} is one of your old addresses. Tell the people who use it "
                f"about your new address for {name}, one at a time, and keep this one running.",
                safety="If the other person can read this mailbox, they may see who you tell; tell "
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
