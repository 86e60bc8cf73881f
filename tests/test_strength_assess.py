"""The two verdicts on passwords a person would recognise, and the zxcvbn user_inputs leak."""

from __future__ import annotations

from pathlib import Path

import pytest

from hygiene.facts import Facts, load_facts
from hygiene.secret import Secret
from hygiene.strength import Level, assess, targeted

FIXTURES = Path(__file__).parent / "fixtures" / "strength"


@pytest.fixture(scope="module")
def facts():
    return load_facts(FIXTURES / "facts.toml")


@pytest.mark.parametrize(
    ("password", "reading"),
    [
        ("Fluffy2021!", "your pet's name, a year, a common ending"),
        ("Oliver1407", "your son's name, your son's birthday (day and month)"),
        ("R0verArsenal", "your first car (with look-alike swaps), a word they link to you"),
        ("12OakStreet", "a place they know"),
        ("yrrepjennifer", "a name they know (backwards), a name they know"),
    ],
)
def test_personal_patterns_are_guessable_and_explained(facts, password, reading):
    result = assess(Secret(password), facts)
    assert result.targeted.guessable
    assert result.targeted.reading == reading
    assert result.verdict.level is Level.weak
    assert password not in str(result.to_dict())
    assert password.lower() not in str(result.to_dict()).lower()


def test_a_stranger_rates_three_personal_words_far_higher_than_someone_who_knows_you(facts):
    result = assess(Secret("OliverFluffyArsenal"), facts)
    assert result.targeted.guessable
    assert result.generic.guesses_log10 > result.targeted.guesses_log10 + 3


def test_small_edits_of_an_old_password_say_which_and_how(facts):
    year = assess(Secret("Fluffy2020!"), facts).targeted.old_password_variant
    assert year is not None
    assert (year.position, year.change) == (1, "the year changed")
    swaps = assess(Secret("troub4dor&3"), facts).targeted.old_password_variant
    assert swaps is not None
    assert swaps.position == 2
    assert "look-alike" in swaps.change
    dropped = assess(Secret("Fluffy2019"), facts).targeted.old_password_variant
    assert dropped is not None and dropped.edits == 1


def test_random_passphrases_and_strings_are_not_guessable_from_facts(facts):
    for password in ("correct-horse-battery-staple", "vK7#qL9!xPz2mW", "plank-ivory-swoop-gravel"):
        result = assess(Secret(password), facts)
        assert not result.targeted.guessable
        assert result.targeted.old_password_variant is None


def test_a_check_without_facts_is_unaffected_by_an_earlier_check_with_facts(facts):
    fresh = assess(Secret("oliver"), None)
    with_facts = assess(Secret("oliver"), facts)
    after = assess(Secret("oliver"), None)
    assert with_facts.generic.guesses_log10 < fresh.generic.guesses_log10
    assert after.generic == fresh.generic
    assert after.to_dict() == fresh.to_dict()


def test_zxcvbn_called_directly_elsewhere_does_not_leak_into_our_checks(facts):
    from zxcvbn import zxcvbn

    fresh = assess(Secret("rover"), None)
    zxcvbn("rover", user_inputs=["rover"])
    assert assess(Secret("rover"), None).generic == fresh.generic


def test_a_repeated_piece_costs_little_more_than_the_piece(facts):
    once = targeted(Secret("Oliver#"), facts)
    thrice = targeted(Secret("Oliver#" * 3), facts)
    assert thrice.guessable
    assert thrice.guesses_log10 < once.guesses_log10 + 1
    assert thrice.reading == "the same piece 3 times"


def test_long_passwords_get_a_bounded_answer_that_says_so():
    long = "a1b2" * 40  # 160 characters
    result = assess(Secret(long), None)
    assert result.generic.truncated
    assert not result.targeted.truncated
    huge = assess(Secret("x" * 4000), None)
    assert huge.targeted.truncated
    assert huge.to_dict()["generic"]["truncated"] is True


def test_the_json_shape_is_stable(facts):
    data = assess(Secret("Fluffy2020!"), facts).to_dict()
    assert 0 <= data["generic"]["score"] <= 4
    assert isinstance(data["generic"]["guesses_log10"], float)
    assert data["targeted"]["guessable"] is True
    assert isinstance(data["targeted"]["guesses_log10"], float)
    assert data["targeted"]["parts"][0] == {
        "kind": "name",
        "label": "your pet's name",
    }
    assert set(data["targeted"]["old_password_variant"]) >= {"position", "change", "edits"}
    assert data["verdict"]["level"] in {"weak", "fair", "strong"}


def test_targeted_alone_without_facts_still_sees_common_patterns():
    result = targeted(Secret("P@ssw0rd1"), Facts())
    assert result.guessable
    assert result.reading == "a common password, a common ending"
