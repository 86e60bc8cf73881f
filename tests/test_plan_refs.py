"""How a plan names what it keeps private: readable, never a blank, and never two alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hygiene.plan.refs import partial, references, substitute

emails = st.builds(
    lambda local, domain: f"{local}@{domain}.example",
    st.from_regex(r"[a-z][a-z.]{0,8}[a-z]", fullmatch=True),
    st.sampled_from(["mail", "post", "home"]),
)
phones = st.from_regex(r"07700 9[0-9]{5}", fullmatch=True)


@given(st.lists(st.one_of(emails, phones), max_size=12, unique=True))
def test_two_different_things_never_read_the_same(values: list[str]):
    names = references(values)
    shown = [names[v.strip()] for v in values]
    assert len({s.casefold() for s in shown}) == len({v.casefold() for v in values})
    assert not any("•" in s for s in shown)


def test_a_number_and_an_address_read_as_words():
    assert partial("07700 900456") == "the number ending 456"
    assert partial("Jen.Perry@Example.com") == "j…@example.com"
    names = references(["07700 900456", "07700 800456"])
    assert names["07700 900456"] != names["07700 800456"]


def test_facts_are_named_by_their_label_or_kind():
    names = references(
        [], [("name", "daughter", "Poppy"), ("name", None, "Pepper"), ("name", None, "Rex")]
    )
    assert substitute("built from Poppy's name and pepper", names) == (
        "built from “daughter”'s name and “name”"
    )
    assert names["Rex"] == "“name 2”"
