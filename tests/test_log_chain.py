"""The log's chain: a changed, removed or reordered entry in a saved vault is found and named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from hygiene.cli import exitcodes
from hygiene.log import Draft, IncidentLog, check, write
from hygiene.log.chain import fingerprint
from hygiene.vault import Vault, VaultDocument

Cli = Callable[..., Result]
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def written(*whats: str) -> IncidentLog:
    log = IncidentLog()
    for number, what in enumerate(whats):
        at = START + timedelta(hours=number)
        log, _ = write(log, Draft(what=what, happened_at=at), written_at=at + timedelta(days=1))
    return log


@pytest.fixture
def saved(memory_home: Path) -> Vault:
    vault = Vault.with_keyring()
    vault.save(VaultDocument(label="Sam", log=written("one", "two", "three", "four", "five")))
    return vault


def tamper(vault: Vault, change: Callable[[IncidentLog], IncidentLog]) -> None:
    document = vault.load("Sam")
    vault.save(document.model_copy(update={"log": change(document.log)}))


def listed(cli: Cli) -> Result:
    result = cli("log", "list", "Sam")
    assert result.exit_code == exitcodes.ATTENTION
    return result


def test_an_untouched_log_checks_out(cli: Cli, saved: Vault) -> None:
    result = cli("log", "list", "Sam")
    assert result.exit_code == exitcodes.OK
    assert "Checked: all 5 entries are as they were written" in result.stdout


def test_an_entry_changed_in_place_is_named(cli: Cli, saved: Vault) -> None:
    def edit(log: IncidentLog) -> IncidentLog:
        entries = list(log.entries)
        entries[2] = entries[2].model_copy(update={"what": "something else"})
        return log.model_copy(update={"entries": tuple(entries)})

    tamper(saved, edit)
    result = listed(cli)
    assert "Entry 3 was changed after it was written." in result.stdout
    assert "warning: The check found a problem" in result.stderr
    shown = cli("log", "show", "Sam", "3")
    assert "Check: Entry 3 was changed after it was written." in shown.stdout
    assert "Check: as it was written." in cli("log", "show", "Sam", "2").stdout


def test_an_entry_changed_and_fingerprinted_again_is_named_by_the_next(
    cli: Cli, saved: Vault
) -> None:
    def edit(log: IncidentLog) -> IncidentLog:
        entries = list(log.entries)
        changed = entries[1].model_copy(update={"where": "nowhere"})
        entries[1] = changed.model_copy(update={"fingerprint": fingerprint(changed)})
        return log.model_copy(update={"entries": tuple(entries)})

    tamper(saved, edit)
    assert "Entry 3 does not follow entry 2: entry 2 was changed" in listed(cli).stdout


def test_a_removed_entry_is_named(cli: Cli, saved: Vault) -> None:
    tamper(saved, lambda log: log.model_copy(update={"entries": log.entries[:3] + log.entries[4:]}))
    out = listed(cli).stdout
    assert "Entry 4 is missing: it was removed." in out
    assert "does not follow" not in out, "said once, not twice"


def test_removed_last_entries_are_found(cli: Cli, saved: Vault) -> None:
    tamper(saved, lambda log: log.model_copy(update={"entries": log.entries[:3]}))
    assert "One or more entries written after entry 3 were removed." in listed(cli).stdout


def test_reordered_entries_are_named(cli: Cli, saved: Vault) -> None:
    def swap(log: IncidentLog) -> IncidentLog:
        e = log.entries
        return log.model_copy(update={"entries": (e[0], e[2], e[1], e[3], e[4])})

    tamper(saved, swap)
    assert "Entry 2 comes after entry 3: they were reordered." in listed(cli).stdout


def test_an_export_of_a_broken_log_says_so(cli: Cli, saved: Vault, tmp_path: Path) -> None:
    tamper(saved, lambda log: log.model_copy(update={"entries": log.entries[1:]}))
    page = tmp_path / "log.html"
    result = cli("log", "export", "Sam", "--html", str(page))
    assert result.exit_code == exitcodes.ATTENTION
    assert "Entry 1 is missing: it was removed." in page.read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(
    whats=st.lists(st.text(min_size=1, max_size=30).filter(str.strip), min_size=1, max_size=8),
    data=st.data(),
)
def test_any_single_change_to_any_entry_is_named(whats: list[str], data: st.DataObject) -> None:
    log = written(*whats)
    assert check(log).intact
    index = data.draw(st.integers(0, len(whats) - 1))
    field = data.draw(st.sampled_from(["what", "where", "witnesses", "police_ref"]))
    old = getattr(log.entries[index], field)
    new = data.draw(st.text(min_size=1, max_size=30).filter(lambda t: t != old))
    entries = list(log.entries)
    entries[index] = entries[index].model_copy(update={field: new})
    result = check(log.model_copy(update={"entries": tuple(entries)}))
    assert result.about(index + 1), f"entry {index + 1} not named: {result.problems}"


def test_a_kept_copy_that_no_longer_matches_is_not_written_out(
    cli: Cli, saved: Vault, tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"the real screenshot")
    assert (
        cli("log", "add", "Sam", "--what", "x", "--evidence", str(shot), "--keep-copy").exit_code
        == 0
    )
    digest = saved.load("Sam").log.entries[-1].evidence[0].sha256
    tamper(saved, lambda log: log.model_copy(update={"copies": {digest: b"something else"}}))
    result = cli("log", "copies", "Sam", str(tmp_path / "out"))
    assert result.exit_code == exitcodes.BAD_INPUT
    assert "does not match its fingerprint, so no copy was written" in result.stderr
    assert not (tmp_path / "out").exists()
