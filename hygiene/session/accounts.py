"""The accounts and recovery review: each account from the provider catalogue, the devices,
then the chains.

The questions are the accounts review's own (where each setting lives, recovery routes,
second steps, who controls each address and number); here the answers go into the
session's inventory, saved encrypted with the rest after every account, instead of a file
in clear. ``check_inventory`` then says which accounts the other person can reach and
through what, the cut that closes most first. Unknown answers stay unknown, never safe.
"""

from __future__ import annotations

from hygiene.accounts.check import check_inventory
from hygiene.accounts.device_review import review_devices
from hygiene.accounts.devices import Device
from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import review_accounts
from hygiene.accounts.trackers import tracker_findings
from hygiene.session.meeting import Meeting

INTRO = (
    "Now your accounts, one at a time: how each is signed in to and how it is reset. Start "
    "with email, then your phone, money, and anything that resets other accounts. This only "
    "records what you find; it changes nothing and never asks for a password."
)


def accounts(meeting: Meeting) -> None:
    ask = meeting.prompter
    inventory = meeting.document.inventory.model_copy(deep=True)
    ask.say(INTRO)
    if inventory.accounts:
        ask.say(f"{len(inventory.accounts)} accounts are listed already; new ones are added.")

    def keep(inventory: Inventory, account: Account) -> None:
        meeting.update(inventory=inventory.model_copy(deep=True))
        meeting.save_and_go_on()  # each account is kept as soon as it is done

    review_accounts(ask, inventory, shipped_catalogue(), keep)

    def keep_device(inventory: Inventory, device: Device) -> None:
        meeting.update(inventory=inventory.model_copy(deep=True))
        meeting.save_and_go_on()

    review_devices(ask, inventory, keep_device)
    report(meeting, inventory)


def report(meeting: Meeting, inventory: Inventory) -> None:
    """Say which accounts the other person may reach, and keep the findings for the plan."""
    ask = meeting.prompter
    if not inventory.accounts and not inventory.devices:
        meeting.set_findings("accounts", [])
        return
    result = check_inventory(inventory)
    reachable = result.analysis.reachable
    if reachable:
        ask.say("Accounts the other person may be able to get into:")
        for reach in reachable:
            ask.say(f"- {result.sentences[reach.account]}")
    else:
        ask.say("From what you said, no account is reachable through its recovery routes.")
    trackers = tracker_findings(inventory.devices, shipped_catalogue())
    meeting.set_findings("accounts", [*result.findings, *trackers])
