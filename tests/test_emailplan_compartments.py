"""The compartments content: the four from the guidance, every category placed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hygiene.accounts.inventory import CATEGORIES
from hygiene.content import checks_dir
from hygiene.emailplan.compartments import load_compartments
from hygiene.errors import InputError


def test_the_shipped_compartments_load_and_place_every_category():
    loaded = load_compartments()
    assert loaded.ids == ["trusted", "social", "registrations", "financial"]
    assert {category: loaded.suggested_for(category).id for category in CATEGORIES} == {
        "email": "trusted",
        "cloud": "trusted",
        "social": "social",
        "shopping": "registrations",
        "work": "registrations",
        "other": "registrations",
        "financial": "financial",
        "phone": "financial",
    }
    assert all(c.advice for c in loaded.compartment)


def test_broken_compartments_list_every_problem(tmp_path: Path):
    text = (checks_dir() / "compartments.toml").read_text()
    text = text.replace('categories = ["social"]', 'categories = ["social", "email", "games"]')
    (tmp_path / "compartments.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_compartments(tmp_path)
    (problem,) = caught.value.problems
    assert problem.where == "compartment[2].categories[3]"
    # Fixed schema, but one category twice and one in none.
    text = text.replace('"social", "email", "games"', '"social", "email"')
    text = text.replace('categories = ["financial", "phone"]', 'categories = ["financial"]')
    (tmp_path / "compartments.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_compartments(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert any("category 'email' is already in 'trusted'" in m for m in messages)
    assert any("categories in no compartment: phone" in m for m in messages)
