"""Reading when something happened, and spreadsheet cells that cannot run: properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.errors import InputError
from hygiene.log.export import cell
from hygiene.log.when import parse_when
from hygiene.render import visible_lines

NOW = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected", "time_known"),
    [
        ("", datetime(2026, 12, 2, 14, 30), True),
        ("now", datetime(2026, 12, 2, 14, 30), True),
        ("30/11/2026 21:15", datetime(2026, 11, 30, 21, 15), True),
        ("2026-11-30T21:15", datetime(2026, 11, 30, 21, 15), True),
        ("30/11/2026 at 9:15pm", datetime(2026, 11, 30, 21, 15), True),
        ("30.11.26", datetime(2026, 11, 30), False),
        ("yesterday 9 pm", datetime(2026, 12, 1, 21, 0), True),
        ("Today", datetime(2026, 12, 2), False),
        ("12am", datetime(2026, 12, 2, 0, 0), True),
        ("08:05", datetime(2026, 12, 2, 8, 5), True),
    ],
)
def test_the_ways_people_write_a_moment(text: str, expected: datetime, time_known: bool) -> None:
    assert parse_when(text, NOW, UTC) == (expected.replace(tzinfo=UTC), time_known)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("31/02/2026", "That date does not exist."),
        ("03/12/2026", "That is later than now."),
        ("15:00", "That is later than now."),
        ("13pm", "That time does not exist."),
        ("1899-12-31", "That is too long ago to be right."),
        ("last tuesday", "could not be read"),
    ],
)
def test_what_cannot_be_right_is_refused_with_how_to_write_it(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW, UTC)
    assert said in str(caught.value) and "30/11/2026 21:15" in str(caught.value)


def test_the_offset_of_the_persons_zone_is_kept() -> None:
    zone = timezone(timedelta(hours=1))
    moment, _ = parse_when("30/11/2026 21:15", NOW, zone)
    assert moment.utcoffset() == timedelta(hours=1)


moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2026, 12, 2, 14, 30))


@given(moments)
def test_every_past_moment_written_either_way_reads_back(moment: datetime) -> None:
    minute = moment.replace(second=0, microsecond=0, tzinfo=UTC)
    for text in (
        minute.strftime("%d/%m/%Y %H:%M"),
        minute.strftime("%Y-%m-%d %H:%M"),
        minute.strftime("%d.%m.%Y at %I:%M%p").lower(),
    ):
        assert parse_when(text, NOW, UTC) == (minute, True), text
    assert parse_when(minute.strftime("%Y-%m-%d"), NOW, UTC) == (
        minute.replace(hour=0, minute=0),
        False,
    )


@given(st.text(max_size=40))
def test_any_text_is_a_moment_or_a_plain_refusal(text: str) -> None:
    try:
        moment, _ = parse_when(text, NOW, UTC)
    except InputError:
        return
    assert datetime(1900, 1, 1, tzinfo=UTC) <= moment <= NOW


@given(st.text())
def test_no_cell_can_run_as_a_formula(text: str) -> None:
    shown = cell(text)
    assert not shown.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert "\x1b" not in shown and "\x00" not in shown
    assert shown in (visible_lines(text), "'" + visible_lines(text)), (
        "only the formula's power goes"
    )


@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs"])))
def test_ordinary_words_are_left_as_they_are(text: str) -> None:
    assert cell(text) == text
