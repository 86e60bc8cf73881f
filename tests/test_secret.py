"""A password held in a Secret never shows itself by accident."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.secret import Secret


@given(st.text(min_size=1))
def test_secret_never_shows_its_value(value):
    secret = Secret(value)
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r:>20}", repr([secret])):
        assert "Secret(" in shown
        if len(value) > 3:
            assert value not in shown.replace("Secret(•••)", "")
    assert secret.reveal() == value


def test_secret_refuses_to_be_pickled():
    with pytest.raises(TypeError):
        pickle.dumps(Secret("Fluffy2019!"))


def test_secrets_compare_by_value():
    assert Secret("a") == Secret("a")
    assert Secret("a") != Secret("b")
    assert len({Secret("a"), Secret("a")}) == 1
