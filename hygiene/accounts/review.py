"""The guided accounts review: one provider at a time, plain numbered questions.

For each account the person picks, it shows where each setting lives (from the
catalogue, with "may differ; not confirmed" where the path is unconfirmed), asks what
the inventory records (login, recovery email and phone, security questions, second
step, whether the password or a session may be theirs) and who controls each address,
number and device it mentions, and writes the inventory file after every account, so
leaving at any moment (q or Ctrl-C) keeps everything already saved. It only records:
it never asks for a password and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hygiene.accounts.inventory import (
    CATEGORIES,
    Account,
    Contact,
    Inventory,
    SecurityQuestion,
    TwoFactor,
    load_inventory,
    save_inventory,
)
from hygiene.accounts.phones import contact_key, is_email, normalise_phone
from hygiene.accounts.providers import GENERIC_ID, Catalogue, Checklist, Provider, where_text
from hygiene.prompts import Prompter
from hygiene.render import visible
from hygiene.safefile import UnsafeTarget, unsafe_reason

YES_NO_MAYBE = ["Yes", "No", "Maybe, or not sure"]
YES_NO_MAYBE_VALUES = ["yes", "no", "maybe"]
CONTROLLERS = [
    ("Only me", "self"),
    ("Shared with them, or they can use it", "shared"),
    ("Them", "them"),
    ("I do not know", "unknown"),
]
SECOND_STEPS = [
    "A code by text message",
    "An app or a prompt on a device",
    "A security key",
    "Nothing: just the password",
    "I do not know",
]
SOMETHING_ELSE = "Something else (you type its name)"
FINISHED = "I have finished"

INTRO = (
    "We will go through your accounts one at a time. This only records what you find; it "
    "changes nothing and never asks for a password. Looking at settings changes nothing, "
    "but it can still be seen: signing in on a new device or from a new place can send an "
    "alert to a recovery address or phone they control, and some services show recent "
    "activity. Where they may control one, look on a device you have used before, or plan "
    "when to look with your support worker. Changing settings can alert them too, so plan "
    "changes first and keep evidence before you change anything.\n"
    "Each account is saved to {path} as soon as it is done. That file lists your accounts: "
    "keep it where only you can reach it. Type q at any question to leave at once."
)


def review(prompter: Prompter, path: Path, catalogue: Catalogue) -> Inventory:
    """Ask about accounts until the person has finished; the inventory is saved after each."""
    reason = unsafe_reason(path)
    if reason:
        # It may have been planted to send the inventory somewhere the other person reads.
        question = f"{path} is not a plain file ({reason}). Replace it with the inventory?"
        if "folder" in reason or not prompter.confirm(question):
            raise UnsafeTarget(
                f"Nothing was written to {path.name}: {reason}. Choose another name."
            )
    inv = load_inventory(path) if path.exists() and not reason else Inventory()
    prompter.say(INTRO.format(path=path))
    if inv.accounts:
        prompter.say(f"{path} already lists {len(inv.accounts)} accounts; new ones are added.")

    def keep(inv: Inventory, account: Account) -> None:
        save_inventory(inv, path, replace_unsafe=bool(reason))
        prompter.say(f"Saved {account.label} to {path}.")

    review_accounts(prompter, inv, catalogue, keep)
    if inv.accounts:
        prompter.say(
            f"{len(inv.accounts)} accounts are in {path}. "
            f"`hygiene accounts check {path}` shows who can still get in."
        )
    else:
        prompter.say("No accounts were recorded, so nothing was written.")
    return inv


def review_accounts(
    prompter: Prompter,
    inv: Inventory,
    catalogue: Catalogue,
    keep: Callable[[Inventory, Account], None],
) -> None:
    """Add one account after another to ``inv`` until the person has finished.

    ``keep`` is called as soon as each account is done (the file review writes the file,
    a session saves it encrypted), so leaving at any question loses nothing before it.
    """
    while (chosen := next_account(prompter, catalogue)) is not None:
        checklist, name, category = chosen
        prompter.say(f"\n{name}: answer what you know, and leave empty what you do not.")
        if checklist.notice:
            prompter.say(checklist.notice)
        account = _ask_account(prompter, inv, checklist, name, category)
        inv.accounts.append(account)
        _ask_contacts(prompter, inv, account)
        keep(inv, account)


def review_again(
    prompter: Prompter, inv: Inventory, catalogue: Catalogue, account: Account
) -> None:
    """Ask every question about ``account`` again; the answers replace the old ones in ``inv``.

    It keeps its id, so what points at it (a device it is signed in on, where it goes in
    the email plan) still does, and its note unless a new one is given: what was found
    then may still be evidence. Who controls a new address, number or device is asked too.
    """
    checklist = catalogue.checklist(account.provider, account.category)
    prompter.say(
        f"\n{visible(account.label)}: answer what you know, and leave empty what you do "
        "not. What you say now replaces what was said before."
    )
    again = _ask_account(
        prompter, inv, checklist, checklist.provider.name, account.category, replacing=account
    )
    again.note = again.note or account.note
    inv.accounts[inv.accounts.index(account)] = again
    _ask_contacts(prompter, inv, again)


def menu(catalogue: Catalogue) -> list[Provider]:
    """Named providers first, then the general pages (a bank, a phone company, email).

    Pages about things rather than an account (trackers, the router) are not accounts.
    """
    return sorted(
        (p for p in catalogue.providers if p.id != GENERIC_ID and p.account),
        key=lambda p: (p.generic, p.name.casefold()),
    )


def menu_options(catalogue: Catalogue) -> list[str]:
    return [p.name for p in menu(catalogue)] + [SOMETHING_ELSE, FINISHED]


def next_account(prompter: Prompter, catalogue: Catalogue) -> tuple[Checklist, str, str] | None:
    """The next account (its page, name and kind) from the catalogue's menu, or ``None``."""
    providers = menu(catalogue)
    options = menu_options(catalogue)
    choice = prompter.choose("Which account shall we look at next?", options)
    if options[choice] == FINISHED:
        return None
    if options[choice] == SOMETHING_ELSE:
        name = _required(prompter, "What is it called? (for example: Tesco Clubcard)")
        category = CATEGORIES[prompter.choose("What kind of account is it?", CATEGORIES)]
        return catalogue.checklist(name, category), name, category
    provider = providers[choice]
    return Checklist(provider, False, provider.name), provider.name, provider.category


def _required(prompter: Prompter, question: str) -> str:
    while True:
        answer = prompter.ask(question).strip()
        if answer:
            return answer
        prompter.say("Please type a name, or q to leave.")


def _show(prompter: Prompter, provider: Provider, *kinds: str) -> None:
    for item in provider.items_of(*kinds)[:1]:
        prompter.say(f"Where to look: {where_text(item)}")
        prompter.say(f"Why: {item.why}")


def _listed(
    prompter: Prompter, question: str, valid: Callable[[str], bool], noun: str
) -> list[str]:
    """A comma-separated answer, asked again until every entry looks right."""
    while True:
        answer = prompter.ask(f"{question} (separate several with commas; leave empty if none)")
        values = [v.strip() for v in answer.split(",") if v.strip()]
        bad = [v for v in values if not valid(v)]
        if not bad:
            return values
        prompter.say(f"'{bad[0]}' does not look like {noun}. Please type them again.")


def _ask_account(
    prompter: Prompter,
    inv: Inventory,
    checklist: Checklist,
    name: str,
    category: str,
    replacing: Account | None = None,
) -> Account:
    provider = checklist.provider
    label = prompter.ask(
        "A name for this account, so you know which it is",
        default=replacing.label if replacing else name,
    )
    login = prompter.ask(
        "The email address, phone number or user name you sign in with (leave empty if not known)"
    ).strip()
    _show(prompter, provider, "recovery")
    emails = _listed(prompter, "Recovery email addresses", is_email, "an email address")
    phones = _listed(
        prompter,
        "Recovery phone numbers",
        lambda v: normalise_phone(v) is not None,
        "a phone number",
    )
    questions = []
    if provider.items_of("security_questions") or checklist.fallback:
        _show(prompter, provider, "security_questions")
        asking = prompter.confirm("Does it use security questions?")
        while asking:
            text = _required(prompter, "The question, in a few words (for example: first pet)")
            knows = prompter.choose("Could they know or guess the answer?", YES_NO_MAYBE)
            questions.append(
                SecurityQuestion.model_validate(
                    {"question": text, "they_know": YES_NO_MAYBE_VALUES[knows]}
                )
            )
            asking = prompter.confirm("Is there another security question?")
    _show(prompter, provider, "two_factor")
    factors = _ask_second_steps(prompter)
    password = prompter.choose("Could they know or guess the password?", YES_NO_MAYBE)
    _show(prompter, provider, "sessions")
    sessions = prompter.choose(
        "Signed-in devices and sessions: did you find any you do not recognise?",
        ["Yes", "No, they are all mine", "Not checked yet"],
    )
    note = _ask_other_items(prompter, provider)
    return Account.model_validate(
        {
            "id": replacing.id if replacing else inv.free_id(label),
            "provider": provider.id if not checklist.fallback else checklist.asked_for,
            "label": label,
            "login": login or None,
            "category": category,
            "recovery_emails": emails,
            "recovery_phones": phones,
            "security_questions": questions,
            "two_factor": factors,
            "password_known_to_them": YES_NO_MAYBE_VALUES[password],
            "unknown_sessions": ["yes", "no", "not_checked"][sessions],
            "note": note,
        }
    )


def _ask_second_steps(prompter: Prompter) -> list[TwoFactor]:
    factors: list[TwoFactor] = []
    while True:
        step = prompter.choose("After the password, how does it check it is you?", SECOND_STEPS)
        if step == 0:
            number = _listed(
                prompter,
                "Which number gets the codes?",
                lambda v: normalise_phone(v) is not None,
                "a phone number",
            )
            factors += [TwoFactor(kind="sms", target=n) for n in number]
        elif step == 1:
            device = _required(prompter, "Which device? (for example: my phone, old iPad)")
            factors.append(TwoFactor(kind="app", target=device))
        elif step == 2:
            factors.append(TwoFactor(kind="key"))
        elif step == 3:
            return [TwoFactor(kind="none")]
        else:
            return factors  # not known: nothing recorded, which the check treats as unknown
        if not prompter.confirm("Is there another second step as well?"):
            return factors


def _ask_other_items(prompter: Prompter, provider: Provider) -> str | None:
    others = provider.to_look_at_too
    if not others:
        return None
    prompter.say("Also worth looking at here:")
    for number, item in enumerate(others, start=1):
        prompter.say(f"{number}. {item.title}. {item.what}")
        prompter.say(f"   Where: {where_text(item)}")
        if item.can_alert_abuser != "no" and item.alert_note:
            prompter.say(f"   If you change it: {item.alert_note}")
    if not prompter.confirm("Did you find anything there you do not recognise?"):
        return None
    note = prompter.ask("A short note of what you found (it is kept in the file)").strip()
    return note or "found something not recognised"


def _ask_contacts(prompter: Prompter, inv: Inventory, account: Account) -> None:
    """Who controls each new address, number and device this account mentions."""
    mentioned = [*account.recovery_emails, *account.recovery_phones]
    mentioned += [f.target for f in account.two_factor if f.target]
    if account.login and (is_email(account.login) or normalise_phone(account.login)):
        mentioned.append(account.login)
    seen: set[str] = set()
    for value in mentioned:
        key = contact_key(value)
        if key in seen or inv.contact(value) is not None:
            continue
        seen.add(key)
        owner = inv.account_by_login(value)
        if owner is not None and owner is not account:
            continue  # it is another account in the inventory, reviewed on its own
        inv.contacts.append(ask_contact(prompter, value))


def ask_contact(prompter: Prompter, value: str) -> Contact:
    """Who controls the address or number ``value``, or holds the device, and a note."""
    device = not is_email(value) and normalise_phone(value) is None
    shown = visible(value)
    question = f'Who holds the device "{shown}"?' if device else f"Who controls {shown}?"
    choice = prompter.choose(question, [label for label, _ in CONTROLLERS])
    note = prompter.ask(
        f"Anything to note about {shown}? (for example: family plan he pays for; "
        "leave empty to skip)"
    ).strip()
    return Contact.model_validate(
        {"value": value, "controlled_by": CONTROLLERS[choice][1], "note": note or None}
    )
