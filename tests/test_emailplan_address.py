"""The address checker: an address that is not one says so; facts hidden in one are found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.emailplan.address import Known, check_address, fold

KNOWN = [
    Known("Fluffy", "your pet's name"),
    Known("Jennifer", "a name"),
    Known("1985", "your birth year"),
    Known("85", "your birth year"),
    Known("jp", "your initials"),
    Known("Derby", "your town"),
    Known("Zoë", "a name"),
    Known("12 Oak Street", "an address"),
    Known("jen.perry", "an address or username you have used"),
]


@pytest.mark.parametrize(
    ("address", "parts"),
    [
        ("F1uffy.85@gmail.com", ["F1uffy", "85"]),
        ("JENNIFER_x@example.org", ["JENNIFER"]),
        ("zoe.moon@example.org", ["zoe"]),
        ("12oakstreet@example.org", ["12oakstreet"]),
        ("storm.jp@example.org", ["jp"]),
        ("jen-perry@example.org", ["jen-perry"]),
        ("bluefox@derby-mail.co.uk", ["derby"]),
    ],
)
def test_facts_in_an_address_are_found_and_named_by_label(address, parts):
    check = check_address(address, KNOWN)
    assert check.is_address
    assert [r.part for r in check.reveals] == parts
    assert not check.reveals_nothing
    explained = check.explain()[: len(parts)]
    assert all("so the other person could recognise it" in line for line in explained)


@pytest.mark.parametrize(
    "address", ["quiet.river.4731@proton.me", "jpeg.storm@example.org", "stormjp@example.org"]
)
def test_addresses_without_facts_pass(address):
    check = check_address(address, KNOWN)
    assert check.reveals_nothing
    assert check.explain() == ["This address contains nothing we know the other person knows."]


def test_a_year_is_warned_about_even_when_not_a_known_fact():
    check = check_address("river1992@example.org", KNOWN)
    assert not check.reveals and check.warnings
    assert not check.reveals_nothing


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("", "it is empty"),
        ("jen perry@example.org", "it contains spaces"),
        ("jen.example.org", "it has no @"),
        ("a@b@example.org", "more than one @"),
        ("@example.org", "nothing before the @"),
        ("jen@", "nothing after the @"),
        ("jen@localhost", "not a domain"),
        ("jen@example.o", "does not end in a domain ending"),
        (".jen@example.org", "cannot start or end with a dot"),
        ("zoë@example.org", "plain letters"),
        ("x" * 65 + "@example.org", "longer than 64"),
    ],
)
def test_what_is_not_an_address_says_why(address, said):
    check = check_address(address, KNOWN)
    assert not check.is_address
    assert any(said in problem for problem in check.problems)
    assert check.explain()[0].startswith("This is not an email address")


@given(st.text(max_size=300))
def test_never_crashes(text):
    check = check_address(text, KNOWN)
    assert check.is_address or check.problems


_fragment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=8)


@given(
    known=st.sampled_from(KNOWN),
    before=_fragment,
    after=_fragment,
    domain=st.sampled_from(["example.org", "proton.me", "gmail.com"]),
)
def test_an_address_built_from_a_known_token_is_always_flagged(known, before, after, domain):
    token = fold(known.value)
    # Short tokens only count as a whole part; longer ones anywhere.
    joined = f"{before}.{token}.{after}" if len(token) < 3 else f"{before}{token}{after}"
    address = joined.strip(".").replace("..", ".") + "@" + domain
    check = check_address(address, KNOWN)
    assert check.is_address
    assert not check.reveals_nothing


@given(
    value=st.text(min_size=1, max_size=12).filter(lambda v: len(fold(v)) >= 1),
    before=_fragment,
    after=_fragment,
)
def test_any_fact_written_into_an_address_is_flagged(value, before, after):
    token = fold(value)
    joined = f"{before}.{token}.{after}" if len(token) < 3 else f"{before}{token}{after}"
    address = joined.strip(".").replace("..", ".") + "@example.org"
    check = check_address(address, [Known(value, "a fact")])
    assert check.reveals, address


def test_a_nickname_counts_as_a_whole_part_but_not_inside_a_word():
    from hygiene.emailplan.known import known_from_facts
    from hygiene.facts import Fact, FactKind, Facts

    known = known_from_facts(Facts((Fact(FactKind.name, "Oliver Hughes", "son"),)))
    assert check_address("oli.h.1@example.org", known).reveals
    assert not check_address("police.desk@example.org", known).reveals
