"""The harder ways people build passwords from what someone knows about them.

Couples, keyboard walks beside a name, dates with any separator, phone numbers written
other ways, shortened street types, initials before a surname, nicknames; the cost of the
first facts not rising as more are added; and zxcvbn's reading used where it is cheaper.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.facts import Fact, FactKind, Facts
from hygiene.facts.expand import DATE_SEPARATORS, expand
from hygiene.facts.nicknames import nicknames_of
from hygiene.secret import Secret
from hygiene.strength import Level, assess, targeted
from hygiene.strength.walks import find_walks, keyboards

FACTS = Facts(
    (
        Fact(FactKind.name, "Tom Hughes", "me", 0),
        Fact(FactKind.name, "Jane Walker", "partner", 1),
        Fact(FactKind.name, "Oliver Hughes", "son", 2),
        Fact(FactKind.name, "Biscuit", "dog", 3),
        Fact(FactKind.date, "2011-06-18", "anniversary", 0),
        Fact(FactKind.date, "1984-02-09", "birthday", 1),
        Fact(FactKind.place, "27 Meadow Crescent", "home", 0),
        Fact(FactKind.place, "4 Park Road", "old address", 1),
        Fact(FactKind.number, "01332 456789", "landline", 0),
        Fact(FactKind.number, "07700 900123", "mobile", 1),
    )
)


def _guessable(password: str, facts: Facts = FACTS) -> bool:
    result = assess(Secret(password), facts)
    text = str(result.to_dict()).lower()
    # However it is read, the result never repeats the password.
    assert password.lower() not in text
    return result.targeted.guessable


@pytest.mark.parametrize(
    "password",
    ["TomAndJane2011", "tom&jane", "Jane4Tom18.06.2011", "TOMLOVESJANE", "tom+jane!", "JaneNTom"],
)
def test_two_people_joined_are_read_as_a_couple(password):
    result = targeted(Secret(password), FACTS)
    assert result.guessable
    assert any(p.kind == "couple" for p in result.parts)
    assert "your own name and your partner's name together" in result.reading or (
        "your partner's name and your own name together" in result.reading
    )


def test_a_name_beside_a_word_that_only_looks_like_a_join_is_no_couple():
    result = targeted(Secret("Tomandpotatoes"), FACTS)
    assert not any(p.kind == "couple" for p in result.parts)


@pytest.mark.parametrize(
    "password", ["qweOliver", "Oliver1qaz", "zaq1Biscuit", "asdfJane2011", "BiscuitZXC!"]
)
def test_keyboard_walks_beside_a_name_are_cheap(password):
    assert _guessable(password)
    reading = targeted(Secret(password), FACTS).reading
    assert "a run of keys next to each other" in reading


def test_a_walk_costs_less_than_the_same_number_of_random_letters():
    walk = targeted(Secret("qwe"), Facts()).guesses_log10
    assert walk < targeted(Secret("qjx"), Facts()).guesses_log10 - 1


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_every_walk_found_is_keys_next_to_each_other(text):
    boards = keyboards()
    for (start, end), cost in find_walks(text).items():
        assert end - start >= 3 and cost > 0
        piece = text[start:end]
        assert any(
            all(
                c in board.key_of and board.key_of[n][0] in board.neighbours[board.key_of[c][0]]
                for c, n in pairwise(piece)
            )
            for board in boards
            if all(c in board.key_of for c in piece)
        )


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2030, 12, 31)))
def test_any_separator_between_a_dates_parts_is_tried(day):
    texts = {t.text for t in expand(Fact(FactKind.date, day.isoformat()))}
    dd, mm, yyyy = f"{day.day:02d}", f"{day.month:02d}", str(day.year)
    for sep in DATE_SEPARATORS:
        assert sep.join((dd, mm, yyyy)) in texts
        assert sep.join((yyyy, mm, dd)) in texts
        assert sep.join((dd, mm)) in texts


@pytest.mark.parametrize("password", ["18_06_2011", "Jane 18 06 2011", "2011_06_18!", "09 02 84"])
def test_dates_with_underscores_or_spaces_are_guessable(password):
    assert _guessable(password)


mobiles = st.tuples(st.sampled_from("3456789"), st.integers(0, 99_999_999)).map(
    lambda t: f"07{t[0]}{t[1]:08d}"
)


@settings(max_examples=100, deadline=None)
@given(mobiles, st.sampled_from(["", " ", "-"]))
def test_a_mobile_is_tried_in_national_international_and_partial_forms(number, gap):
    written = number[:5] + gap + number[5:]
    texts = {t.text for t in expand(Fact(FactKind.number, written))}
    rest = number[1:]
    assert {number, rest, "44" + rest, "+44" + rest, "0044" + rest, rest[-6:], rest[-4:]} <= texts


def test_a_landline_is_tried_without_its_area_code_or_its_zero():
    texts = {t.text for t in expand(Fact(FactKind.number, "01332 456789"))}
    assert {"01332456789", "1332456789", "+441332456789", "456789", "01332"} <= texts


@pytest.mark.parametrize(
    "password", ["1332456789", "+441332456789!", "Jane7700900123", "00447700900123", "Tom456789"]
)
def test_phone_numbers_written_other_ways_are_guessable(password):
    assert _guessable(password)


@pytest.mark.parametrize(
    "password", ["27MeadowCres", "meadowcres27", "27 Meadow Cres", "4ParkRd", "4 Park Rd!"]
)
def test_shortened_street_types_are_guessable(password):
    assert _guessable(password)


def test_a_street_type_used_as_a_name_is_still_the_name():
    tokens = {t.text: t for t in Facts((Fact(FactKind.place, "4 Park Road"),)).tokens()}
    assert tokens["park"].tier == 1
    assert {"4parkrd", "parkrd", "4 park rd"} <= set(tokens)


@pytest.mark.parametrize(
    "password", ["THughes1984", "thughes!", "T.Hughes", "OHughes2011", "JWalker"]
)
def test_initials_in_any_case_before_a_surname_are_guessable(password):
    assert _guessable(password)


@pytest.mark.parametrize("password", ["Olly2011", "ollie84", "Oli18!", "JANEY2011"])
def test_names_people_are_called_are_guessable(password):
    assert _guessable(password)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_nicknames_are_other_lower_case_names(name):
    found = nicknames_of(name)
    assert name not in found
    assert len(set(found)) == len(found)
    assert all(n.isalpha() and n == n.lower() and len(n) >= 2 for n in found)


def test_known_nicknames_come_from_the_list_and_the_rules():
    assert {"ollie", "olly", "oli"} <= set(nicknames_of("Oliver"))
    assert {"beth", "libby", "lizzie"} <= set(nicknames_of("elizabeth"))
    assert "oliver" in nicknames_of("ollie")


def test_facts_added_after_the_first_do_not_raise_their_cost():
    extra = tuple(
        Fact(FactKind.name, f"{first} {last}", None, 4 + i)
        for i, (first, last) in enumerate(
            (f, s)
            for f in ("Amir", "Bryony", "Ciaran", "Delyth", "Eamon", "Fern")
            for s in ("Quayle", "Roscoe", "Tindall", "Upton", "Vance")
        )
    )
    many = Facts(FACTS.facts + extra)
    for password in ("Biscuit2011!", "TomAndJane2011", "Olly18_06"):
        few_cost = targeted(Secret(password), FACTS).guesses_log10
        assert targeted(Secret(password), many).guesses_log10 == pytest.approx(few_cost)


def test_a_random_passphrase_with_one_personal_word_is_not_guessable():
    for password in ("lunar-biscuit-gravel-oxide-tundra", "Frosty Tom Ledger Banjo Cactus"):
        result = assess(Secret(password), FACTS)
        assert not result.targeted.guessable
        assert result.verdict.level is not Level.weak


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["tom", "jane", "oliver", "biscuit", "olly", "meadow", "hughes", "1984"]),
    st.sampled_from(["", "1", "!", "qwe", "2011", "x", "and"]),
    st.sampled_from(["", "Jane", "09", "zaq1"]),
)
def test_the_estimate_is_the_cheaper_of_both_readings(word, middle, end):
    password = word.title() + middle + end
    result = assess(Secret(password), FACTS)
    alone = targeted(Secret(password), FACTS)
    cheaper = result.generic.uses_facts and result.generic.guesses_log10 < alone.guesses_log10
    expected = result.generic.guesses_log10 if cheaper else alone.guesses_log10
    assert result.targeted.guesses_log10 == pytest.approx(expected)
    assert result.targeted.found_by_zxcvbn == cheaper
    assert result.to_dict()["targeted"]["found_by"] == (
        "zxcvbn with your facts" if cheaper else "targeted"
    )
    if cheaper and result.targeted.guessable and not alone.guessable:
        assert "given your facts" in result.verdict.sentence
