"""Turning one fact into the strings someone who knows the person would try.

The forms follow what targeted-guessing research found people build passwords from
(TarGuess-I's name and birthday transforms): names as parts, first+last joined, initials and
reversed orders; dates in every common layout (ddmm, mmdd, ddmmyy, ddmmyyyy, yyyy, yy,
mmyyyy, yyyymmdd ...) with and without separators; house number, street, town and postcode
parts; whole numbers and their last 4 and 6 digits. Every token is lower case with no
spaces; matching against a password is case-insensitive and handles look-alike
substitutions, so variants of case and leet are not listed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from hygiene.facts.model import Fact, FactKind, Token

MIN_TOKEN = 2
STREET_TYPES = frozenset(
    [
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "lane",
        "ln",
        "close",
        "cl",
        "drive",
        "dr",
        "way",
        "court",
        "ct",
        "crescent",
        "cres",
        "place",
        "pl",
        "gardens",
        "gdns",
        "grove",
        "terrace",
        "row",
        "square",
        "sq",
        "hill",
        "park",
        "view",
        "walk",
        "mews",
    ]
)
# A UK postcode: outward code (DE22) and inward code (3AB).
POSTCODE = re.compile(r"^([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})$")
DATE_SEPARATORS = ("", "/", "-", ".")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """The letter-and-digit runs of ``text``, lower case: "Mary-Jane O'Neil" -> mary jane o neil."""
    return _WORD.findall(text.lower())


def parse_date(text: str) -> tuple[int | None, int | None, int] | None:
    """(day, month, year) from ISO ``1985-03-14``, day-first ``14/03/1985`` or ``14.3.85``,
    ``03/1985`` or a bare year ``1985``; None when it is no real date."""
    text = text.strip()
    parts = re.split(r"[-/. ]", text)
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    day: int | None
    month: int | None
    if len(parts) == 3 and len(parts[0]) == 4:
        year, month, day = numbers
    elif len(parts) == 3:
        day, month, year = numbers
        if len(parts[2]) == 2:
            year += 2000 if year <= date.today().year % 100 else 1900
        elif len(parts[2]) != 4:
            return None
    elif len(parts) == 2 and len(parts[1]) == 4:
        day, (month, year) = None, numbers
    elif len(parts) == 2 and len(parts[0]) == 4:
        day, (year, month) = None, numbers
    elif len(parts) == 1 and len(parts[0]) == 4:
        day, month, year = None, None, numbers[0]
    elif len(parts) == 1 and len(parts[0]) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        return None
    if not 1000 <= year <= 2999:
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return day, month, year


def _date_forms(day: int | None, month: int | None, year: int) -> Iterator[tuple[str, str, int]]:
    yyyy, yy = f"{year:04d}", f"{year % 100:02d}"
    yield yyyy, "year", 1
    yield yy, "two-digit year", 2
    if month is None:
        return
    mm, m = f"{month:02d}", str(month)
    for sep in DATE_SEPARATORS:
        tier = 1 if sep == "" else 2
        yield f"{mm}{sep}{yyyy}", "month and year", tier
        yield f"{mm}{sep}{yy}", "month and year", 2
        yield f"{yyyy}{sep}{mm}", "year and month", 2
    if day is None:
        return
    dd, d = f"{day:02d}", str(day)
    for sep in DATE_SEPARATORS:
        tier = 1 if sep == "" else 2
        j = sep
        yield f"{dd}{j}{mm}", "day and month", tier
        yield f"{mm}{j}{dd}", "month and day", 2
        yield f"{dd}{j}{mm}{j}{yy}", "day, month and year", tier
        yield f"{dd}{j}{mm}{j}{yyyy}", "day, month and year", tier
        yield f"{mm}{j}{dd}{j}{yy}", "month, day and year", 2
        yield f"{mm}{j}{dd}{j}{yyyy}", "month, day and year", 2
        yield f"{yyyy}{j}{mm}{j}{dd}", "year, month and day", tier
        yield f"{yy}{j}{mm}{j}{dd}", "year, month and day", 2
        if (d, m) != (dd, mm):
            yield f"{d}{j}{m}", "day and month", 2
            yield f"{d}{j}{m}{j}{yy}", "day, month and year", 2
            yield f"{d}{j}{m}{j}{yyyy}", "day, month and year", 2
    yield f"{dd}{mm}{yyyy}"[::-1], "date backwards", 2
    # Month names: "14march", "march1985", "mar85".
    for name in (MONTHS[month - 1], MONTHS[month - 1][:3]):
        yield d + name, "day and month name", 2
        yield dd + name, "day and month name", 2
        yield name + d, "month name and day", 2
        yield name + yyyy, "month name and year", 2
        yield name + yy, "month name and year", 2


def _name_forms(parts: list[str], noun: str) -> Iterator[tuple[str, str, int]]:
    if not parts:
        return
    for part in parts:
        yield part, noun, 1
    if len(parts) == 1:
        return
    first, last = parts[0], parts[-1]
    yield "".join(parts), f"whole {noun}", 1
    yield first + last, "first and last name", 1
    yield last + first, "last and first name", 2
    yield "".join(p[0] for p in parts), "initials", 2
    yield first[0] + last[0], "initials", 2
    yield last[0] + first[0], "initials", 2
    yield first[0] + last, "initial and surname", 2
    yield first + last[0], "name and initial", 2
    yield last + first[0], "surname and initial", 2


def _number_forms(value: str) -> Iterator[tuple[str, str, int]]:
    compact = "".join(words_of(value))
    if not compact:
        return
    yield compact, "whole number", 1
    digits = "".join(c for c in compact if c.isdigit())
    if digits.startswith("44") and len(digits) > 10:
        yield "0" + digits[2:], "whole number", 1
    if digits and digits != compact:
        yield digits, "its digits", 2
    for size in (4, 6):
        if len(digits) > size:
            yield digits[-size:], f"last {size} digits", 1 if size == 4 else 2
    for group in words_of(value):
        if group != compact:
            yield group, "part of the number", 2


def _place_forms(value: str) -> Iterator[tuple[str, str, int]]:
    parts = words_of(value)
    code = POSTCODE.match(value.strip().lower())
    if code:
        outward, inward = code.groups()
        yield outward + inward, "postcode", 1
        yield outward, "postcode district", 2
        yield inward, "part of the postcode", 2
        return
    yield "".join(parts), "place", 1
    named = [p for p in parts if not p.isdigit()]
    numbers = [p for p in parts if p.isdigit()]
    for number in numbers:
        yield number, "house number", 1
    core = [p for p in named if p not in STREET_TYPES]
    for part in named:
        yield part, "place name", 1 if part in core else 2
    if core:
        yield "".join(core), "street name", 1
        yield "".join(named), "street", 1
        for number in numbers:
            yield number + "".join(core), "house number and street", 1
            yield "".join(core) + number, "street and house number", 2


def _old_password_forms(value: str) -> Iterator[tuple[str, str, int]]:
    lowered = value.lower()
    yield lowered, "old password", 1
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", lowered)
    if core and core != lowered:
        yield core, "old password without its ending", 1
    for word in re.findall(r"[^\W\d_]{3,}", lowered):
        if word != core:
            yield word, "part of an old password", 2


def expand(fact: Fact) -> Iterator[Token]:
    """Every token of one fact; the same text may come twice (``Facts`` keeps the first)."""
    forms: Iterator[tuple[str, str, int]]
    if fact.kind is FactKind.date:
        parsed = parse_date(fact.value)
        forms = _date_forms(*parsed) if parsed else iter(())
    elif fact.kind is FactKind.number:
        forms = _number_forms(fact.value)
    elif fact.kind is FactKind.place:
        forms = _place_forms(fact.value)
    elif fact.kind is FactKind.old_password:
        forms = _old_password_forms(fact.value)
    else:
        noun = "name" if fact.kind is FactKind.name else "word"
        forms = _name_forms(words_of(fact.value), noun)
    for text, form, tier in forms:
        if len(text) >= MIN_TOKEN or (text.isdigit() and fact.kind is not FactKind.date):
            yield Token(text=text, fact=fact, form=form, tier=tier)
