"""The accounts and recovery review: each account and every way back into it, then the chains.

The answers build the accounts inventory the recovery graph reads; ``check_inventory``
then says which accounts the other person can reach and through what, most opening cut
first. Unknown answers stay unknown ("maybe", "not checked"), never safe.
"""

from __future__ import annotations

from pydantic import ValidationError

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import Account, Contact, Inventory
from hygiene.emailplan.walkthrough import KINDS
from hygiene.prompts import Prompter
from hygiene.session.meeting import Meeting

KNOWS = ["Yes", "No", "Not sure"]
KNOWS_VALUE = ["yes", "no", "maybe"]
FACTORS = [
    "Codes by text message",
    "An app on a phone",
    "Codes by email",
    "A security key",
    "No second step",
    "Not sure",
]
CONTROL = ["Only me", "Me and the other person", "The other person", "Not sure"]
CONTROL_VALUE = ["self", "shared", "abuser", "unknown"]


def accounts(meeting: Meeting) -> None:
    ask = meeting.prompter
    inventory = meeting.document.inventory
    ask.say(
        "Now your accounts, one at a time: how each is signed in to and how it is reset. "
        "Start with email, then phone, money, and anything that resets other accounts."
    )
    if inventory.accounts:
        ask.say(f"{len(inventory.accounts)} accounts are here from last time.")
    while True:
        label = ask.ask("Name an account (for example: Gmail, Bank), or press Enter when done")
        if not label.strip():
            break
        inventory = _add_account(ask, inventory, label.strip())
        meeting.update(inventory=inventory)
    inventory = _ask_contacts(ask, inventory)
    meeting.update(inventory=inventory)
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


def _add_account(ask: Prompter, inventory: Inventory, label: str) -> Inventory:
    kinds = list(KINDS)
    category = kinds[ask.choose(f"What kind of account is {label}?", list(KINDS.values()))]
    draft: dict[str, object] = {
        "id": inventory.free_id(label),
        "label": label,
        "category": category,
    }
    fields = [
        ("login", f"The email address, number or user name used to sign in to {label} (optional)"),
        ("recovery_emails", f"The recovery email address of {label}, if it has one"),
        ("recovery_phones", f"The recovery phone number of {label}, if it has one"),
    ]
    for name, question in fields:
        while True:
            answer = ask.ask(question).strip()
            value: object = answer or None
            if name != "login":
                value = [answer] if answer else []
            try:
                Account.model_validate({**draft, name: value})
            except ValidationError:
                ask.say("That does not look right. Type it again, or press Enter to skip.")
                continue
            draft[name] = value
            break
    draft["password_known_to_abuser"] = KNOWS_VALUE[
        ask.choose(f"Might the other person know or guess the {label} password?", KNOWS)
    ]
    draft["two_factor"] = _factor(ask, label)
    if ask.confirm(f"Does {label} use security questions (like a first pet's name)?"):
        knows = ask.choose("Might the other person know the answers?", KNOWS)
        draft["security_questions"] = [
            {"question": "Security questions", "abuser_knows": KNOWS_VALUE[knows]}
        ]
    account = Account.model_validate(draft)
    return Inventory.model_validate(
        {"account": [*inventory.accounts, account], "contact": inventory.contacts}
    )


def _factor(ask: Prompter, label: str) -> list[str]:
    choice = ask.choose(f"What second step does signing in to {label} ask for?", FACTORS)
    if choice == 4:
        return ["none"]
    if choice == 5:
        return []
    if choice == 3:
        return ["key"]
    kind, question = [
        ("sms", "The phone number the codes go to"),
        ("app", "Which phone or device has the app"),
        ("email", "The email address the codes go to"),
    ][choice]
    while True:
        target = ask.ask(question).strip()
        if not target:
            return []
        try:
            Account.model_validate({"label": "check", "two_factor": [f"{kind}:{target}"]})
        except ValidationError:
            ask.say("That does not look right. Type it again, or press Enter to skip.")
            continue
        return [f"{kind}:{target}"]


def _ask_contacts(ask: Prompter, inventory: Inventory) -> Inventory:
    """Who controls each recovery address, number and device that is not itself an account."""
    known = {contact.key for contact in inventory.contacts}
    contacts = list(inventory.contacts)
    for value in _routes(inventory):
        candidate = Contact(value=value)
        if candidate.key in known or inventory.account_by_login(value) is not None:
            continue
        known.add(candidate.key)
        who = ask.choose(f"Who can get into {value}?", CONTROL)
        contacts.append(Contact(value=value, controlled_by=CONTROL_VALUE[who]))  # type: ignore[arg-type]
    return Inventory.model_validate({"account": inventory.accounts, "contact": contacts})


def _routes(inventory: Inventory) -> list[str]:
    routes: list[str] = []
    for account in inventory.accounts:
        routes.extend(account.recovery_emails)
        routes.extend(account.recovery_phones)
        routes.extend(f.target for f in account.two_factor if f.target)
    return list(dict.fromkeys(routes))
