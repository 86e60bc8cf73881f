"""Putting an earlier answer right, offered when a kept session is carried on.

A wrong answer from an earlier meeting (the device "my phone" said to be held by them, a
recovery number that was never the person's) must not stay in the plan, which would then
tell her to remove her own phone. So a resumed meeting, after the safety questions,
offers to change who controls an address, number or device, an account's or a device's
answers, to add an account, or to check a password again. Each asks the question of the
step that first asked it, and what depends on the answer (which accounts they can reach,
the email plan) is worked out again at once. A password is asked hidden, as in the
passwords step, and only what was found about it is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from hygiene.accounts.device_review import review_device_again
from hygiene.accounts.inventory import Account, Inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import CONTROLLERS, ask_contact, review_accounts, review_again
from hygiene.render import visible
from hygiene.session.accounts import report
from hygiene.session.finish import email_plan_again
from hygiene.session.meeting import Meeting
from hygiene.session.passwords import passwords

QUESTION = "Would you like to change anything from an earlier meeting?"
CARRY_ON = "Nothing to change: carry on"
BACK = "Go back"
WHO = {value: words for words, value in CONTROLLERS}
T = TypeVar("T")


def offer_changes(meeting: Meeting) -> None:
    """Until the person carries on: change an earlier answer, add an account, or check a
    password again. Saved after each change, when the session is kept."""
    if not _said_before(meeting):
        return
    ask = meeting.prompter
    while True:
        options = _options(meeting)
        choice = ask.choose(QUESTION, [words for words, _ in options], default=len(options) - 1)
        change = options[choice][1]
        if change is None:
            return
        change(meeting)
        meeting.save_and_go_on()


def _said_before(meeting: Meeting) -> bool:
    inventory = meeting.document.inventory
    return bool(
        inventory.accounts
        or inventory.contacts
        or inventory.devices
        or "passwords" in meeting.document.progress.done
    )


def _options(meeting: Meeting) -> list[tuple[str, Callable[[Meeting], None] | None]]:
    inventory = meeting.document.inventory
    options: list[tuple[str, Callable[[Meeting], None] | None]] = []
    if inventory.contacts:
        options.append(("Who controls an address or number, or holds a device", _contact))
    if inventory.accounts:
        options.append(("An account's answers (recovery, second step, sessions)", _account))
    if inventory.devices:
        options.append(("A device's answers (who bought it, who has held it)", _device))
    options += [
        ("Add an account", _add_account),
        ("Check a password again, or a new one", passwords),
        (CARRY_ON, None),
    ]
    return options


def _pick(
    meeting: Meeting, question: str, items: Sequence[T], words: Callable[[T], str]
) -> T | None:
    """One of ``items``, each shown as ``words`` says, or ``None`` to go back."""
    options = [visible(words(item)) for item in items] + [BACK]
    choice = meeting.prompter.choose(question, options, default=len(items))
    return items[choice] if choice < len(items) else None


def _contact(meeting: Meeting) -> None:
    inventory = _editable(meeting)
    contact = _pick(
        meeting,
        "Which one?",
        inventory.contacts,
        lambda c: f"{c.value} (now: {WHO[c.controlled_by]})",
    )
    if contact is None:
        return
    inventory.contacts[inventory.contacts.index(contact)] = ask_contact(
        meeting.prompter, contact.value
    )
    _work_out_again(meeting, inventory)


def _account(meeting: Meeting) -> None:
    inventory = _editable(meeting)
    account = _pick(meeting, "Which account?", inventory.accounts, lambda a: a.label)
    if account is None:
        return
    review_again(meeting.prompter, inventory, shipped_catalogue(), account)
    _work_out_again(meeting, inventory)


def _device(meeting: Meeting) -> None:
    inventory = _editable(meeting)
    device = _pick(meeting, "Which device?", inventory.devices, lambda d: d.label)
    if device is None:
        return
    review_device_again(meeting.prompter, inventory, device)
    _work_out_again(meeting, inventory)


def _add_account(meeting: Meeting) -> None:
    inventory = _editable(meeting)

    def keep(inventory: Inventory, account: Account) -> None:
        meeting.update(inventory=inventory.model_copy(deep=True))
        meeting.save_and_go_on()  # each account is kept as soon as it is done

    review_accounts(meeting.prompter, inventory, shipped_catalogue(), keep)
    _work_out_again(meeting, inventory)


def _editable(meeting: Meeting) -> Inventory:
    """A copy of the inventory to change; the meeting's own changes only when it is done."""
    return meeting.document.inventory.model_copy(deep=True)


def _work_out_again(meeting: Meeting, inventory: Inventory) -> None:
    """Keep ``inventory`` and work out again everything found from it."""
    meeting.update(inventory=inventory.model_copy(deep=True))
    report(meeting, inventory)
    if "email_plan" in meeting.document.progress.done:
        email_plan_again(meeting)
