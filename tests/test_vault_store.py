"""The vault on a real folder, with the in-memory keyring and with the real Secret Service."""

from __future__ import annotations

import errno
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from vault_support import MemoryKeyring, keyring_backend, service_name  # noqa: F401

from hygiene import safefile as safefile_module
from hygiene.accounts.inventory import Inventory
from hygiene.findings import Finding, Severity, Topic
from hygiene.secret import Secret
from hygiene.vault import (
    DiskFull,
    KeptFact,
    KeyMissing,
    KeyringUnusable,
    NotSaved,
    Progress,
    Vault,
    VaultCorrupt,
    VaultDocument,
    VaultError,
)
from hygiene.vault.keys import KeyringKeys


def sample(label: str = "Sam") -> VaultDocument:
    return VaultDocument(
        label=label,
        facts=(
            KeptFact(kind="name", value="Poppy", label="daughter"),
            KeptFact(kind="date", value="1990-04-12", label="birthday"),
        ),
        inventory=Inventory.model_validate(
            {
                "account": [
                    {
                        "label": "Gmail",
                        "login": "sam.home@example.org",
                        "recovery_phones": ["07700900123"],
                        "two_factor": ["sms:07700900123"],
                    }
                ]
            }
        ),
        signs={"strange_messages": "yes"},
        progress=Progress(next_step="facts", done=("safety", "signs")),
    )


@pytest.fixture
def vault(
    tmp_path: Path,
    keyring_backend: Any,  # noqa: F811
    service_name: str,  # noqa: F811
) -> Iterator[Vault]:
    made = Vault(KeyringKeys(keyring_backend, service_name), tmp_path / "home")
    yield made
    made.forget_all()  # a real keyring keeps nothing of a test


def test_saved_session_opens_again_with_every_field(vault: Vault) -> None:
    document = sample()
    vault.save(document)
    assert vault.load("Sam") == document
    assert vault.load("  sam ") == document, "the label is found whatever its case and spaces"


def test_the_disk_says_nothing_of_who_or_what(vault: Vault) -> None:
    vault.save(sample("Sam Jones"))
    files = [p for p in vault.root.iterdir()]
    assert len(files) == 1
    blob = files[0].read_bytes()
    for plain in (b"Sam", b"Jones", b"Poppy", b"1990", b"Gmail", b"07700900123", b"facts"):
        assert plain not in blob
        assert plain.decode().lower() not in files[0].name.lower()
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(vault.root.stat().st_mode) == 0o700


def test_keyring_entries_have_neutral_names(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    vault = Vault(KeyringKeys(backend, "hygiene"), tmp_path)
    vault.save(sample("Sam Jones"))
    assert {service for service, _ in backend.entries} == {"hygiene"}
    file_id = next(tmp_path.glob("*.vault")).stem
    assert sorted(entry for _, entry in backend.entries) == sorted(["index", file_id])
    for _, entry in backend.entries:
        for word in ("sam", "jones", "abuse", "stalk", "victim"):
            assert word not in entry.lower()


def test_several_people_each_keep_their_own(vault: Vault) -> None:
    vault.save(sample("Sam"))
    vault.save(sample("Alex"))
    assert vault.load("Alex").label == "Alex"
    assert vault.load("Sam").label == "Sam"
    assert vault.labels() == ["Alex", "Sam"]
    assert len(list(vault.root.glob("*.vault"))) == 2


def test_saving_again_replaces_the_document(vault: Vault) -> None:
    vault.save(sample())
    later = sample().model_copy(update={"progress": Progress(next_step="done")})
    vault.save(later)
    assert vault.load("Sam").progress.next_step == "done"
    assert len(list(vault.root.iterdir())) == 1, "no temporary file left behind"


def test_nothing_saved_is_said_plainly(vault: Vault) -> None:
    with pytest.raises(NotSaved, match="Nothing is saved under 'Nobody'"):
        vault.load("Nobody")
    vault.save(sample())
    with pytest.raises(NotSaved):
        vault.load("Nobody")


def reopened(vault: Vault) -> Vault:
    """The same folder and keyring as a new command would see them (nothing remembered)."""
    keys: Any = vault.keys
    return Vault(KeyringKeys(keys._backend, keys._service), vault.root)


def _only_file(vault: Vault) -> Path:
    (path,) = vault.root.glob("*.vault")
    return path


@pytest.mark.parametrize("where", [-1, 20, 4, 5])
def test_a_changed_byte_is_caught_and_the_file_left_alone(vault: Vault, where: int) -> None:
    vault.save(sample())
    path = _only_file(vault)
    blob = bytearray(path.read_bytes())
    blob[where] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(VaultError, match="left as it is") as caught:
        vault.load("Sam")
    assert "Poppy" not in str(caught.value)
    with pytest.raises(VaultError):
        vault.save(sample())  # a save never replaces what it cannot read
    assert path.read_bytes() == bytes(blob)


def test_a_truncated_or_foreign_file_is_damaged_not_a_crash(vault: Vault) -> None:
    vault.save(sample())
    path = _only_file(vault)
    for junk in (b"", b"HYGV", path.read_bytes()[:30], b"not a vault at all" * 4):
        path.write_bytes(junk)
        with pytest.raises(VaultCorrupt, match="damaged"):
            vault.load("Sam")
        assert path.read_bytes() == junk


def test_one_persons_file_cannot_pass_for_anothers(vault: Vault) -> None:
    vault.save(sample("Sam"))
    sam_file = _only_file(vault)
    vault.save(sample("Alex"))
    alex_file = next(p for p in vault.root.glob("*.vault") if p != sam_file)
    # The keys are per file, so copy Sam's key too: only the id bound in the header differs.
    keys: Any = vault.keys
    keys._backend.set_password(
        keys._service, alex_file.stem, keys._backend.get_password(keys._service, sam_file.stem)
    )
    alex_file.write_bytes(sam_file.read_bytes())
    with pytest.raises(VaultCorrupt):
        reopened(vault).load("Alex")


def test_a_missing_key_is_said_and_nothing_is_overwritten(vault: Vault) -> None:
    vault.save(sample())
    path = _only_file(vault)
    before = path.read_bytes()
    assert vault.keys is not None
    vault.keys.forget(path.stem)
    with pytest.raises(KeyMissing, match="not in this computer's keyring"):
        vault.load("Sam")
    with pytest.raises(KeyMissing):
        vault.save(sample())
    assert path.read_bytes() == before


def test_a_wrong_key_is_caught(vault: Vault) -> None:
    vault.save(sample())
    path = _only_file(vault)
    keys: Any = vault.keys
    keys._backend.set_password(keys._service, path.stem, "A" * 43 + "=")
    with pytest.raises(VaultCorrupt, match="key is not the one"):
        reopened(vault).load("Sam")


def test_a_locked_keyring_is_said_and_the_file_kept(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    vault = Vault(KeyringKeys(backend, "hygiene"), tmp_path)
    vault.save(sample())
    before = _only_file(vault).read_bytes()
    backend.locked = True
    with pytest.raises(KeyringUnusable, match=r"locked\. Unlock it"):
        reopened(vault).load("Sam")
    with pytest.raises(KeyringUnusable):
        reopened(vault).save(sample())
    backend.locked = False
    assert _only_file(vault).read_bytes() == before
    assert reopened(vault).load("Sam") == sample()


def _refused_backends() -> list[Any]:
    from keyring.backends import fail, null
    from keyring.backends.chainer import ChainerBackend

    class PlaintextKeyring(MemoryKeyring):
        """Stands for keyrings.alt's file backend, which writes keys in clear."""

    class EmptyChain(ChainerBackend):
        backends: ClassVar[list[Any]] = []  # type: ignore[misc]

    return [fail.Keyring(), null.Keyring(), PlaintextKeyring(), EmptyChain()]


@pytest.mark.parametrize("backend", _refused_backends(), ids=["fail", "null", "plaintext", "empty"])
def test_keyrings_that_cannot_keep_a_key_are_refused_with_a_fix(backend: Any) -> None:
    with pytest.raises(KeyringUnusable) as caught:
        KeyringKeys(backend)
    message = str(caught.value)
    assert "--passphrase" in message
    assert "GNOME Keyring" in message


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def write(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safefile_module.os, "write", write)


def test_a_full_disk_keeps_the_last_saved_copy(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.save(sample())
    before = _only_file(vault).read_bytes()
    with monkeypatch.context() as patch:
        _full_disk(patch)
        with pytest.raises(DiskFull, match=r"disk is full.*unchanged"):
            vault.save(sample().model_copy(update={"signs": {}}))
    assert _only_file(vault).read_bytes() == before
    assert vault.load("Sam") == sample()
    assert [p.name for p in vault.root.iterdir()] == [_only_file(vault).name]


def test_a_first_save_on_a_full_disk_leaves_no_key_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = MemoryKeyring()
    vault = Vault(KeyringKeys(backend, "hygiene"), tmp_path)
    _full_disk(monkeypatch)
    with pytest.raises(DiskFull):
        vault.save(sample())
    assert [entry for _, entry in backend.entries] == ["index"]
    assert list(tmp_path.iterdir()) == []


def test_forget_removes_one_person_and_says_what(vault: Vault) -> None:
    vault.save(sample("Sam"))
    vault.save(sample("Alex"))
    removed = [item.what for item in vault.forget("sam")]
    assert removed == ["the saved session 'sam'", "the key of 'sam' in the keyring"]
    with pytest.raises(NotSaved):
        vault.load("Sam")
    assert vault.load("Alex").label == "Alex"
    assert vault.forget("Sam") == []


def test_forget_all_removes_every_file_key_and_the_folder(
    tmp_path: Path,
    service_name: str,  # noqa: F811
) -> None:
    backend = MemoryKeyring()
    vault = Vault(KeyringKeys(backend, service_name), tmp_path / "home")
    vault.save(sample("Sam"))
    vault.save(sample("Alex"))
    Vault.with_passphrase(Secret("correct horse"), vault.root).save(sample("Kit"))
    removed = [item.what for item in vault.forget_all()]
    assert "the saved session 'Alex'" in removed
    assert "the saved session 'Sam'" in removed
    assert "a saved session protected by a passphrase" in removed
    assert removed[-1] == "the folder home"
    assert backend.entries == {}
    assert not vault.root.exists()


def test_a_passphrase_serves_where_no_keyring_can(tmp_path: Path) -> None:
    vault = Vault.with_passphrase(Secret("correct horse battery"), tmp_path)
    vault.save(sample())
    assert Vault.with_passphrase(Secret("correct horse battery"), tmp_path).load("Sam") == sample()
    with pytest.raises(NotSaved, match="check the passphrase"):
        Vault.with_passphrase(Secret("wrong horse battery"), tmp_path).load("Sam")
    (tmp_path / "salt").unlink()  # the salt is also in each file's header
    assert Vault.with_passphrase(Secret("correct horse battery"), tmp_path).load("Sam") == sample()


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="passphrase is empty"):
        Vault.with_passphrase(Secret(""), tmp_path)


def test_findings_survive_a_save(vault: Vault) -> None:
    finding = Finding(
        "recovery_phone_reachable_by_them",
        Severity.URGENT,
        Topic.RECOVERY,
        "Gmail",
        "The recovery phone is one the other person can reach",
        "They could reset the password.",
        "Change the recovery phone to one only you hold.",
        "They may get a message; keep evidence first.",
    )
    vault.save(sample().with_findings("accounts", [finding]))
    assert vault.load("Sam").found() == [finding]


def test_an_interrupted_write_leaves_no_temporary_file(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.save(sample())
    before = _only_file(vault).read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(safefile_module.os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            vault.save(sample().model_copy(update={"signs": {}}))
    assert [p.name for p in vault.root.iterdir()] == [_only_file(vault).name]
    assert _only_file(vault).read_bytes() == before


def test_a_folder_that_cannot_be_written_is_a_plain_error(tmp_path: Path) -> None:
    from hygiene.safefile import NotWritten, write_private

    with pytest.raises(NotWritten, match="could not be saved"):
        write_private(tmp_path / "missing" / "plan.html", b"x")


def test_a_keyring_failing_its_own_way_is_said_plainly(tmp_path: Path) -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("org.freedesktop.DBus.Error.NoReply")

    with pytest.raises(KeyringUnusable, match="could not be used") as caught:
        Vault(KeyringKeys(Broken(), "hygiene"), tmp_path).load("Sam")
    assert "DBus" not in str(caught.value)


def test_a_folder_left_open_to_others_is_closed_on_save(vault: Vault) -> None:
    vault.root.mkdir(mode=0o755, parents=True)
    vault.root.chmod(0o755)
    vault.save(sample())
    assert stat.S_IMODE(vault.root.stat().st_mode) == 0o700
