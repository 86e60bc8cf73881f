"""The guided meeting, in the order a caseworker runs it, resumable and quick to leave.

Safety comes first at every meeting; then, at the first meeting, the choice to keep the
session (nothing is kept unless the person says yes), or at a later one the chance to
change an earlier answer; then the warning signs, the facts, passwords, the accounts and
their recovery, the incident log, the email plan and the summary. After each step the
session is saved (when kept) with the step to start from next time. A quick exit (q or
Ctrl-C) at any point saves what was chosen to be kept and leaves at once.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from hygiene.accounts.inventory import Inventory
from hygiene.breach.interface import BreachSource
from hygiene.errors import Interrupted
from hygiene.facts.model import Facts
from hygiene.prompts import Prompter
from hygiene.session.accounts import accounts
from hygiene.session.changes import offer_changes
from hygiene.session.finish import email_plan, summary
from hygiene.session.knowledge import facts, signs
from hygiene.session.log import incident_log
from hygiene.session.meeting import DONE, STEPS, Meeting
from hygiene.session.passwords import passwords
from hygiene.session.safety import safety_first
from hygiene.vault import KeyringUnusable, Progress, Vault, VaultDocument, VaultError
from hygiene.vault.store import clean_label

RUN: dict[str, Callable[[Meeting], None]] = {
    "signs": signs,
    "facts": facts,
    "passwords": passwords,
    "accounts": accounts,
    "log": incident_log,
    "email_plan": email_plan,
    "summary": summary,
}
UNSAVED_LABEL = "this meeting"

KEEP_QUESTION = (
    "Would you like to keep what we go through today, so you can carry on at another "
    "meeting? It is locked on this computer with a key in its keyring, and one command "
    "removes it. Passwords are never kept."
)


def run_session(
    prompter: Prompter,
    *,
    resume: str | None = None,
    passphrase: bool = False,
    breach: BreachSource | None = None,
    region: str = "uk",
    facts: Facts | None = None,
    inventory: Inventory | None = None,
) -> Meeting:
    """Run the meeting; returns it when finished or stopped, raises ``Interrupted`` on q/Ctrl-C."""
    meeting = Meeting(prompter, VaultDocument(label=UNSAVED_LABEL), breach, region=region)
    try:
        if resume is not None:
            vault = _open_vault(prompter, passphrase=passphrase, new=False)
            assert vault is not None
            meeting.document = vault.load(resume)
            meeting.vault = vault
            prompter.say(f"Welcome back. Carrying on with '{meeting.document.label}'.")
        meeting.take_in(facts, inventory)
        safety_first(meeting)
        if meeting.stopped:
            return meeting
        if resume is None:
            _offer_keeping(meeting, passphrase)
        else:
            offer_changes(meeting)
        for step in STEPS[_start(meeting) :]:
            RUN[step](meeting)
            _advance(meeting, step)
            meeting.save_and_go_on()
    except (Interrupted, KeyboardInterrupt):
        _quick_save(meeting)
        raise Interrupted() from None
    return meeting


def _start(meeting: Meeting) -> int:
    next_step = meeting.document.progress.next_step
    if next_step in STEPS:
        return STEPS.index(next_step)
    return STEPS.index("summary") if next_step == DONE else 0


def _advance(meeting: Meeting, step: str) -> None:
    index = STEPS.index(step)
    following = STEPS[index + 1] if index + 1 < len(STEPS) else DONE
    done = tuple(dict.fromkeys((*meeting.document.progress.done, step)))
    meeting.update(progress=Progress(next_step=following, done=done))


def _quick_save(meeting: Meeting) -> None:
    """Keep what was chosen to be kept, without a question: the person is leaving now."""
    # Leaving matters more than this save; the copy saved after the last step is still there.
    with suppress(VaultError, KeyboardInterrupt):
        meeting.save()


def _open_vault(prompter: Prompter, *, passphrase: bool, new: bool) -> Vault | None:
    """The vault to keep the session in; for a new session, a passphrase if no keyring serves."""
    if passphrase:
        return _passphrase_vault(prompter, new=new)
    try:
        return Vault.with_keyring()
    except KeyringUnusable as exc:
        if not new:
            raise
        prompter.say(str(exc))
    if not prompter.confirm("Lock it with a passphrase instead? You will need it every time."):
        return None
    return _passphrase_vault(prompter, new=True)


def _passphrase_vault(prompter: Prompter, *, new: bool) -> Vault:
    if not new:
        return Vault.with_passphrase(prompter.secret("The passphrase for kept sessions"))
    while True:  # typed twice: a typo here would lock the session away for good
        chosen = prompter.secret("Choose a passphrase (long, and only you know it)")
        if chosen and chosen == prompter.secret("Type the passphrase again"):
            return Vault.with_passphrase(chosen)
        prompter.say("The two did not match, or it was empty. Please try again.")


def _offer_keeping(meeting: Meeting, passphrase: bool) -> None:
    ask = meeting.prompter
    if not ask.confirm(KEEP_QUESTION, default=False):
        ask.say("Nothing from today will be kept.")
        return
    vault = _open_vault(ask, passphrase=passphrase, new=True)
    if vault is None:
        ask.say("Nothing from today will be kept.")
        return
    while True:
        label = ask.ask("A name to find it by next time (a first name or a code)")
        try:
            label = clean_label(label)
        except VaultError as exc:
            ask.say(str(exc))
            continue
        if vault.exists(label):
            ask.say(
                f"Something is already kept under '{label}'. Choose another name, or leave (q) "
                f"and run: hygiene session --resume '{label}'."
            )
            continue
        break
    meeting.vault = vault
    meeting.update(label=label, progress=Progress(next_step=STEPS[0]))
    meeting.save()
    ask.say(f"Kept as '{label}'. It is saved after every step.")
