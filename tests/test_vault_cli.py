"""``hygiene forget`` as a person runs it, on the in-memory keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from typer.testing import Result
from vault_support import MemoryKeyring

from hygiene.vault import Vault, VaultDocument


@pytest.fixture
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("HYGIENE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HYGIENE_KEYRING_SERVICE", raising=False)
    yield backend
    keyring.set_keyring(previous)


def test_forget_one_lists_what_it_removed(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring
) -> None:
    Vault.with_keyring().save(VaultDocument(label="Sam"))
    Vault.with_keyring().save(VaultDocument(label="Alex"))
    result = cli("forget", "Sam")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "Removed:",
        "  - the saved session 'Sam'",
        "  - the key of 'Sam' in the keyring",
    ]
    # It also says what it cannot reach, so nobody takes the computer for clean.
    assert "What this cannot remove:" in result.stdout
    assert "--html" in result.stdout and "history" in result.stdout
    assert Vault.with_keyring().labels() == ["Alex"]
    # A typo (or a name already removed) is not "nothing to remove": it says so, exit 2.
    again = cli("forget", "Sma")
    assert again.exit_code == 2
    assert "Nothing is saved under 'Sma'" in again.stderr
    assert "hygiene session --list" in again.stderr


def test_forget_all_clears_the_machine(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    Vault.with_keyring().save(VaultDocument(label="Sam"))
    Vault.with_keyring().save(VaultDocument(label="Alex"))
    result = cli("forget", "--all")
    assert result.exit_code == 0
    assert "  - the saved session 'Alex'" in result.stdout
    assert "  - the saved session 'Sam'" in result.stdout
    assert memory_keyring.entries == {}
    assert not (tmp_path / "home").exists()


def test_forget_all_works_even_without_a_keyring(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    Vault.with_keyring().save(VaultDocument(label="Sam"))
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    result = cli("forget", "--all")
    assert result.exit_code == 0
    assert "a saved session that could not be opened" in result.stdout
    assert "keys left in it were not removed" in result.stderr
    assert not (tmp_path / "home").exists()


def test_forget_needs_a_name_or_all(cli: Callable[..., Result]) -> None:
    assert cli("forget").exit_code == 2
    assert cli("forget", "Sam", "--all").exit_code == 2


def test_forget_with_a_refused_keyring_says_how_to_fix(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring
) -> None:
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    for args in [("forget", "Sam"), ("session", "--list"), ("session", "--resume", "Sam")]:
        result = cli(*args, "--offline") if args[0] == "session" else cli(*args)
        assert result.exit_code == 2, args
        assert "--passphrase" in result.stderr, args
        assert "Traceback" not in result.stderr


def test_forget_with_a_passphrase_reads_it_hidden(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring
) -> None:
    from hygiene.secret import Secret

    Vault.with_passphrase(Secret("correct horse")).save(VaultDocument(label="Kit"))
    result = cli("forget", "Kit", "--passphrase", input="correct horse\n")
    assert result.exit_code == 0
    assert "  - the saved session 'Kit'" in result.stdout
    assert "correct horse" not in result.stdout + result.stderr


def test_doctor_says_which_keyring_keeps_the_keys(
    cli: Callable[..., Result], memory_keyring: MemoryKeyring
) -> None:
    lines = cli("doctor", "--offline").stdout.splitlines()
    section = lines[lines.index("Keyring for kept sessions") + 1 :]
    assert section[0] == "  vault_support.MemoryKeyring: in use: keeps keys safely"
    assert any(line.startswith("  passphrase (scrypt): usable:") for line in section)
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    lines = cli("doctor", "--offline").stdout.splitlines()
    section = lines[lines.index("Keyring for kept sessions") + 1 :]
    assert section[0] == (
        "  null.Keyring: not usable: cannot keep keys safely: "
        "the keyring is switched off (the 'null' keyring is set)"
    )
