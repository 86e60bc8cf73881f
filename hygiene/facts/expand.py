"""Turning one fact into the strings someone who knows the person would try.

The forms follow what targeted-guessing research found people build passwords from
(TarGuess-I's name and birthday transforms): names as parts, first+last joined, initials and
reversed orders; dates in every common layout (ddmm, mmdd, ddmmyy, ddmmyyyy, yyyy, yy,
mmyyyy, yyyymmdd ...) with and without separators; house number, street, town and postcode
parts; whole numbers and their last 4 and 6 digits. Every token is lower case; matching
against a password is case-insensitive and handles look-alike substitutions, so variants of
case and leet are not listed here.

Some tokens are other ways of writing a token of the same fact (``Token.extra``): a date
with any separator (/ - . _ or a space), a street type abbreviated (Crescent, Cres), a phone
number in its national, international (+44, 0044) and no-zero forms, and the nicknames of a
given name (``hygiene.facts.nicknames``). Each costs the choice among its ways.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date
from itertools import chain
from typing import NamedTuple

from hygiene.accounts.phones import parse_phone
from hygiene.facts.model import Fact, FactKind, Token
from hygiene.facts.nicknames import nicknames_of

MIN_TOKEN = 2
# Street types and how people shorten them (Royal Mail's and common usage).
STREET_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "street": ("st", "str"),
    "road": ("rd",),
    "avenue": ("ave", "av"),
    "lane": ("ln",),
    "close": ("cl",),
    "drive": ("dr", "drv"),
    "way": ("wy",),
    "court": ("ct",),
    "crescent": ("cres", "cresc", "cr"),
    "place": ("pl",),
    "gardens": ("gdns", "gdn", "gardns"),
    "grove": ("gr", "gro"),
    "terrace": ("terr", "ter", "tce"),
    "row": (),
    "square": ("sq",),
    "hill": (),
    "park": ("pk",),
    "view": ("vw",),
    "walk": ("wlk",),
    "mews": (),
    "green": ("grn",),
    "parade": ("pde",),
    "boulevard": ("blvd",),
}
# Every way a street type may be written, with all the ways it may be written instead.
STREET_WAYS: dict[str, tuple[str, ...]] = {}
for _full, _short in STREET_ABBREVIATIONS.items():
    for _way in (_full, *_short):
        STREET_WAYS[_way] = (_full, *_short)
STREET_TYPES = frozenset(STREET_WAYS)
# A UK postcode: outward code (DE22) and inward code (3AB).
POSTCODE = re.compile(r"^([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})$")
# Between a date's parts, most common first; a date written with one is a way of writing it
# without, costing the separator's rank among them (none is the first tried).
DATE_SEPARATORS = ("", "/", ".", "-", "_", " ")
SEPARATOR_LOG10 = {sep: math.log10(rank) for rank, sep in enumerate(DATE_SEPARATORS, start=1)}
# Writing a place's words apart, as on an envelope, rather than run together.
SPACED_LOG10 = math.log10(2)
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


class Form(NamedTuple):
    """One way an attacker writes a fact, before it becomes a ``Token``."""

    text: str
    form: str
    tier: int = 1
    extra: float = 0.0
    starts: tuple[int, ...] = (0,)


def _joined(pieces: list[str] | tuple[str, ...]) -> tuple[str, tuple[int, ...]]:
    """The pieces written together, and where each piece starts ("oak", "cres" -> 0, 3)."""
    starts, at = [], 0
    for piece in pieces:
        starts.append(at)
        at += len(piece)
    return "".join(pieces), tuple(starts)


def _date_forms(day: int | None, month: int | None, year: int) -> Iterator[Form]:
    yyyy, yy = f"{year:04d}", f"{year % 100:02d}"
    yield Form(yyyy, "year")
    yield Form(yy, "two-digit year", 2)
    if month is None:
        return
    mm, m = f"{month:02d}", str(month)
    layouts: list[tuple[tuple[str, ...], str, int]] = [
        ((mm, yyyy), "month and year", 1),
        ((mm, yy), "month and year", 2),
        ((yyyy, mm), "year and month", 2),
    ]
    if day is not None:
        dd, d = f"{day:02d}", str(day)
        layouts += [
            ((dd, mm), "day and month", 1),
            ((mm, dd), "month and day", 2),
            ((dd, mm, yy), "day, month and year", 1),
            ((dd, mm, yyyy), "day, month and year", 1),
            ((mm, dd, yy), "month, day and year", 2),
            ((mm, dd, yyyy), "month, day and year", 2),
            ((yyyy, mm, dd), "year, month and day", 1),
            ((yy, mm, dd), "year, month and day", 2),
        ]
        if (d, m) != (dd, mm):
            layouts += [
                ((d, m), "day and month", 2),
                ((d, m, yy), "day, month and year", 2),
                ((d, m, yyyy), "day, month and year", 2),
            ]
    for pieces, form, tier in layouts:
        yield Form("".join(pieces), form, tier)
        # Any separator between the parts is a way of writing the same layout.
        for sep in DATE_SEPARATORS[1:]:
            yield Form(sep.join(pieces), form, tier, SEPARATOR_LOG10[sep])
    if day is None:
        return
    dd, d = f"{day:02d}", str(day)
    yield Form(f"{dd}{mm}{yyyy}"[::-1], "date backwards", 2)
    # Month names: "14march", "march1985", "mar85".
    for name in (MONTHS[month - 1], MONTHS[month - 1][:3]):
        yield Form(d + name, "day and month name", 2, starts=(0, len(d)))
        yield Form(dd + name, "day and month name", 2, starts=(0, len(dd)))
        yield Form(name + d, "month name and day", 2)
        yield Form(name + yyyy, "month name and year", 2)
        yield Form(name + yy, "month name and year", 2)


def _name_forms(parts: list[str], noun: str, given: bool) -> Iterator[Form]:
    if not parts:
        return
    for part in parts:
        yield Form(part, noun)
    if given:
        nicknames = nicknames_of(parts[0])
        extra = math.log10(len(nicknames) + 1)
        for nickname in nicknames:
            yield Form(nickname, "a name they may call you by", 1, extra)
            if len(parts) > 1:
                text, starts = _joined((nickname, parts[-1]))
                yield Form(text, "nickname and surname", 1, extra, starts)
    if len(parts) == 1:
        return
    first, last = parts[0], parts[-1]
    forms: list[tuple[tuple[str, ...], str, int]] = [
        (tuple(parts), f"whole {noun}", 1),
        ((first, last), "first and last name", 1),
        ((last, first), "last and first name", 2),
        (tuple(p[0] for p in parts), "initials", 2),
        ((first[0], last[0]), "initials", 2),
        ((last[0], first[0]), "initials", 2),
        ((first[0], last), "initial and surname", 2),
        ((*(p[0] for p in parts[:-1]), last), "initials and surname", 2),
        ((first, last[0]), "name and initial", 2),
        ((last, first[0]), "surname and initial", 2),
    ]
    for pieces, form, tier in forms:
        text, starts = _joined(pieces)
        yield Form(text, form, tier, starts=starts)
    # "j.smith", "j_smith": an initial set off from the surname.
    for sep in (".", "_", "-"):
        text, starts = _joined((first[0], sep, last))
        yield Form(text, "initial and surname", 2, SEPARATOR_LOG10[sep], (0, 2))


def _phone_forms(value: str) -> Iterator[Form] | None:
    """The ways a phone number is written: 07700900123, 7700900123, 447700900123,
    +447700900123, 00447700900123, the local number without its area code, its last digits."""
    import phonenumbers  # on first use, as in hygiene.accounts.phones

    number = parse_phone(value)
    if number is None:
        return None
    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    national = re.sub(r"\D", "", written)
    significant = phonenumbers.national_significant_number(number)
    code = str(number.country_code)
    ways = [significant, code + significant, "+" + code + significant, "00" + code + significant]
    ways = [w for w in dict.fromkeys(ways) if w != national]
    extra = math.log10(len(ways) + 1)
    forms = [Form(national, "phone number")]
    forms += [Form(way, "phone number written another way", 1, extra) for way in ways]
    area = phonenumbers.length_of_geographical_area_code(number)
    if area:
        forms.append(Form(significant[area:], "local number without its area code"))
        forms.append(Form(national[: len(national) - len(significant) + area], "area code", 2))
    return iter(forms)


def _number_forms(value: str) -> Iterator[Form]:
    compact = "".join(words_of(value))
    if not compact:
        return
    yield Form(compact, "whole number")
    yield from _phone_forms(value) or ()
    digits = "".join(c for c in compact if c.isdigit())
    if digits and digits != compact:
        yield Form(digits, "its digits", 2)
    for size in (4, 6):
        if len(digits) > size:
            yield Form(digits[-size:], f"last {size} digits", 1 if size == 4 else 2)
    for group in words_of(value):
        if group != compact:
            yield Form(group, "part of the number", 2)


def _street_ways(named: list[str]) -> Iterator[tuple[list[str], float]]:
    """``named`` as written, then with its street type written each other way."""
    yield named, 0.0
    ways = STREET_WAYS.get(named[-1]) if len(named) > 1 else None
    for way in ways or ():
        if way != named[-1]:
            yield [*named[:-1], way], math.log10(len(ways or ()))


def _place_forms(value: str) -> Iterator[Form]:
    parts = words_of(value)
    code = POSTCODE.match(value.strip().lower())
    if code:
        outward, inward = code.groups()
        yield Form(outward + inward, "postcode", 1)
        yield Form(outward, "postcode district", 2)
        yield Form(inward, "part of the postcode", 2)
        return
    text, starts = _joined(parts)
    yield Form(text, "place", 1, starts=starts)
    named = [p for p in parts if not p.isdigit()]
    numbers = [p for p in parts if p.isdigit()]
    for number in numbers:
        yield Form(number, "house number", 1)
    # A street type is the last word of a street ("Park" in "Park Road" is its name).
    typed = len(named) > 1 and named[-1] in STREET_TYPES
    core = named[:-1] if typed else named
    for part in named:
        yield Form(part, "place name", 1 if part in core else 2)
    if not core:
        return
    text, starts = _joined(core)
    yield Form(text, "street name", 1, starts=starts)
    for number in numbers:
        text, starts = _joined((number, *core))
        yield Form(text, "house number and street", 1, starts=starts)
        text, starts = _joined((*core, number))
        yield Form(text, "street and house number", 2, starts=starts)
    for way, extra in _street_ways(named):
        text, starts = _joined(way)
        yield Form(text, "street", 1, extra, starts)
        for number in numbers:
            text, starts = _joined((number, *way))
            yield Form(text, "house number and street", 1, extra, starts)
            # Written as on an envelope: "12 Oak Cres".
            spaced = " ".join((number, *way))
            starts = tuple(i for i, c in enumerate(spaced) if i == 0 or spaced[i - 1] == " ")
            yield Form(spaced, "house number and street", 1, extra + SPACED_LOG10, starts)
        if len(way) > 1 and way is not named:
            yield Form(way[-1], "street type", 2, extra)


def _old_password_forms(value: str) -> Iterator[Form]:
    lowered = value.lower()
    yield Form(lowered, "old password", 1)
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", lowered)
    if core and core != lowered:
        yield Form(core, "old password without its ending", 1)
    for word in re.findall(r"[^\W\d_]{3,}", lowered):
        if word != core:
            yield Form(word, "part of an old password", 2)


def expand(fact: Fact) -> Iterator[Token]:
    """Every token of one fact; the same text may come twice (``Facts`` keeps the first)."""
    forms: Iterator[Form]
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
        forms = _name_forms(words_of(fact.value), noun, fact.kind is FactKind.name)
        # "O'Brien", "Mary-Jane" as written, besides their parts and the parts joined.
        for word in fact.value.lower().split():
            if len(words_of(word)) > 1:
                forms = chain(forms, [Form(word, noun)])
    for text, form, tier, extra, starts in forms:
        if len(text) >= MIN_TOKEN or (text.isdigit() and fact.kind is not FactKind.date):
            yield Token(text=text, fact=fact, form=form, tier=tier, extra=extra, starts=starts)
