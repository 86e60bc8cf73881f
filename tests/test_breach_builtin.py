"""The built-in list: it can flag a common password, and never clears one."""

from __future__ import annotations

from hygiene.breach.builtin import BuiltinSource
from hygiene.breach.interface import Found, Unknown
from hygiene.secret import Secret


def test_common_passwords_in_any_case_are_flagged() -> None:
    source = BuiltinSource()
    for password in ("password", "PASSWORD", "Password", "qwerty", "123456"):
        result = source.check(Secret(password))
        assert result == Found(None, "built-in")
        assert result.describe() == "in the list of common passwords"


def test_anything_else_is_unknown_in_exactly_these_words() -> None:
    result = BuiltinSource().check(Secret("gravel-lantern-quartz-47"))
    assert isinstance(result, Unknown)
    assert result.reason == "not in the built-in list; the full breach check could not run"
    assert result.to_dict()["status"] == "unknown"
