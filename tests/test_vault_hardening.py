"""The vault against files the other person may have swapped, planted or edited.

Rollback, a lost index key, weak passphrases, the scrypt cost, the version byte, file
sizes and planted special files; each case ran through without complaint before.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import shutil
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from vault_support import MemoryKeyring, keyring_backend, service_name  # noqa: F401

from hygiene.accounts.inventory import Inventory
from hygiene.secret import Secret
from hygiene.vault import (
    KeptFact,
    NotSaved,
    RolledBack,
    Vault,
    VaultCorrupt,
    VaultDocument,
    fileformat,
)
from hygiene.vault.errors import VaultError
from hygiene.vault.keys import KIND_KEYRING, KIND_PASSPHRASE, KeyringKeys, derive_master

STRONG = "tulip ransom glacier oboe"


def document(label: str = "Sam", accounts: int = 1) -> VaultDocument:
    return VaultDocument(
        label=label,
        facts=(KeptFact(kind="name", value="Poppy", label="daughter"),),
        inventory=Inventory.model_validate(
            {"account": [{"label": f"Account {i}"} for i in range(accounts)]}
        ),
    )


@pytest.fixture
def vault(
    tmp_path: Path,
    keyring_backend: Any,  # noqa: F811
    service_name: str,  # noqa: F811
) -> Iterator[Vault]:
    made = Vault(KeyringKeys(keyring_backend, service_name), tmp_path / "home")
    yield made
    made.forget_all()


def fresh(vault: Vault) -> Vault:
    """The same folder and keyring as the next command sees them."""
    keys: Any = vault.keys
    return Vault(KeyringKeys(keys._backend, keys._service), vault.root)


def only_file(vault: Vault) -> Path:
    (path,) = vault.root.glob("*.vault")
    return path


# -- rollback -----------------------------------------------------------------------


def test_an_older_copy_put_back_is_caught_and_kept(vault: Vault, tmp_path: Path) -> None:
    vault.save(document())
    old = tmp_path / "old-copy"
    shutil.copy(only_file(vault), old)
    fresh(vault).save(document(accounts=3))
    shutil.copy(old, only_file(vault))
    with pytest.raises(RolledBack, match="older copy") as caught:
        fresh(vault).load("Sam")
    assert "Poppy" not in str(caught.value)
    with pytest.raises(RolledBack):
        fresh(vault).save(document(accounts=5))  # never written over: it is evidence
    assert only_file(vault).read_bytes() == old.read_bytes()


def test_each_save_moves_the_counter_on(vault: Vault) -> None:
    for accounts in range(1, 4):
        fresh(vault).save(document(accounts=accounts))
    assert len(fresh(vault).load("Sam").inventory.accounts) == 3


def test_a_save_the_keyring_never_heard_of_is_still_opened(vault: Vault) -> None:
    vault.save(document())
    keys: Any = vault.keys
    path = only_file(vault)
    entry = keys._backend.get_password(keys._service, path.stem)
    fresh(vault).save(document(accounts=2))
    keys._backend.set_password(keys._service, path.stem, entry)  # as if it ended mid-save
    assert len(fresh(vault).load("Sam").inventory.accounts) == 2
    fresh(vault).save(document(accounts=4))
    assert len(fresh(vault).load("Sam").inventory.accounts) == 4


# -- a lost index key ----------------------------------------------------------------


def test_forget_finds_the_file_when_the_index_key_is_lost(vault: Vault) -> None:
    vault.save(document("Sam"))
    vault.save(document("Alex"))
    assert vault.keys is not None
    vault.keys.forget_index()
    again = fresh(vault)
    assert again.labels() == ["Alex", "Sam"]
    assert again.load(" sam ").label == "Sam"
    removed = [item.what for item in again.forget("sam")]
    assert removed == ["the saved session 'sam'", "the key of 'sam' in the keyring"]
    assert fresh(vault).labels() == ["Alex"]


def test_a_save_after_the_index_was_lost_keeps_one_file(vault: Vault) -> None:
    vault.save(document("Sam"))
    assert vault.keys is not None
    vault.keys.forget_index()
    fresh(vault).save(document("Sam", accounts=2))
    assert len(list(vault.root.glob("*.vault"))) == 1
    assert len(fresh(vault).load("Sam").inventory.accounts) == 2


# -- passphrases ---------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["a", "password1", "Poppy2019"])
def test_a_weak_passphrase_is_refused_for_a_new_file(tmp_path: Path, phrase: str) -> None:
    with pytest.raises(VaultError, match="too easy to guess") as caught:
        Vault.with_passphrase(Secret(phrase), tmp_path).save(document())
    if len(phrase) > 1:
        assert phrase not in str(caught.value)
    assert list(tmp_path.glob("*.vault")) == []


def test_a_passphrase_built_on_a_known_fact_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="daughter") as caught:
        Vault.with_passphrase(Secret("Poppy " + STRONG), tmp_path).save(document())
    assert "Poppy" not in str(caught.value)


def test_a_strong_passphrase_saves_at_the_new_cost(tmp_path: Path) -> None:
    Vault.with_passphrase(Secret(STRONG), tmp_path).save(document())
    (path,) = tmp_path.glob("*.vault")
    header, _ = fileformat.read_header(path.read_bytes(), "Sam")
    assert header.kdf == fileformat.Kdf(17, 8, 1)
    assert Vault.with_passphrase(Secret(STRONG), tmp_path).load("Sam") == document()


def test_a_planted_scrypt_cost_is_refused_before_any_work(tmp_path: Path) -> None:
    Vault.with_passphrase(Secret(STRONG), tmp_path).save(document())
    (path,) = tmp_path.glob("*.vault")
    blob = bytearray(path.read_bytes())
    blob[7 + 9] = 30  # log2(n): 2^30 would want a terabyte
    path.write_bytes(bytes(blob))
    with pytest.raises(VaultCorrupt, match="damaged"):
        fileformat.read_header(bytes(blob), "Sam")


# -- format 1 files still open -------------------------------------------------------


def format_1(key: bytes, file_id: str, kind: int, plain: bytes, salt: bytes = b"") -> bytes:
    nonce = os.urandom(12)
    header = struct.pack(">4sBBB", b"HYGV", 1, kind, len(salt)) + salt + nonce
    return header + AESGCM(key).encrypt(nonce, plain, header + file_id.encode())


def test_a_format_1_keyring_file_opens_and_is_saved_anew(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    index, key = os.urandom(32), os.urandom(32)
    file_id = hmac.new(index, b"sam", hashlib.sha256).hexdigest()[:32]
    backend.set_password("hygiene", "index", base64.b64encode(index).decode())
    backend.set_password("hygiene", file_id, base64.b64encode(key).decode())
    tmp_path.joinpath(f"{file_id}.vault").write_bytes(
        format_1(key, file_id, KIND_KEYRING, document().model_dump_json().encode())
    )
    vault = Vault(KeyringKeys(backend, "hygiene"), tmp_path)
    assert vault.load("Sam") == document()
    vault.save(document(accounts=2))
    header, _ = fileformat.read_header(only_file(vault).read_bytes(), "Sam")
    assert (header.version, header.counter) == (2, 1)
    assert len(Vault(KeyringKeys(backend, "hygiene"), tmp_path).load("Sam").inventory.accounts) == 2


def test_a_format_1_passphrase_file_opens_and_moves_to_the_new_cost(tmp_path: Path) -> None:
    salt = os.urandom(16)
    tmp_path.joinpath("salt").write_bytes(salt)
    master = derive_master(Secret("correct horse"), salt, fileformat.Kdf(15, 8, 1))
    index = hmac.new(master, b"index", hashlib.sha256).digest()
    file_id = hmac.new(index, b"sam", hashlib.sha256).hexdigest()[:32]
    key = hmac.new(master, f"file:{file_id}".encode(), hashlib.sha256).digest()
    old = tmp_path / f"{file_id}.vault"
    old.write_bytes(
        format_1(key, file_id, KIND_PASSPHRASE, document().model_dump_json().encode(), salt)
    )
    vault = Vault.with_passphrase(Secret("correct horse"), tmp_path)
    assert vault.load("Sam") == document()
    vault.save(document(accounts=2))  # an old file is not refused its old passphrase
    assert not old.exists()
    (path,) = tmp_path.glob("*.vault")
    assert fileformat.read_header(path.read_bytes(), "Sam")[0].kdf == fileformat.Kdf(17, 8, 1)
    again = Vault.with_passphrase(Secret("correct horse"), tmp_path).load("Sam")
    assert len(again.inventory.accounts) == 2


# -- the version byte ----------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 3, 99])
def test_a_changed_version_byte_is_tampering_not_an_update(vault: Vault, version: int) -> None:
    vault.save(document())
    path = only_file(vault)
    blob = bytearray(path.read_bytes())
    blob[4] = version
    path.write_bytes(bytes(blob))
    with pytest.raises(VaultError) as caught:
        fresh(vault).load("Sam")
    assert "Update hygiene" not in str(caught.value)
    assert "changed or damaged" in str(caught.value) or "damaged" in str(caught.value)


def test_a_genuine_newer_file_asks_for_an_update(vault: Vault) -> None:
    vault.save(document())
    path = only_file(vault)
    assert vault.keys is not None
    key = vault.keys.file_key(path.stem, create=False)
    assert key is not None
    path.write_bytes(
        fileformat.seal(b"{}", key, path.stem, kind=KIND_KEYRING, counter=9, version=3)
    )
    with pytest.raises(VaultError, match="Update hygiene"):
        fresh(vault).load("Sam")


# -- sizes and planted files ---------------------------------------------------------


def test_file_sizes_fall_in_buckets(tmp_path: Path) -> None:
    vault = Vault(KeyringKeys(MemoryKeyring(), "hygiene"), tmp_path)
    sizes = set()
    for accounts in (0, 3, 8):
        label = f"Person {accounts}"
        vault.save(document(label, accounts))
        _, file_id = vault._find(label, create=False)
        sizes.add((tmp_path / f"{file_id}.vault").stat().st_size)
    assert len(sizes) == 1, "a few accounts more or less leave the size unchanged"


@pytest.mark.parametrize("planted", ["fifo", "zero"])
def test_a_planted_special_file_is_refused_at_once(vault: Vault, planted: str) -> None:
    vault.save(document())
    path = only_file(vault)
    path.unlink()
    if planted == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    started = time.monotonic()
    with pytest.raises(VaultCorrupt, match="not an ordinary file"):
        fresh(vault).load("Sam")
    assert time.monotonic() - started < 30  # bounded: it used to wait or fill the memory
    with pytest.raises(NotSaved):
        fresh(vault).load("Nobody")
