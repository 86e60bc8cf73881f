"""Progress through a plan: numbers that keep their item, counts, days as people write them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.errors import InputError
from hygiene.plan import progress
from hygiene.plan.progress import day_ahead, day_words, read_plan_day, status_words
from hygiene.vault import PlanMark, VaultDocument

TODAY = date(2026, 3, 3)


@dataclass(frozen=True)
class Item:
    key: str
    title: str


ITEMS = [Item(f"key{n}", f"Item {n}") for n in range(1, 13)]
statuses = st.sampled_from(["done", "later"])


def marks_of(chosen: dict[str, str]) -> dict[str, PlanMark]:
    return {
        key: progress.done(TODAY) if status == "done" else progress.later(TODAY)
        for key, status in chosen.items()
    }


def tracked(marks: dict[str, PlanMark]) -> progress.Tracked:
    return progress.Tracked.of(ITEMS, marks, TODAY)


any_marks = st.dictionaries(st.sampled_from([i.key for i in ITEMS] + ["gone1", "gone2"]), statuses)


@given(any_marks)
def test_numbers_never_depend_on_marks(chosen: dict[str, str]) -> None:
    plan = tracked(marks_of(chosen))
    for entry in plan.entries:
        assert entry.item == ITEMS[entry.number - 1]
        assert plan.find(str(entry.number)) == entry
        assert plan.find(entry.item.key) == entry
        assert tracked({}).find(str(entry.number)).item == entry.item


@given(any_marks)
def test_a_mark_whose_item_went_is_never_counted(chosen: dict[str, str]) -> None:
    tally = tracked(marks_of(chosen)).tally()
    present = {k: s for k, s in chosen.items() if not k.startswith("gone")}
    assert tally.total == 12
    assert tally.done == list(present.values()).count("done")
    assert tally.later == list(present.values()).count("later")


@given(any_marks)
def test_every_item_is_shown_once_in_place_or_under_done(chosen: dict[str, str]) -> None:
    @dataclass(frozen=True)
    class Section:
        items: tuple[Item, ...]

    plan = tracked(marks_of(chosen))
    sections = [Section(tuple(ITEMS[:5])), Section(tuple(ITEMS[5:]))]
    shown = [e for section in sections for e in plan.shown_in(section)]  # type: ignore[arg-type]
    assert all(e.status != "done" for e in shown)
    assert sorted(e.number for e in shown + plan.done()) == list(range(1, 13))
    # Every number missing from the list is explained where it goes missing.
    last = 0
    for entry in shown:
        note = plan.done_before(entry, last)
        gap = list(range(last + 1, entry.number))
        assert (note is None) == (not gap)
        if gap:
            assert str(gap[0]) in note and str(gap[-1]) in note  # type: ignore[operator]
        last = entry.number


def test_the_headline_says_how_far_and_what_waits() -> None:
    marks = {
        "key1": progress.done(TODAY),
        "key4": progress.later(TODAY),
        "gone": progress.done(TODAY),
    }
    assert tracked(marks).tally().headline() == "1 of 12 done; 1 for later"
    assert tracked({}).tally().headline() == "0 of 12 done"
    assert progress.Tracked.of([], marks, TODAY).tally().headline() is None


@pytest.mark.parametrize("ref", ["0", "13", "key99", "", "-1"])
def test_an_unknown_item_is_an_error_that_says_what_there_is(ref: str) -> None:
    with pytest.raises(InputError) as caught:
        tracked({}).find(ref)
    assert "1 to 12" in str(caught.value) or "key" in str(caught.value)


def test_a_plan_with_nothing_in_it_has_nothing_to_mark() -> None:
    with pytest.raises(InputError, match="no items"):
        progress.Tracked.of([], {}, TODAY).find("1")


def test_what_a_mark_says() -> None:
    day = date(2027, 1, 15)
    waits = progress.later(TODAY, None, day, "not_before")
    assert status_words(waits, TODAY) == "Not yet: it would alert them — not before 15 January 2027"
    assert status_words(waits, day).endswith("(that day has come)")
    due = progress.later(TODAY, "  I need   help ", day, "by")
    assert status_words(due, TODAY) == "Not yet: I need help — by 15 January 2027"
    assert status_words(due, day + timedelta(days=1)).endswith("(that day has passed)")
    assert status_words(progress.later(TODAY), TODAY) == "Not yet: it would alert them"
    assert status_words(progress.done(TODAY), TODAY) == "Done on 3 March 2026"


def test_a_reason_too_long_is_refused_plainly() -> None:
    with pytest.raises(InputError, match="fewer than 200"):
        progress.later(TODAY, "x" * 201)


days = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_every_way_a_day_is_shown_or_written_reads_back(day: date) -> None:
    british = f"{day.day:02d}/{day.month:02d}/{day.year}"
    short = f"{day.day} {day_words(day).split()[1][:3].lower()} {day.year}"
    for written in (day.isoformat(), british, day_words(day), day_words(day).upper(), short):
        assert read_plan_day(f"  {written} ", TODAY) == day


@given(st.text(max_size=40))
def test_any_text_is_a_day_or_a_plain_error(text: str) -> None:
    try:
        read_plan_day(text, TODAY)
    except InputError as exc:
        assert "15/01/2027" in str(exc), "says how to write a day"


@given(days)
def test_a_day_gone_by_cannot_be_waited_for(day: date) -> None:
    if day < TODAY:
        with pytest.raises(InputError, match="has passed"):
            day_ahead(day.isoformat(), TODAY)
    else:
        assert day_ahead(day.isoformat(), TODAY) == day


@pytest.mark.parametrize("text", ["31/02/2027", "30 Febuary 2027", "15 Smarch 2027", "tomorrowish"])
def test_a_day_that_does_not_exist_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        read_plan_day(text, TODAY)


def test_a_session_saved_before_marks_still_opens_and_is_written_back_new() -> None:
    old = '{"format": 1, "label": "Sam"}'
    document = VaultDocument.model_validate_json(old)
    assert document.marks == {}
    assert document.format == 2
    marked = document.model_copy(update={"marks": {"account:gmail": progress.done(TODAY)}})
    again = VaultDocument.model_validate_json(marked.model_dump_json())
    assert again.marks["account:gmail"].marked == TODAY


@pytest.mark.parametrize(
    "mark",
    [
        {"status": "done", "marked": "2026-03-03", "reason": "x"},
        {"status": "later", "marked": "2026-03-03", "day": "2027-01-15"},
        {"status": "open", "marked": "2026-03-03"},
    ],
)
def test_a_mark_that_makes_no_sense_is_not_read(mark: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        PlanMark.model_validate(mark)
