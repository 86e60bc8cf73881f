"""``hygiene suggest``: random passphrases that avoid the person's facts, with both verdicts."""

from __future__ import annotations

import json
import math
from pathlib import Path

from conftest import assert_no_leak

from hygiene.data import eff_words, excluded_words
from hygiene.facts import load_facts
from hygiene.suggest import allowed_words, draw, suggest

FIXTURES = Path(__file__).parent / "fixtures" / "strength"
FACTS = str(FIXTURES / "facts.toml")


def test_the_eff_long_list_ships_whole_with_its_attribution():
    words = eff_words()
    assert len(words) == 7776 == len(set(words))
    assert words[0] == "abacus" and words[-1] == "zoom"
    notice = (Path(__file__).parent.parent / "hygiene" / "data" / "NOTICE").read_text()
    assert "Electronic Frontier Foundation" in notice and "CC BY 3.0" not in notice
    assert "Attribution 3.0" in notice


def test_words_touching_a_personal_token_are_left_out(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('words = ["Oliver", "ache"]\n')
    allowed = allowed_words(load_facts(path))
    assert "oliver" not in " ".join(allowed)
    assert not any("ache" in w for w in allowed)  # contains a token: headache, cache ...
    assert len(allowed) < len(eff_words())


def test_suggestions_are_random_words_with_entropy_and_both_verdicts():
    facts = load_facts(FACTS)
    found = suggest(facts, count=4, words=5)
    pool = set(allowed_words(facts))
    assert len(found) == 4
    assert len({s.passphrase.reveal() for s in found}) == 4
    for item in found:
        words = item.passphrase.reveal().split("-")
        assert len(words) == 5 and set(words) <= pool
        assert math.isclose(item.entropy_bits, 5 * math.log2(len(pool)))
        assert not item.assessment.targeted.guessable
        assert item.assessment.generic.score == 4


def test_cli_json_and_text(cli):
    result = cli("suggest", "--facts", FACTS, "--count", "3", "--words", "4", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)["suggestions"]
    assert len(data) == 3
    assert {"passphrase", "entropy_bits", "generic", "targeted", "verdict"} <= set(data[0])
    assert data[0]["entropy_bits"] > 51
    text = cli("suggest", "--count", "2")
    assert text.exit_code == 0
    assert text.stdout.count("bits of randomness") == 2


def test_facts_that_rule_out_nearly_every_word_are_refused():
    import itertools

    import pytest

    from hygiene.errors import InputError
    from hygiene.facts import Fact, FactKind, Facts

    trigrams = ("".join(t) for t in itertools.product("aeioustlnrcdmph", repeat=3))
    facts = Facts(tuple(Fact(FactKind.word, t, index=i) for i, t in enumerate(trigrams)))
    with pytest.raises(InputError, match="too few for a strong passphrase"):
        suggest(facts)


def test_bad_counts_are_refused(cli):
    assert cli("suggest", "--words", "2").exit_code == 2
    assert cli("suggest", "--count", "0").exit_code == 2


def test_no_fact_or_old_password_is_printed(cli, all_logs):
    for args in (["suggest", "--facts", FACTS], ["suggest", "--facts", FACTS, "--json"]):
        result = cli(*args)
        for secret in ("Fluffy2019!", "Tr0ub4dor&3", "fluffy", "oliver", "07700", "jennifer"):
            assert_no_leak(secret, result.stdout.lower(), result.stderr, all_logs.text.lower())


def test_no_word_in_the_draw_holds_the_separator():
    # "t-shirt" joined with "-" would read as two words and hide how many were drawn.
    assert not [w for w in allowed_words(None) if "-" in w]
    assert len(allowed_words(None)) == 7772 - len(excluded_words())


def test_every_excluded_word_is_on_the_list_so_no_typo_lets_one_through():
    excluded = excluded_words()
    assert len(excluded) > 100
    assert excluded <= set(eff_words())
    for seen in ["strangle", "chokehold", "grope", "smother", "captive", "unloved", "widow"]:
        assert seen in excluded


def test_ten_thousand_passphrases_hold_no_distressing_word(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('names = ["Oliver"]\n')
    excluded = excluded_words()
    for facts in (None, load_facts(path)):
        pool = allowed_words(facts)
        assert len(pool) == len(set(pool) - excluded)
        for _ in range(10_000 // 2):
            assert not set(draw(pool, 5).reveal().split("-")) & excluded


def test_the_text_says_how_many_words_remain_and_their_bits(cli):
    result = cli("suggest", "--count", "1")
    pool = len(allowed_words(None))
    assert f"from {pool:,} words (about {math.log2(pool):.1f} bits a word)" in result.stdout
    data = json.loads(cli("suggest", "--count", "1", "--json").stdout)["suggestions"][0]
    assert data["drawn_from_words"] == pool
