"""Facts files: what loads, what is refused (every problem, with its line), what it expands to."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.errors import InputError
from hygiene.facts import FactKind, load_facts
from hygiene.facts.load import element_lines

FIXTURES = Path(__file__).parent / "fixtures" / "strength"


def test_the_example_file_loads_with_labels_and_positions():
    facts = load_facts(FIXTURES / "facts.toml")
    pet = next(f for f in facts.facts if f.label == "pet")
    assert pet.kind is FactKind.name
    assert pet.index == 1
    assert pet.where == "names[2]"
    assert pet.phrase == "your pet's name"
    assert len(facts.old_passwords) == 2
    assert "Fluffy2019!" not in repr(facts)
    assert "Fluffy" not in repr(facts.facts)


def test_every_problem_is_listed_with_its_line(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(
        'names = [\n  "Jennifer Perry",\n  "",\n]\n'
        'dates = ["1985-03-14", "31/02/2001"]\n'
        'pets = ["Fluffy"]\n'
        'words = [{ value = "Arsenal", colour = "red" }]\n'
    )
    with pytest.raises(InputError) as caught:
        load_facts(path)
    found = {(p.where, p.line) for p in caught.value.problems}
    assert found == {("names[2]", 3), ("dates[2]", 5), ("pets", 6), ("words[1]", 7)}
    assert all(p.source == str(path) for p in caught.value.problems)


def test_unquoted_dates_and_numbers_are_taken_as_meant(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text("dates = [1985-03-14]\nnumbers = [12]\n")
    facts = load_facts(path)
    assert [f.value for f in facts.facts] == ["1985-03-14", "12"]
    assert "14031985" in {t.text for t in facts.tokens()}


def test_malformed_toml_names_the_line(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('names = ["a"]\ndates = ["1985-03-14" "x"]\nwords = []\n')
    with pytest.raises(InputError) as caught:
        load_facts(path)
    assert caught.value.problems[0].line is not None


def test_an_error_never_repeats_an_old_password(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('old_passwords = ["Sekret-Pa55", { value = "Sekret-Pa55", note = "x" }]\n')
    with pytest.raises(InputError) as caught:
        load_facts(path)
    assert "Sekret" not in str(caught.value)


def test_expansions_a_person_would_expect():
    facts = load_facts(FIXTURES / "facts.toml")
    texts = {t.text for t in facts.tokens()}
    # names: parts, joined, initials, reversed order
    assert {"jennifer", "perry", "jenniferperry", "perryjennifer", "jp"} <= texts
    # dates in common layouts, with and without separators
    assert {"1403", "0314", "140385", "14031985", "1985", "85", "031985", "19850314"} <= texts
    assert {"14/03/1985", "14-03-85", "14.03.1985"} <= texts
    # places: house number, street, town, postcode parts
    assert {"12", "oak", "oakstreet", "12oakstreet", "derby", "de223ab", "de22"} <= texts
    # numbers: whole, last 4 and 6 digits
    assert {"07700900123", "0123", "900123"} <= texts


def _lines_of(key: str, values: list[str]) -> str:
    body = "".join(f"  {v!r},\n".replace("'", '"') for v in values)
    return f"{key} = [\n{body}]\n"


text_entry = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=30
)


@settings(max_examples=150, deadline=None)
@given(
    key=st.sampled_from(["names", "dates", "places", "numbers", "words", "answers", "pets"]),
    values=st.lists(text_entry, max_size=6),
)
def test_any_file_loads_or_is_refused_with_located_problems(tmp_path_factory, key, values):
    import json

    path = tmp_path_factory.mktemp("f") / "facts.toml"
    body = "".join(f"  {json.dumps(v, ensure_ascii=False)},\n" for v in values)
    path.write_text(f"{key} = [\n{body}]\n", encoding="utf-8")
    try:
        facts = load_facts(path)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.source == str(path)
            assert problem.line is not None
    else:
        assert len(facts.facts) == len(values)
        for token in facts.tokens():
            assert token.text == token.text.lower()
            assert token.text


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.text(max_size=12), min_size=1, max_size=8))
def test_element_lines_find_each_entry_one_a_line(values):
    import json

    text = "names = [\n" + "".join(f"  {json.dumps(v)},  # note, [x]\n" for v in values) + "]\n"
    assert element_lines(text, "names") == list(range(2, 2 + len(values)))
