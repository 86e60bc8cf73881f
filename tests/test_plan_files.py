"""``hygiene plan`` from files a worker prepared: built in memory, saving nothing."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from hygiene.content import examples_dir
from hygiene.findings import registry

EXAMPLES = examples_dir()
FILES = [
    "--facts",
    str(EXAMPLES / "facts.toml"),
    "--accounts",
    str(EXAMPLES / "accounts.toml"),
    "--export",
    str(EXAMPLES / "chrome-passwords.csv"),
]


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_a_plan_from_the_example_files_saves_nothing(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HYGIENE_HOME", str(home))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    result = cli("plan", *FILES, "--signs", "1", "--json")
    assert result.exit_code == 1, result.output
    assert _tree(tmp_path) == before
    data = json.loads(result.stdout)
    ids = [f["id"] for s in data["sections"] for f in s["items"]]
    assert any(i.startswith("signs_point_to_") for i in ids)
    assert any(i.startswith("password_") for i in ids)
    assert "account_reachable_by_them" in ids or "recovery_phone_reachable_by_them" in ids
    for finding_id in ids:
        registry().kind(finding_id)
    text = json.dumps(data, ensure_ascii=False)
    assert "abuser" not in text.lower() and "•••" not in text
    assert "07700 900456" not in text and "the number ending 456" in text


def test_every_format_of_a_plan_from_files_names_things_the_same(
    cli: Callable[..., Result], tmp_path: Path
):
    page = tmp_path / "plan.html"
    markdown = cli("plan", *FILES).stdout
    cli("plan", *FILES, "--html", str(page))
    data = cli("plan", *FILES, "--json").stdout
    for text in (markdown, page.read_text(encoding="utf-8"), data):
        assert "the number ending 456" in text
        assert "•••" not in text


def test_a_session_name_and_files_together_are_refused(cli: Callable[..., Result]):
    result = cli("plan", "Sam", "--accounts", str(EXAMPLES / "accounts.toml"))
    assert result.exit_code == 2
    assert "not both" in result.output


def test_every_problem_in_every_file_is_listed_at_once(cli: Callable[..., Result], tmp_path: Path):
    facts = tmp_path / "facts.toml"
    facts.write_text("names = [1]\n")
    accounts = tmp_path / "accounts.toml"
    accounts.write_text('[[account]]\nlabel = "Mail"\npassword_known_to_them = "perhaps"\n')
    result = cli("plan", "--facts", str(facts), "--accounts", str(accounts), "--signs", "99")
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) >= 3, result.output
    assert os.path.exists(facts)
