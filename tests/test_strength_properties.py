"""Properties of the targeted reading that must hold for any password, however odd."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.facts import load_facts
from hygiene.secret import Secret
from hygiene.strength import assess, targeted
from hygiene.strength.variants import closest_variant

FACTS = load_facts(Path(__file__).parent / "fixtures" / "strength" / "facts.toml")

passwords = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
) | st.text(alphabet="fluffyOLIVERr0v3r2019!-_@$14", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(passwords)
def test_parts_cover_the_password_in_order_and_cost_is_sane(password):
    result = targeted(Secret(password), FACTS)
    at = 0
    for part in result.parts:
        assert part.start == at < part.end
        at = part.end
        assert part.guesses_log10 >= 0
    assert at == len(password)
    assert result.guesses_log10 >= 0
    assert result.guessable == (result.guesses_log10 <= 6)


@settings(max_examples=100, deadline=None)
@given(passwords)
def test_nothing_in_the_result_repeats_the_password(body):
    # A character no label or advice ever contains, so a match can only be an echo.
    password = "☃" + body
    result = assess(Secret(password), FACTS)
    assert "☃" not in repr(result)
    assert "☃" not in str(result.to_dict())


@settings(max_examples=200, deadline=None)
@given(passwords, passwords)
def test_old_password_comparison_never_fails(new, old):
    found = closest_variant(Secret(new), (Secret(old),))
    if new == old:
        assert found is not None and found.edits == 0
    if found is not None:
        assert 0 <= found.similarity <= 1
        assert found.position == 1
