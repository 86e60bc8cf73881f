"""An account's ways back in, who holds each, and how the plan shows them.

A route is a recovery address, a recovery number, or where sign-in codes go. ``Lookup``
answers, in one step per route, which account an address *is* and who controls it;
``mask`` shows a contact so the person recognises it but a reader cannot use it (the
plan may be printed or taken home).
"""

from __future__ import annotations

from dataclasses import dataclass

from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.phones import contact_key
from hygiene.plan.refs import partial


def mask(value: str) -> str:
    """A contact as the plan shows it: enough to recognise, not enough to read out."""
    return partial(value)


@dataclass(frozen=True)
class Route:
    kind: str  # what the route is, in words: "recovery email", "sign-in codes"
    verb: str  # "is" or "go to", so sentences read naturally
    value: str


def routes(account: Account) -> list[Route]:
    """Every way back into ``account``: recovery addresses and numbers, and where codes go."""
    routes = [Route("recovery email", "is", e) for e in account.recovery_emails]
    routes += [Route("recovery phone", "is", p) for p in account.recovery_phones]
    routes += [Route("sign-in codes", "go to", f.target) for f in account.two_factor if f.target]
    return routes


class Lookup:
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
