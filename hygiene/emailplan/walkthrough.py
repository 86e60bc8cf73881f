"""The email plan as a conversation, through the prompt seam.

Without an inventory it asks for the accounts (a name and a kind each); then for each
account which address it should use, offering the suggested one first; then, if the
person has an address in mind for a compartment, checks it and explains what it gives
away. The proposals are explained to the person here and never put in the plan itself;
so are the passphrases offered at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from hygiene.accounts.inventory import Account, Inventory
from hygiene.emailplan.address import AddressCheck, KnownTokens, check_address
from hygiene.emailplan.compartments import Compartments
from hygiene.emailplan.plan import suggested
from hygiene.facts.model import Facts
from hygiene.prompts import Prompter
from hygiene.suggest import suggest

KINDS: dict[str, str] = {
    "email": "An email account",
    "financial": "Money: a bank, card or payment account",
    "social": "A social network",
    "shopping": "Shopping or another sign-up",
    "phone": "A phone contract",
    "cloud": "Photos, files or backups",
    "work": "Work or school",
    "other": "Something else",
}


@dataclass(frozen=True)
class Answers:
    inventory: Inventory
    assignments: dict[str, str]
    proposals: dict[str, AddressCheck]


def walk(
    prompter: Prompter,
    catalogue: Compartments,
    inventory: Inventory | None,
    known: KnownTokens,
) -> Answers:
    prompter.say(
        "We will place each of your accounts with one of four new addresses, so that one "
        "address the other person knows or gets into opens only one part of your life. "
        "Type q at any question to leave."
    )
    if inventory is None:
        inventory = _ask_accounts(prompter)
    return Answers(
        inventory=inventory,
        assignments=_ask_places(prompter, catalogue, inventory),
        proposals=_ask_addresses(prompter, catalogue, known),
    )


def _ask_accounts(prompter: Prompter) -> Inventory:
    inventory = Inventory()
    kinds = list(KINDS)
    while True:
        label = prompter.ask(
            "Name an account to place (for example: Bank, Facebook), or press Enter when done"
        ).strip()
        if not label:
            return inventory
        index = prompter.choose(f"What kind of account is {label}?", list(KINDS.values()))
        account = Account.model_validate(
            {"id": inventory.free_id(label), "label": label, "category": kinds[index]}
        )
        inventory = Inventory.model_validate({"account": [*inventory.accounts, account]})


def _ask_places(
    prompter: Prompter, catalogue: Compartments, inventory: Inventory
) -> dict[str, str]:
    default = suggested(inventory, catalogue)
    chosen: dict[str, str] = {}
    for account in inventory.accounts:
        start = catalogue.ids.index(default[account.id])
        options = [
            c.name + (" (suggested)" if index == start else "")
            for index, c in enumerate(catalogue.compartment)
        ]
        index = prompter.choose(
            f"{account.label}: which address should it use? Press Enter for the suggested one.",
            options,
            default=start,
        )
        chosen[account.id] = catalogue.ids[index]
    return chosen


def _ask_addresses(
    prompter: Prompter, catalogue: Compartments, known: KnownTokens
) -> dict[str, AddressCheck]:
    if not prompter.confirm("Do you have addresses in mind that you would like checked?"):
        return {}
    proposals: dict[str, AddressCheck] = {}
    for compartment in catalogue.compartment:
        while True:
            typed = prompter.ask(
                f"An address for {compartment.name.lower()}: type it to check it, "
                "or press Enter to skip"
            ).strip()
            if not typed:
                break
            check = check_address(typed, known)
            for line in check.explain():
                prompter.say(line)
            if check.is_address:
                proposals[compartment.id] = check
            if check.is_address and not check.flagged:
                break
            prompter.say("You can try another, or press Enter to keep what you have.")
    return proposals


def offer_passphrases(prompter: Prompter, catalogue: Compartments, facts: Facts | None) -> None:
    """One new passphrase per address, shown on screen once if the person wants them.

    They go only through the prompter, never into the plan: a plan may be saved or printed.
    """
    if not prompter.confirm(
        "Show a passphrase for each new address now? They are shown once, on screen only, "
        "and never kept or put in the plan."
    ):
        return
    found = suggest(facts, count=len(catalogue.compartment))
    for compartment, item in zip(catalogue.compartment, found, strict=True):
        prompter.say(f"{compartment.name}: {item.passphrase.reveal()}")
    prompter.say(
        "Use each for its own address only. Write them somewhere safe that the other person cannot "
        "reach, or in a password manager."
    )
