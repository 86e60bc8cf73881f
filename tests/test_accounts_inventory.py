"""The accounts inventory: what a hand-written file means, and every error at once."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.accounts.inventory import (
    Account,
    Contact,
    Inventory,
    SecurityQuestion,
    TwoFactor,
    dump_inventory,
    load_inventory,
    save_inventory,
)
from hygiene.accounts.phones import contact_key, normalise_phone
from hygiene.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "accounts"


def test_hand_written_inventory_loads_with_ids_factors_and_contacts():
    inv = load_inventory(FIXTURES / "jen.toml")
    assert [a.id for a in inv.accounts] == ["gmail", "bank", "facebook", "micromart_shop"]
    gmail = inv.account("gmail")
    assert gmail is not None
    assert gmail.security_questions == [SecurityQuestion(question="first pet", they_know="yes")]
    assert gmail.two_factor == [TwoFactor(kind="sms", target="07700 900123")]
    assert [str(f) for f in inv.accounts[2].two_factor] == ["app:work phone"]
    assert inv.accounts[3].two_factor == [TwoFactor(kind="none")]
    assert inv.contact("+44 7700 900123") is not None
    assert inv.contact("+44 7700 900123").controlled_by == "shared"  # type: ignore[union-attr]
    assert inv.contact("work phone").kind == "device"  # type: ignore[union-attr]


def test_a_login_address_of_another_account_is_that_account():
    inv = load_inventory(FIXTURES / "jen.toml")
    found = inv.account_by_login("Jen.Perry@Gmail.com ")
    assert found is not None and found.id == "gmail"
    assert inv.account_by_login("nobody@example.com") is None


def test_every_error_names_file_line_entry_and_field_at_once():
    with pytest.raises(InputError) as caught:
        load_inventory(FIXTURES / "broken.toml")
    text = [str(p) for p in caught.value.problems]
    joined = "\n".join(text)
    assert 'broken.toml, line 3 (account[1].category, "Personal Gmail")' in joined
    assert 'broken.toml, line 4 (account[1].two_factor[1], "Personal Gmail")' in joined
    assert "sms:NUMBER, app:DEVICE" in joined
    assert "broken.toml, line 9 (account[2].password_known_to_them" in joined
    assert "line 10 (account[2].recovery_phones" in joined and "'call me'" in joined
    assert "line 7 (account[2].id" in joined and "already used by account 1" in joined
    assert 'line 14 (contact[1].controlled_by, "07700 900123")' in joined
    assert len(text) == 6


def test_unknown_fields_and_a_label_without_letters_are_named(tmp_path: Path):
    path = tmp_path / "inv.toml"
    path.write_text(
        '[[account]]\nlabel = "!!"\nrecovery_email = "x@y.z"\n\n[[contact]]\nnote = "?"\n'
    )
    with pytest.raises(InputError) as caught:
        load_inventory(path)
    joined = "\n".join(str(p) for p in caught.value.problems)
    assert "inv.toml, line 3 (account[1].recovery_email" in joined
    assert "add an id" in joined
    assert "(contact[1].value)" in joined


def test_a_syntax_error_is_input_error_with_line(tmp_path: Path):
    path = tmp_path / "inv.toml"
    path.write_text('[[account]]\nlabel = "Gmail\n')
    with pytest.raises(InputError) as caught:
        load_inventory(path)
    assert caught.value.problems[0].line == 2


def test_dump_is_readable_and_loads_back_the_same(tmp_path: Path):
    inv = load_inventory(FIXTURES / "jen.toml")
    text = dump_inventory(inv)
    assert "[[account]]" in text and "[[contact]]" in text
    assert 'two_factor = ["sms:07700 900123"]' in text
    assert 'security_questions = [{ question = "first pet", they_know = "yes" }]' in text
    path = tmp_path / "again.toml"
    save_inventory(inv, path)
    assert load_inventory(path) == inv


def test_defaults_never_claim_safety():
    account = Account.model_validate({"label": "Old Hotmail"})
    assert account.id == "old_hotmail"
    assert account.password_known_to_them == "maybe"
    assert account.unknown_sessions == "not_checked"
    assert Contact(value="x@y.z").controlled_by == "unknown"


@pytest.mark.parametrize(
    "written",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)7700 900123",
        "0044 7700-900-123",
        "+447700900123",
        "(07700) 900 123",
    ],
)
def test_one_uk_number_written_many_ways_is_one_number(written: str):
    assert normalise_phone(written) == "+447700900123"


@pytest.mark.parametrize("text", ["", "call me", "12", "+", "07700 9001234567890123", "a@b.c"])
def test_things_that_are_not_numbers(text: str):
    assert normalise_phone(text) is None


# --- properties -----------------------------------------------------------------------

# A UK number after its trunk zero starts 1-9 ("00" is the international prefix).
national = st.tuples(
    st.sampled_from("123456789"), st.text(alphabet=string.digits, min_size=8, max_size=9)
).map(lambda t: "0" + t[0] + t[1])


def _spaced(draw: st.DrawFn, digits: str) -> str:
    out = []
    for ch in digits:
        out.append(ch)
        out.append(draw(st.sampled_from(["", "", " ", "-", "."])))
    return "".join(out).strip(" -.")


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(national)
    style = draw(st.sampled_from(["national", "plus", "double_zero", "trunk"]))
    rest = number[1:]
    body = _spaced(draw, rest)
    written = {
        "national": "0" + body,
        "plus": "+44 " + body,
        "double_zero": "0044 " + body,
        "trunk": "+44 (0)" + body,
    }[style]
    return number, written


@given(written_forms())
def test_any_spacing_of_a_uk_number_normalises_to_one_form(pair: tuple[str, str]):
    number, written = pair
    assert normalise_phone(written) == normalise_phone(number) == "+44" + number[1:]


@given(st.text(max_size=30))
def test_normalising_never_fails_and_is_stable(text: str):
    result = normalise_phone(text)
    if result is not None:
        assert normalise_phone(result) == result
    key = contact_key(text)
    assert contact_key(key) == key or normalise_phone(text) is None


safe_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s != "")
labels = safe_text.filter(lambda s: any(c.isascii() and c.isalnum() for c in s))
emails = st.from_regex(r"[a-z0-9.]{1,10}@[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True)
phones = national
factors = st.one_of(
    st.just("key"),
    st.just("none"),
    phones.map(lambda p: f"sms:{p}"),
    safe_text.filter(lambda s: ":" not in s).map(lambda d: f"app:{d}"),
    emails.map(lambda e: f"email:{e}"),
)
accounts = st.builds(
    lambda label, login, rec_e, rec_p, qs, tf, pw, ses, cat: Account.model_validate(
        {
            "label": label,
            "login": login,
            "recovery_emails": rec_e,
            "recovery_phones": rec_p,
            "security_questions": qs,
            "two_factor": tf,
            "password_known_to_them": pw,
            "unknown_sessions": ses,
            "category": cat,
        }
    ),
    labels,
    st.one_of(st.none(), emails),
    st.lists(emails, max_size=2),
    st.lists(phones, max_size=2),
    st.lists(
        st.fixed_dictionaries(
            {"question": safe_text, "they_know": st.sampled_from(["yes", "no", "maybe"])}
        ),
        max_size=2,
    ),
    st.lists(factors, max_size=3),
    st.sampled_from(["yes", "no", "maybe"]),
    st.sampled_from(["yes", "no", "not_checked"]),
    st.sampled_from(["email", "financial", "social", "other"]),
)
contacts = st.builds(
    lambda v, c, n: Contact(value=v, controlled_by=c, note=n),
    st.one_of(emails, phones, safe_text),
    st.sampled_from(["self", "shared", "them", "unknown"]),
    st.one_of(st.none(), st.text(max_size=40)),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(accounts, max_size=4, unique_by=lambda a: a.id),
    st.lists(contacts, max_size=4, unique_by=lambda c: c.key),
)
def test_any_inventory_survives_dump_and_load(tmp_path_factory, accs, cons):
    inv = Inventory(accounts=accs, contacts=cons)
    path = tmp_path_factory.mktemp("inv") / "inv.toml"
    path.write_text(dump_inventory(inv), encoding="utf-8")
    assert load_inventory(path) == inv


toml_values = st.recursive(
    st.one_of(st.text(max_size=10), st.integers(), st.booleans()),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
field_names = st.sampled_from(
    [
        "id",
        "label",
        "provider",
        "login",
        "category",
        "recovery_emails",
        "recovery_phones",
        "security_questions",
        "two_factor",
        "password_known_to_them",
        "unknown_sessions",
        "value",
        "controlled_by",
        "other",
    ]
)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["account", "contact", "extra"]),
        st.lists(st.dictionaries(field_names, toml_values, max_size=5), max_size=3),
        max_size=2,
    )
)
def test_any_toml_either_loads_or_raises_located_input_errors(tmp_path_factory, data):
    import tomli_w

    path = tmp_path_factory.mktemp("inv") / "inv.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    try:
        load_inventory(path)
    except InputError as exc:
        assert exc.problems
        assert all(p.source == str(path) for p in exc.problems)
        assert all(p.where for p in exc.problems)
