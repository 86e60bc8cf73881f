"""Writing an entry: what the person said, checked, then appended to the log for good.

``Draft`` is an entry before it is written (asked in ``ask``, or given at once through
``given_draft``); ``write`` numbers it, links it to the last
entry, records the time it was written, and keeps the evidence copies chosen. A
correction is a draft that names the entry it corrects; the old entry stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from hygiene.errors import InputError
from hygiene.log.chain import append
from hygiene.log.evidence import Taken
from hygiene.log.model import HOW, IncidentLog, LogEntry, local_now
from hygiene.log.when import parse_when

# The text fields a correction starts from: what the corrected entry said.
TEXT_FIELDS = ("where", "what", "technology", "witnesses", "feelings", "police_ref")

_FIELD_WORDS = {
    "what": "what happened",
    "where": "where",
    "technology": "the technology",
    "witnesses": "the witnesses",
    "feelings": "how it felt",
    "police_ref": "the police reference",
}


@dataclass(frozen=True)
class Draft:
    what: str
    happened_at: datetime
    time_known: bool = True
    where: str = ""
    how: str = "unsure"
    technology: str = ""
    witnesses: str = ""
    feelings: str = ""
    police_ref: str = ""
    corrects: int | None = None
    evidence: tuple[Taken, ...] = field(default=())


def write(
    log: IncidentLog, draft: Draft, written_at: datetime | None = None
) -> tuple[IncidentLog, LogEntry]:
    """``log`` with ``draft`` appended, and the entry as written."""
    if not draft.what.strip():
        raise InputError("Say what happened: that is the one part every entry needs.")
    if draft.how not in HOW:
        raise InputError(f"How it came must be one of: {', '.join(HOW)}.")
    if draft.corrects is not None and log.entry(draft.corrects) is None:
        raise InputError(f"There is no entry {draft.corrects} to correct.")
    fields = {
        "happened_at": draft.happened_at,
        "time_known": draft.time_known,
        "written_at": written_at or local_now(),
        "how": draft.how,
        "corrects": draft.corrects,
        "evidence": [taken.evidence for taken in draft.evidence],
        **{name: getattr(draft, name).strip() for name in TEXT_FIELDS},
    }
    copies = {t.evidence.sha256: t.copy for t in draft.evidence if t.copy is not None}
    try:
        updated = append(log, fields, copies)
    except ValidationError as exc:
        raise InputError(_too_long(exc)) from None
    return updated, updated.entries[-1]


def given_draft(
    log: IncidentLog,
    when: str | None,
    parts: dict[str, str | None],
    *,
    corrects: int | None = None,
    evidence: tuple[Taken, ...] = (),
    now: datetime | None = None,
) -> Draft:
    """A draft from parts given at once (options, a script); a part not given is empty, or,
    in a correction, what the corrected entry said."""
    old = log.entry(corrects) if corrects is not None else None
    if corrects is not None and old is None:
        raise InputError(f"There is no entry {corrects} to correct.")
    if when is not None or old is None:
        happened_at, time_known = parse_when(when or "", now or local_now())
    else:
        happened_at, time_known = old.happened_at, old.time_known

    def part(name: str, empty: str = "") -> str:
        value = parts.get(name)
        if value is not None:
            return value
        return str(getattr(old, name)) if old is not None else empty

    return Draft(
        what=part("what"),
        happened_at=happened_at,
        time_known=time_known,
        where=part("where"),
        how=part("how", "unsure"),
        technology=part("technology"),
        witnesses=part("witnesses"),
        feelings=part("feelings"),
        police_ref=part("police_ref"),
        corrects=corrects,
        evidence=evidence,
    )


def _too_long(exc: ValidationError) -> str:
    """Which field would not fit, without repeating what was typed in it."""
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        if name in _FIELD_WORDS and error["type"] == "string_too_long":
            return f"What was typed for {_FIELD_WORDS[name]} is too long; please shorten it."
    return "The entry could not be written as given; please check each part."
