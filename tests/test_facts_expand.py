"""Expansion properties: every real date and every name gives the forms an attacker tries."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hygiene.facts import Fact, FactKind, Facts
from hygiene.facts.expand import MONTHS, STREET_TYPES, expand, parse_date

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=2, max_size=10)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_gives_its_common_layouts(day):
    for written in (day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d.%m.%Y")):
        assert parse_date(written) == (day.day, day.month, day.year)
        texts = {t.text for t in expand(Fact(FactKind.date, written))}
        dd, mm = f"{day.day:02d}", f"{day.month:02d}"
        yyyy, yy = f"{day.year}", f"{day.year % 100:02d}"
        assert {
            dd + mm,
            mm + dd,
            dd + mm + yy,
            dd + mm + yyyy,
            yyyy,
            yy,
            mm + yyyy,
            yyyy + mm + dd,
            f"{dd}/{mm}/{yyyy}",
            f"{dd}-{mm}-{yy}",
            f"{day.day}{MONTHS[day.month - 1]}",
            MONTHS[day.month - 1][:3] + yyyy,
        } <= texts


@given(st.integers(1, 31), st.integers(13, 99), st.integers(1000, 2999))
def test_impossible_dates_are_refused(day, month, year):
    assert parse_date(f"{day}/{month}/{year}") is None


@given(st.lists(names, min_size=1, max_size=4))
def test_every_name_gives_parts_joins_and_initials(parts):
    fact = Fact(FactKind.name, " ".join(p.title() for p in parts))
    texts = {t.text for t in Facts((fact,)).tokens()}
    assert set(parts) <= texts
    if len(parts) > 1:
        assert "".join(parts) in texts
        assert parts[-1] + parts[0] in texts
        assert parts[0][0] + parts[-1][0] in texts
    assert all(token.fact is fact for token in Facts((fact,)).tokens())


@given(st.text(alphabet="0123456789", min_size=7, max_size=13), st.integers(1, 4))
def test_numbers_give_whole_and_last_digits_however_spaced(digits, gap):
    written = digits[:gap] + " " + digits[gap:]
    texts = {t.text for t in expand(Fact(FactKind.number, written))}
    assert {digits, digits[-4:], digits[-6:]} <= texts


@given(
    st.integers(1, 999),
    names.filter(lambda n: n not in STREET_TYPES),
    st.sampled_from(["Street", "Road", "Lane", "Close"]),
)
def test_addresses_give_house_number_street_and_both(number, street, kind):
    texts = {t.text for t in expand(Fact(FactKind.place, f"{number} {street.title()} {kind}"))}
    assert {str(number), street, f"{number}{street}", f"{street}{kind.lower()}"} <= texts
