"""Asking for an entry through the ``Prompter``: one plain question at a time.

Every part but what happened may be left empty. When correcting, each part shows what the
old entry said and Enter keeps it. Evidence files are fingerprinted as they are named, and
a copy is kept only if the person says so. Nothing is written until the person has seen
the whole entry and said yes.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from hygiene.errors import InputError
from hygiene.log.evidence import Taken, take
from hygiene.log.model import HOW, IncidentLog, LogEntry, local_now
from hygiene.log.text import entry_lines, size_text, when_text
from hygiene.log.when import parse_when
from hygiene.log.write import Draft, write
from hygiene.prompts import Prompter
from hygiene.render import visible as terminal

WHEN = "When did it happen? For example 30/11/2026 21:15, or yesterday 9pm"
WHERE = "Where did it happen? (leave empty to skip)"
WHAT = "What happened? In your own words: what they did or said"
HOW_QUESTION = "How did it come?"
TECHNOLOGY = (
    "What technology do you think they used? For example: a tracker in the car, your "
    "iCloud, a shared laptop (leave empty if not sure)"
)
WITNESSES = "Did anyone see or hear it? Their names (leave empty if no one)"
FEELINGS = "How did it make you feel? (you can leave this empty)"
POLICE = "A police reference number, if you reported it (leave empty if not)"
EVIDENCE = (
    "A file to keep as evidence, such as a screenshot or an export: where it is "
    "(leave empty when there are no more)"
)
CONFIRM = (
    "Write this entry? Once written it is never changed; a mistake is put right by a "
    "correction, a new entry that says what is right."
)


def ask_entry(
    prompter: Prompter,
    log: IncidentLog,
    *,
    corrects: int | None = None,
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> Draft | None:
    """The entry the person describes, or ``None`` if they chose not to write it."""
    old = log.entry(corrects) if corrects is not None else None
    if corrects is not None and old is None:
        raise InputError(f"There is no entry {corrects} to correct.")
    if old is not None:
        prompter.say(
            f"Correcting entry {old.number}. It stays in the log as it was; this new entry "
            "says what is right. Press Enter to keep a part as it was."
        )
    happened_at, time_known = _when(prompter, old, now or local_now(), zone)
    where = _text(prompter, WHERE, old.where if old else "")
    what = _required(prompter, WHAT, old.what if old else "")
    how_keys = list(HOW)
    how = how_keys[
        prompter.choose(
            HOW_QUESTION, list(HOW.values()), default=how_keys.index(old.how if old else "unsure")
        )
    ]
    draft = Draft(
        what=what,
        happened_at=happened_at,
        time_known=time_known,
        where=where,
        how=how,
        technology=_text(prompter, TECHNOLOGY, old.technology if old else ""),
        witnesses=_text(prompter, WITNESSES, old.witnesses if old else ""),
        feelings=_text(prompter, FEELINGS, old.feelings if old else ""),
        police_ref=_text(prompter, POLICE, old.police_ref if old else ""),
        corrects=corrects,
        evidence=tuple(_evidence(prompter)),
    )
    _show(prompter, draft, log)
    if not prompter.confirm(CONFIRM, default=True):
        prompter.say("Nothing was written.")
        return None
    return draft


def _when(
    prompter: Prompter, old: LogEntry | None, now: datetime, zone: tzinfo | None
) -> tuple[datetime, bool]:
    if old is not None:
        prompter.say(f"  It said: {when_text(old.happened_at, old.time_known)}")
    hint = " (Enter keeps it)" if old else " (Enter for now)"
    while True:
        answer = prompter.ask(WHEN + hint)
        if not answer.strip() and old is not None:
            return old.happened_at, old.time_known
        try:
            return parse_when(answer, now, zone)
        except InputError as exc:
            prompter.say(str(exc))


def _text(prompter: Prompter, question: str, old: str) -> str:
    if old:
        prompter.say(f"  It said: {terminal(old)}")
        return prompter.ask(f"{question} (Enter keeps it)").strip() or old
    return prompter.ask(question).strip()


def _required(prompter: Prompter, question: str, old: str) -> str:
    while True:
        answer = _text(prompter, question, old)
        if answer:
            return answer
        prompter.say("Please say what happened, even in a few words, or q to leave.")


def _evidence(prompter: Prompter) -> list[Taken]:
    taken: list[Taken] = []
    while True:
        answer = prompter.ask(EVIDENCE).strip()
        if not answer:
            return taken
        path = Path(answer).expanduser()
        name = terminal(path.name)
        keep = prompter.confirm(
            f"Keep a copy of {name} inside the locked log? The file itself is left as it is."
        )
        try:
            item = take(path, keep_copy=keep)
        except InputError as exc:
            prompter.say(terminal(str(exc)))
            continue
        taken.append(item)
        prompter.say(
            f"{name}: {size_text(item.evidence.size)}, fingerprint (SHA-256) "
            f"{item.evidence.sha256}."
        )


def _show(prompter: Prompter, draft: Draft, log: IncidentLog) -> None:
    """The entry as it will be written, so the person can check it first."""
    _, entry = write(log, draft)
    prompter.say("This is the entry:")
    for line in entry_lines(entry, [], terminal)[1:]:
        prompter.say(line)
