"""``hygiene plan`` from a saved session, as the worker runs it."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from hygiene.findings import Finding, Severity, Topic
from hygiene.vault import KeptFact, Vault, VaultDocument


@pytest.fixture
def saved(memory_home: Path) -> None:
    finding = Finding(
        "password_from_facts",
        Severity.URGENT,
        Topic.PASSWORDS,
        "Gmail",
        "The Gmail password is built from things they know",
        "It uses Poppy's name.",
        "Change it to a passphrase of random words.",
        "Change it from a safe device; they may notice they are logged out.",
    )
    Vault.with_keyring().save(
        VaultDocument(
            label="Sam",
            facts=(KeptFact(kind="name", value="Poppy", label="daughter"),),
        ).with_findings("passwords", [finding])
    )


def test_markdown_by_default_with_facts_hidden(cli: Callable[..., Result], saved: None) -> None:
    result = cli("plan", "Sam")
    assert result.exit_code == 1, "something needs acting on"
    assert result.stdout.startswith("# Your plan")
    assert "1. [ ] **The Gmail password is built from things they know**" in result.stdout
    assert "Poppy" not in result.stdout
    shown = cli("plan", "Sam", "--show-facts")
    assert "It uses Poppy's name." in shown.stdout


def test_json(cli: Callable[..., Result], saved: None) -> None:
    result = cli("plan", "Sam", "--json")
    data = json.loads(result.stdout)
    assert data["sections"][0]["items"][0]["id"] == "password_from_facts"
    assert data["facts"] == [{"kind": "name", "note": "daughter", "value": "(hidden)"}]


def test_html_file_is_private_to_the_user(
    cli: Callable[..., Result], saved: None, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    result = cli("plan", "Sam", "--html", str(target))
    assert result.exit_code == 1
    # Where it went, in full, and that forget will not remove it.
    assert f"written to {target.resolve()}" in result.stdout
    assert "hygiene forget does not remove it" in result.stdout
    page = target.read_text(encoding="utf-8")
    assert "The Gmail password is built from things they know" in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_no_name_gives_the_general_plan(cli: Callable[..., Result]) -> None:
    result = cli("plan")
    assert result.exit_code == 3, "nothing was checked: never an all-clear"
    assert "Nothing has been checked yet" in result.stdout
    assert "999" in result.stdout


def test_an_unknown_name_is_a_plain_error(cli: Callable[..., Result], saved: None) -> None:
    result = cli("plan", "Nobody")
    assert result.exit_code == 2
    assert "Nothing is saved under 'Nobody'" in result.stderr


def test_formats_are_one_at_a_time(cli: Callable[..., Result], saved: None) -> None:
    assert cli("plan", "Sam", "--json", "--markdown").exit_code == 2
