"""The incident log in the meeting: what happened, written down while it is fresh.

After the accounts review, each note typed there (something not recognised in an account,
something about an address or number) can become an entry, dated the day it was found.
Then the worker can add entries one at a time. Each entry is saved with the session at
once. The log lives in the kept session, so a meeting not kept writes none.
"""

from __future__ import annotations

from hygiene.log.ask import ask_entry
from hygiene.log.model import entries_text, local_now
from hygiene.log.write import Draft, write
from hygiene.render import visible as terminal
from hygiene.session.meeting import Meeting
from hygiene.vault import VaultDocument

NOT_KEPT = (
    "The incident log is kept only with a kept session, so none is written today. To start "
    "one later: hygiene log add NAME --new."
)
ANOTHER = "Is there something that happened that you want to write in the incident log?"


def review_notes(document: VaultDocument) -> list[str]:
    """The notes typed in the accounts review, as entries would say them, not yet logged."""
    notes = [
        f"Found in the accounts review, {account.label}: {account.note}"
        for account in document.inventory.accounts
        if account.note
    ]
    notes += [
        f"Noted in the accounts review about {contact.value}: {contact.note}"
        for contact in document.inventory.contacts
        if contact.note
    ]
    logged = {entry.what for entry in document.log.entries}
    return [note for note in notes if note not in logged]


def incident_log(meeting: Meeting) -> None:
    ask = meeting.prompter
    if not meeting.keeping:
        ask.say(NOT_KEPT)
        return
    ask.say(
        "The incident log: a diary of what happened, for the police or a court. Each entry "
        "is locked with this session and can never be changed, only corrected."
    )
    for note in review_notes(meeting.document):
        ask.say(terminal(note))
        if ask.confirm("Add this note to the incident log, dated today?", default=True):
            today = local_now().replace(hour=0, minute=0, second=0)
            _keep(meeting, Draft(what=note, happened_at=today, time_known=False))
    while ask.confirm(ANOTHER):
        draft = ask_entry(ask, meeting.document.log)
        if draft is not None:
            _keep(meeting, draft)
    count = len(meeting.document.log.entries)
    if count:
        ask.say(
            f"The log has {entries_text(count)}. To print it: hygiene log export "
            f"'{meeting.document.label}' --html log.html"
        )


def _keep(meeting: Meeting, draft: Draft) -> None:
    log, entry = write(meeting.document.log, draft)
    meeting.update(log=log)
    meeting.save_and_go_on()
    meeting.prompter.say(f"Entry {entry.number} is written in the log.")
