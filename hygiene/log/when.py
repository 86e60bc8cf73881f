"""When something happened, as a person types it: a day, a time, both, or nothing for now.

Days are read the British way (30/11/2026), or as 2026-11-30; "today" and "yesterday"
work too. A time is 21:15, 9:15pm or 9pm. A day without a time is kept as that day with
the time unknown, never as midnight. The time is this computer's local time, with its
offset from UTC kept beside it. A moment later than now, or before 1900, is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from hygiene.errors import InputError

HINT = "Write it like 30/11/2026 21:15, 2026-11-30, yesterday 9pm, or leave it empty for now."

_DAY = re.compile(
    r"^(?:(?P<word>today|yesterday)"
    r"|(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4}|\d{2}))$",
    re.ASCII,
)
_TIME = re.compile(r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>am|pm)?$", re.ASCII)


def read_day(text: str, today: date, hint: str = HINT) -> date:
    """The day ``text`` (lower case) names; ``hint`` says how to write one, if it cannot."""
    found = _DAY.match(text)
    if found is None:
        raise InputError(f"That could not be read as a date. {hint}")
    if found["word"]:
        return today if found["word"] == "today" else today - timedelta(days=1)
    if found["y1"]:
        year, month, day = int(found["y1"]), int(found["m1"]), int(found["d1"])
    else:
        year, month, day = int(found["y2"]), int(found["m2"]), int(found["d2"])
        if len(found["y2"]) == 2:
            year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"That date does not exist. {hint}") from None


def _time(text: str) -> time:
    found = _TIME.match(text)
    if found is None or (found["m"] is None and found["ampm"] is None):
        raise InputError(f"That could not be read as a date or a time. {HINT}")
    hour, minute = int(found["h"]), int(found["m"] or 0)
    if found["ampm"]:
        if not 1 <= hour <= 12:
            raise InputError(f"That time does not exist. {HINT}")
        hour = hour % 12 + (12 if found["ampm"] == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InputError(f"That time does not exist. {HINT}")
    return time(hour, minute)


def _split(text: str) -> tuple[str, str | None]:
    """The day part and the time part, if any (separated by a space, T or "at")."""
    parts = re.split(r"\s+at\s+|\s+|(?<=\d)t(?=\d)", text, maxsplit=1)
    if len(parts) == 2 and not re.match(r"(am|pm)\b", parts[1]):  # "9 pm" is one time
        return parts[0], parts[1].strip()
    return text, None


def parse_when(text: str, now: datetime, zone: tzinfo | None = None) -> tuple[datetime, bool]:
    """The moment ``text`` names and whether its time is known.

    ``now`` carries an offset; ``zone`` is where the person is (``None``: this computer's
    zone, whose offset on the day named is kept, summer time or not).
    """
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in ("", "now"):
        return now.replace(second=0, microsecond=0), True
    day_text, time_text = _split(cleaned)
    if time_text is None and _DAY.match(day_text) is None:
        day, time_text = now.date(), day_text  # a time alone: today at that time
    else:
        day = read_day(day_text, now.date())
    at = _time(time_text) if time_text is not None else None
    if day.year < 1900:
        raise InputError(f"That is too long ago to be right. {HINT}")
    if day > now.date():
        raise InputError(f"That is later than now. {HINT}")
    naive = datetime.combine(day, at or time(0, 0))
    moment = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    if at is not None and moment > now:
        raise InputError(f"That is later than now. {HINT}")
    return moment, at is not None
