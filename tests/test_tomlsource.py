"""Hand-written TOML: every error says file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hygiene.errors import InputError
from hygiene.tomlsource import load_toml

INVENTORY = """\
# two accounts
[[account]]
label = "Mail"
login = "a@example.org"

[[account]]
label = "Bank"
recovery_emails = ["b@example.org"]
"""


def test_syntax_error_names_the_line(tmp_path: Path):
    path = tmp_path / "facts.toml"
    path.write_text('names = ["Ann"]\ndates = [1985-13-40\n')
    with pytest.raises(InputError) as caught:
        load_toml(path)
    problem = caught.value.problems[0]
    assert problem.line == 2
    assert str(path) in str(problem)


def test_line_of_finds_key_in_the_nth_table(tmp_path: Path):
    path = tmp_path / "accounts.toml"
    path.write_text(INVENTORY)
    doc = load_toml(path)
    assert doc.line_of(["account", 1, "recovery_emails", 0]) == 8
    assert doc.line_of(["account", 0, "login"]) == 4
    assert doc.line_of(["account", 1]) == 6


def test_missing_file_and_not_utf8(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        load_toml(tmp_path / "absent.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('names = ["Zoë"]'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_toml(bad)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes_either_parse_or_give_a_located_input_error(tmp_path: Path, raw: bytes):
    path = tmp_path / "any.toml"
    path.write_bytes(raw)
    try:
        doc = load_toml(path)
    except InputError as exc:
        assert exc.problems and all(str(path) in str(p) for p in exc.problems)
    else:
        assert isinstance(doc.data, dict)


def test_something_left_open_names_the_last_line(tmp_path: Path):
    path = tmp_path / "facts.toml"
    path.write_text('names = ["Ann"]\ndates = [\n  "1985-03-14",\n')
    with pytest.raises(InputError) as caught:
        load_toml(path)
    assert caught.value.problems[0].line == 3


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000,  # once a RecursionError traceback, exit 1
        "x = " + "[" * 40 + "]" * 40,
        "x = " + "{ a = " * 40 + "1" + " }" * 40,
    ],
)
def test_deep_nesting_is_refused_plainly(tmp_path: Path, text: str):
    path = tmp_path / "facts.toml"
    path.write_text(text)
    with pytest.raises(InputError, match="nests lists or tables more than 16 deep"):
        load_toml(path)


@pytest.mark.parametrize("command", [["facts", "check"], ["accounts", "check"]])
def test_a_deeply_nested_file_exits_2_without_a_traceback(cli, tmp_path: Path, command):
    path = tmp_path / "planted.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000)
    result = cli(*command, str(path))
    assert result.exit_code == 2
    assert "nests lists or tables" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
