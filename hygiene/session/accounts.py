"""The accounts and recovery review: each account from the provider catalogue, then the chains.

The questions are the accounts review's own (where each setting lives, recovery routes,
second steps, who controls each address and number); here the answers go into the
session's inventory, saved encrypted with the rest after every account, instead of a file
in clear. ``check_inventory`` then says which accounts the other person can reach and
through what, the cut that closes most first. Unknown answers stay unknown, never safe.
"""

from __future__ import annotations

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import CATEGORIES, Inventory
from hygiene.accounts.providers import (
    GENERIC_ID,
    Catalogue,
    Checklist,
    Provider,
    shipped_catalogue,
)
from hygiene.accounts.review import (
    FINISHED,
    SOMETHING_ELSE,
    _ask_account,
    _ask_contacts,
    _required,
)
from hygiene.prompts import Prompter
from hygiene.session.meeting import Meeting

INTRO = (
    "Now your accounts, one at a time: how each is signed in to and how it is reset. Start "
    "with email, then your phone, money, and anything that resets other accounts. This only "
    "records what you find; it changes nothing and never asks for a password."
)


def accounts(meeting: Meeting) -> None:
    ask = meeting.prompter
    catalogue = shipped_catalogue()
    inventory = meeting.document.inventory.model_copy(deep=True)
    ask.say(INTRO)
    if inventory.accounts:
        ask.say(f"{len(inventory.accounts)} accounts are listed already; new ones are added.")
    while (chosen := _next(ask, catalogue)) is not None:
        checklist, name, category = chosen
        ask.say(f"\n{name}: answer what you know, and leave empty what you do not.")
        if checklist.notice:
            ask.say(checklist.notice)
        account = _ask_account(ask, inventory, checklist, name, category)
        inventory.accounts.append(account)
        _ask_contacts(ask, inventory, account)
        meeting.update(inventory=inventory.model_copy(deep=True))
        meeting.save_and_go_on()  # each account is kept as soon as it is done
    _report(meeting, inventory)


def menu(catalogue: Catalogue) -> list[Provider]:
    """Named providers first, then the general pages (a bank, a phone company, email)."""
    return sorted(
        (p for p in catalogue.providers if p.id != GENERIC_ID),
        key=lambda p: (p.generic, p.name.casefold()),
    )


def menu_options(catalogue: Catalogue) -> list[str]:
    return [p.name for p in menu(catalogue)] + [SOMETHING_ELSE, FINISHED]


def _next(ask: Prompter, catalogue: Catalogue) -> tuple[Checklist, str, str] | None:
    """The next account (its page, name and kind) from the catalogue's menu, or ``None``."""
    providers = menu(catalogue)
    options = menu_options(catalogue)
    choice = ask.choose("Which account shall we look at next?", options)
    if options[choice] == FINISHED:
        return None
    if options[choice] == SOMETHING_ELSE:
        name = _required(ask, "What is it called? (for example: Tesco Clubcard)")
        category = CATEGORIES[ask.choose("What kind of account is it?", CATEGORIES)]
        return catalogue.checklist(name, category), name, category
    provider = providers[choice]
    return Checklist(provider, False, provider.name), provider.name, provider.category


def _report(meeting: Meeting, inventory: Inventory) -> None:
    ask = meeting.prompter
    if not inventory.accounts:
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
    meeting.set_findings("accounts", list(result.findings))
