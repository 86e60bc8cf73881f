"""What a saved session may hold: never a password, whatever is put in."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from vault_support import MemoryKeyring

from hygiene.secret import Secret
from hygiene.vault import KeptFact, Vault, VaultCorrupt, VaultDocument, VaultError
from hygiene.vault.document import KEPT_KINDS
from hygiene.vault.fileformat import Kdf, read_header, seal, unseal
from hygiene.vault.keys import KeyringKeys
from hygiene.vault.store import clean_label

PASSWORD_WORDS = ("password", "passwd", "passphrase", "secret", "pin", "credential")


def _fields(schema: Any) -> list[tuple[str, Any]]:
    """Every (name, schema) of every property of every model in ``schema``."""
    found: list[tuple[str, Any]] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found.extend(value.items())
            found.extend(_fields(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_fields(value))
    return found


def test_the_stored_model_has_no_field_for_a_password() -> None:
    fields = _fields(VaultDocument.model_json_schema())
    names = [name for name, _ in fields]
    assert "facts" in names and "recovery_phones" in names  # the walk reaches nested models
    for name, schema in fields:
        if any(word in name.lower() for word in PASSWORD_WORDS):
            # Only a yes/no/maybe about a password ("does the other person know it?"), never text.
            assert set(schema.get("enum", [])) == {"yes", "no", "maybe"}, name


def test_an_old_password_cannot_be_kept_as_a_fact() -> None:
    assert all("password" not in kind for kind in KEPT_KINDS)
    with pytest.raises(ValidationError):
        KeptFact(kind="old_password", value="Fluffy2019!")  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["password", "old_password", "passphrase"])
def test_no_model_takes_a_password_slipped_in(field: str) -> None:
    with pytest.raises(ValidationError):
        VaultDocument.model_validate({"label": "Sam", field: "Fluffy2019!"})
    with pytest.raises(ValidationError):
        VaultDocument.model_validate(
            {"label": "Sam", "inventory": {"account": [{"label": "Gmail", field: "Fluffy2019!"}]}}
        )
    with pytest.raises(ValidationError):
        VaultDocument.model_validate(
            {
                "label": "Sam",
                "inventory": {
                    "account": [{"label": "Gmail", "password_known_to_them": "Fluffy2019!"}]
                },
            }
        )


def test_a_secret_object_is_refused_not_unwrapped() -> None:
    with pytest.raises(ValidationError):
        VaultDocument.model_validate(
            {"label": "Sam", "facts": [{"kind": "word", "value": Secret("Fluffy2019!")}]}
        )


def opened(blob: bytes) -> bytes:
    header, start = read_header(blob, "Sam")
    return unseal(blob, header, start, b"k" * 32, "id", "Sam")


@settings(deadline=None)  # a loaded CI machine is slow, not wrong
@given(st.binary(max_size=200))
def test_any_bytes_read_as_a_vault_are_an_error_never_a_crash(blob: bytes) -> None:
    with contextlib.suppress(VaultError):
        opened(blob)


@settings(deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=5000))
def test_any_one_changed_byte_is_caught(plaintext: bytes, where: int) -> None:
    sealed = bytearray(seal(plaintext, b"k" * 32, "id", kind=1, counter=3))
    assert opened(bytes(sealed)) == plaintext
    sealed[where % len(sealed)] ^= 0x80
    with pytest.raises(VaultError):
        opened(bytes(sealed))


def test_the_header_is_read_back_as_written() -> None:
    cost = Kdf(17, 8, 1)
    sealed = seal(b"{}", b"k" * 32, "id", kind=2, counter=7, kdf=cost, salt=b"s" * 16)
    header, start = read_header(sealed, "Sam")
    assert (header.version, header.kind, header.counter) == (2, 2, 7)
    assert (header.kdf, header.salt) == (cost, b"s" * 16)
    assert start == 4 + 3 + 13 + 16 + 12
    with pytest.raises(VaultCorrupt):
        read_header(sealed[:start], "Sam")


@settings(deadline=None, max_examples=60)
@given(st.text(min_size=1, max_size=120))
def test_any_label_is_kept_under_an_opaque_name_or_refused_plainly(label: str) -> None:
    try:
        shown = clean_label(label)
    except VaultError:
        return
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault(KeyringKeys(MemoryKeyring(), "hygiene"), Path(folder))
        vault.save(VaultDocument(label=shown))
        (path,) = Path(folder).glob("*.vault")
        assert len(path.stem) == 32 and all(c in "0123456789abcdef" for c in path.stem)
        assert vault.load(label).label == shown
