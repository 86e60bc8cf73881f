"""How far the person has got with their plan: items done, and items that wait.

A mark says an item is done (and on which day), or that it waits, with why ("it would
alert them") and maybe a day: not before it, or by it. Marks are kept with the saved
session under the item's key, never its number: numbers follow the plan's order and can
shift when the plan changes, a key stays with its item. Numbers count every item of the
plan in order, done ones included, so marking one done changes no other number, and a
number on a printed plan keeps meaning the same item until the plan itself changes. A
mark whose item has gone (the problem went away) is kept, in case it comes back, but is
never shown or counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from hygiene.errors import InputError
from hygiene.log.when import read_day
from hygiene.plan.items import Item
from hygiene.plan.model import Plan, Section
from hygiene.render import visible
from hygiene.vault.document import PlanMark

Status = Literal["open", "done", "later"]
DayMeans = Literal["not_before", "by"]

DEFAULT_REASON = "it would alert them"
REASONS = (DEFAULT_REASON, "it is not safe yet", "I need help to do it")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "15 January 2027", "15 jan 2027": a month's name, or its first three letters or more.
_NAMED_MONTH = re.compile(r"^(?P<day>\d{1,2}) (?P<month>[a-z]{3,9})\.? (?P<year>\d{4})$", re.ASCII)
DAY_HINT = "Write a day like 15/01/2027, 2027-01-15 or 15 January 2027."
LONGEST_REASON = 200


@dataclass(frozen=True)
class Numbered:
    """An item with the number the plan shows it under, and its mark if it has one."""

    number: int
    item: Item
    mark: PlanMark | None

    @property
    def status(self) -> Status:
        return self.mark.status if self.mark else "open"


@dataclass(frozen=True)
class Tally:
    done: int
    later: int
    total: int

    def headline(self) -> str | None:
        """ "5 of 12 done", with how many wait; nothing for a plan with no items."""
        if not self.total:
            return None
        waiting = f"; {self.later} for later" if self.later else ""
        return f"{self.done} of {self.total} done{waiting}"


@dataclass(frozen=True)
class Tracked:
    """A plan's items with their numbers and marks, as every format shows them: open and
    waiting items in place, done ones apart at the end."""

    entries: tuple[Numbered, ...]
    today: date

    @classmethod
    def of(cls, items: Sequence[Item], marks: Mapping[str, PlanMark], today: date) -> Tracked:
        """Every item, in the plan's order, numbered from 1, done ones included; a mark
        whose item is not here is left out."""
        entries = (Numbered(n, item, marks.get(item.key)) for n, item in enumerate(items, 1))
        return cls(tuple(entries), today)

    def shown_in(self, section: Section) -> list[Numbered]:
        """The items of ``section`` still to do, waiting ones included, in order."""
        keys = {item.key for item in section.items}
        return [e for e in self.entries if e.item.key in keys and e.status != "done"]

    def done(self) -> list[Numbered]:
        return [entry for entry in self.entries if entry.status == "done"]

    def tally(self) -> Tally:
        statuses = [entry.status for entry in self.entries]
        return Tally(statuses.count("done"), statuses.count("later"), len(statuses))

    def words(self, entry: Numbered) -> str | None:
        """What its mark says (not yet, and why; done on a day), or nothing if open."""
        return status_words(entry.mark, self.today) if entry.mark else None

    def done_before(self, entry: Numbered, shown_before: int) -> str | None:
        """Where the items done between the one shown last (``shown_before``) and ``entry``
        went: a number missing from the list is explained, never silently gone."""
        missing = [e.number for e in self.entries if shown_before < e.number < entry.number]
        if not missing:
            return None
        if len(missing) == 1:
            return f"Item {missing[0]} is done: it is at the end, under Done."
        both = len(missing) == 2
        joined = f"{missing[0]} {'and' if both else 'to'} {missing[-1]}"
        return f"Items {joined} are done: they are at the end, under Done."

    def find(self, ref: str) -> Numbered:
        """The item numbered ``ref`` in the plan, or whose key is ``ref``."""
        if not self.entries:
            raise InputError("This plan has no items to mark.")
        text = ref.strip()
        if text.isdigit():
            if 1 <= int(text) <= len(self.entries):
                return self.entries[int(text) - 1]
            raise InputError(
                f"There is no item {int(text)}: this plan has items 1 to {len(self.entries)}."
            )
        found = next((entry for entry in self.entries if entry.item.key == text), None)
        if found is None:
            raise InputError(
                f"No item of this plan is '{visible(text)}'. Give the number the plan shows, "
                "or the item's key from hygiene plan NAME --json."
            )
        return found


def tracked(plan: Plan, today: date | None = None) -> Tracked:
    """``plan``'s items, numbered, with its marks; ``today`` for what a day means."""
    return Tracked.of(plan.items, plan.marks, today or date.today())


def headline(plan: Plan) -> str | None:
    """ "5 of 12 done" for the top of a plan, once anything in it is marked."""
    tally = tracked(plan).tally()
    return tally.headline() if tally.done or tally.later else None


def done(today: date) -> PlanMark:
    return PlanMark(status="done", marked=today)


def later(
    today: date, reason: str | None = None, day: date | None = None, means: DayMeans = "by"
) -> PlanMark:
    """A mark for an item that waits: why (by default, it would alert them) and any day."""
    why = " ".join((reason or "").split()) or DEFAULT_REASON
    if len(why) > LONGEST_REASON:
        raise InputError(f"Please say why in fewer than {LONGEST_REASON} characters.")
    return PlanMark(
        status="later",
        marked=today,
        reason=why,
        day=day,
        day_means=means if day is not None else None,
    )


def day_ahead(text: str, today: date) -> date:
    """The day ``text`` names, today or later: an item cannot wait for a day gone by."""
    day = read_plan_day(text, today)
    if day < today:
        raise InputError(f"{day_words(day)} has passed. Give a day from today on.")
    return day


def read_plan_day(text: str, today: date) -> date:
    """A day as a person writes it: 15/01/2027, 2027-01-15, 15 January 2027, 15 Jan 2027."""
    cleaned = " ".join(text.strip().lower().split())
    named = _NAMED_MONTH.match(cleaned)
    if named is None:
        return read_day(cleaned, today, DAY_HINT)
    word = named["month"]
    month = next((n for n, name in enumerate(MONTHS, 1) if name.lower().startswith(word)), 0)
    if not month:
        raise InputError(f"That could not be read as a date. {DAY_HINT}")
    try:
        return date(int(named["year"]), month, int(named["day"]))
    except ValueError:
        raise InputError(f"That date does not exist. {DAY_HINT}") from None


def day_words(day: date) -> str:
    """ "15 January 2027": the same in every language setting of the computer."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def status_words(mark: PlanMark, today: date) -> str:
    """What a mark says in the plan: "Not yet: it would alert them — not before 15 January
    2027", or "Done on 3 March 2026"."""
    if mark.status == "done":
        return f"Done on {day_words(mark.marked)}"
    words = f"Not yet: {mark.reason or DEFAULT_REASON}"
    if mark.day is None:
        return words
    if mark.day_means == "not_before":
        come = " (that day has come)" if today >= mark.day else ""
        return f"{words} — not before {day_words(mark.day)}{come}"
    passed = " (that day has passed)" if today > mark.day else ""
    return f"{words} — by {day_words(mark.day)}{passed}"
