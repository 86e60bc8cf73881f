"""The vault: one encrypted file per person, found by the worker's label, forgotten in one step.

Files live in the user's data folder (or ``HYGIENE_HOME``), each named by an opaque id
that is a keyed hash of the label, so the folder lists nothing but random-looking names.
Saving never replaces a file it cannot read (a damaged file, an older copy put back, or
one whose key is gone), so nothing already saved is lost by a save; only ``forget``
removes, and it says what it removed. Should the keyring lose the key that hides the
labels, each file is still found by opening it and reading the label inside.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from hygiene import safefile
from hygiene.safefile import NotReadable, read_regular
from hygiene.secret import Secret
from hygiene.vault.document import VaultDocument
from hygiene.vault.errors import (
    DiskFull,
    KeyMissing,
    NotSaved,
    RolledBack,
    VaultCorrupt,
    VaultError,
)
from hygiene.vault.fileformat import ensure_dir, read_header, seal, unseal
from hygiene.vault.keys import (
    KIND_PASSPHRASE,
    KeyringKeys,
    KeyStore,
    PassphraseKeys,
    load_salt,
    new_salt,
)

SUFFIX = ".vault"
SALT_FILE = "salt"
MAX_LABEL = 100
# Far above any real session (8,000 accounts is about 2 MB, an evidence copy at most 25 MB
# as base64 in the document); a planted giant is not read into memory.
MAX_FILE_BYTES = 2 << 30


def home() -> Path:
    """Where saved sessions live: ``HYGIENE_HOME`` if set, else the user's data folder."""
    chosen = os.environ.get("HYGIENE_HOME")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("hygiene", appauthor=False))


def clean_label(label: str) -> str:
    """The label as it will be shown; refuses empty, over-long and control characters."""
    shown = " ".join(label.split())
    if not shown:
        raise VaultError("Give the session a name (a first name or a code is enough).")
    if len(shown) > MAX_LABEL:
        raise VaultError(f"Keep the name under {MAX_LABEL} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in shown):
        raise VaultError("The name has a character that cannot be used; use letters and numbers.")
    return shown


@dataclass(frozen=True)
class Removed:
    """One thing ``forget`` removed, said without naming anything it could not read."""

    what: str


class Vault:
    """Saved sessions under ``root``, their keys in ``keys`` (or none: then only ``forget_all``)."""

    def __init__(self, keys: KeyStore | None, root: Path | None = None) -> None:
        self.keys = keys
        self.root = root or home()

    @classmethod
    def with_keyring(cls, root: Path | None = None, backend: object | None = None) -> Vault:
        return cls(KeyringKeys(backend), root)

    @classmethod
    def with_passphrase(cls, passphrase: Secret, root: Path | None = None) -> Vault:
        root = root or home()
        salt = load_salt(root / SALT_FILE) or _salt_from_files(root)
        if salt is None:
            salt = new_salt()
        if not (root / SALT_FILE).exists():
            ensure_dir(root)
            _write(root / SALT_FILE, salt)
        return cls(PassphraseKeys(passphrase, salt), root)

    # -- finding files --------------------------------------------------------------

    def _keys(self) -> KeyStore:
        if self.keys is None:
            raise VaultError("No key is available to open saved sessions.")
        return self.keys

    def _find(self, label: str, *, create: bool) -> tuple[str | None, str | None]:
        """Where a new save of ``label`` goes, and where its file is now (``None``: nowhere).

        They differ when the file was saved at an older passphrase cost, or before the
        keyring lost the key that hides labels: then the file is found by opening each one.
        """
        name = clean_label(label).casefold().encode()
        target = None
        for index in self._keys().index_keys(create=create):
            file_id = hmac.new(index, name, hashlib.sha256).hexdigest()[:32]
            target = target or file_id
            if self._path(file_id).exists():
                return target, file_id
        found = next(
            (path.stem for path, doc in self._opened() if _same(doc.label, name.decode())),
            None,
        )
        return target, found

    def _path(self, file_id: str) -> Path:
        return self.root / f"{file_id}{SUFFIX}"

    def _files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(self.root.glob(f"*{SUFFIX}"))

    def exists(self, label: str) -> bool:
        return self._find(label, create=False)[1] is not None

    # -- reading and writing ---------------------------------------------------------

    def _not_saved(self, label: str) -> NotSaved:
        hint = (
            " If it was saved with a passphrase, check the passphrase."
            if self._keys().kind == KIND_PASSPHRASE
            else ""
        )
        return NotSaved(f"Nothing is saved under '{clean_label(label)}' on this computer.{hint}")

    def _read(self, file_id: str, label: str) -> tuple[VaultDocument, int]:
        """The document in ``file_id``'s file and the counter of its save."""
        path = self._path(file_id)
        try:
            blob = read_regular(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            raise self._not_saved(label) from None
        except NotReadable:
            raise VaultCorrupt(
                f"The saved session '{label}' is not an ordinary file, or is far too large, so "
                "it was not read. It was left as it is."
            ) from None
        except OSError as exc:
            raise VaultError(
                f"The saved session '{label}' could not be read ({exc.strerror})."
            ) from None
        header, start = read_header(blob, label)
        keys = self._keys()
        key = keys.file_key(file_id, create=False, kdf=header.kdf)
        if key is None:
            raise KeyMissing(
                f"The key for '{label}' is not in this computer's keyring, so it cannot be opened. "
                "It may have been saved by another user or before the keyring was reset. "
                "The file was left as it is."
            )
        plaintext = unseal(blob, header, start, key, file_id, label)
        kept = keys.counter(file_id)
        if kept is not None and header.counter < kept:
            raise RolledBack(
                f"The saved session '{label}' is an older copy than the one last saved on this "
                "computer: someone may have put an old file back. It was not opened and was "
                f"left as it is. If that is unexpected, keep it as evidence; `hygiene forget "
                f"{label}` removes it."
            )
        if kept is not None and header.counter > kept:
            keys.set_counter(file_id, header.counter)  # a save ended before the keyring heard
        try:
            return VaultDocument.model_validate_json(plaintext), header.counter
        except ValidationError:
            raise VaultCorrupt(
                f"The saved session '{label}' could not be understood. It was left as it is."
            ) from None

    def load(self, label: str) -> VaultDocument:
        shown = clean_label(label)
        _, file_id = self._find(shown, create=False)
        if file_id is None:
            raise self._not_saved(shown)
        return self._read(file_id, shown)[0]

    def save(self, document: VaultDocument) -> None:
        """Write ``document`` under its label, whole or not at all."""
        keys = self._keys()
        label = clean_label(document.label)
        file_id, existing = self._find(label, create=True)
        assert file_id is not None
        if existing is not None:
            # Never replace what cannot be read: it may be all that is left of a meeting.
            counter = self._read(existing, label)[1] + 1
        else:
            keys.vet_new(document.checkable_facts())
            counter = 1
        key = keys.file_key(file_id, create=True)
        assert key is not None
        data = seal(
            document.model_dump_json().encode(),
            key,
            file_id,
            kind=keys.kind,
            counter=counter,
            kdf=keys.kdf,
            salt=keys.salt,
        )
        ensure_dir(self.root)
        try:
            _write(self._path(file_id), data)
        except VaultError:
            if existing is None:
                keys.forget(file_id)
            raise
        # After the file: a keyring ahead of the disk would call the last good copy old.
        keys.set_counter(file_id, counter)
        if existing is not None and existing != file_id:
            self._path(existing).unlink(missing_ok=True)
            keys.forget(existing)

    def _opened(self) -> list[tuple[Path, VaultDocument]]:
        """Every file these keys can open, with its document."""
        opened = [(path, self._try_read(path)) for path in self._files()]
        return [(path, doc) for path, doc in opened if doc is not None]

    def kept(self) -> list[VaultDocument]:
        """Every session these keys can open, by label."""
        return sorted((doc for _, doc in self._opened()), key=lambda doc: doc.label.casefold())

    def labels(self) -> list[str]:
        return [document.label for document in self.kept()]

    def _try_read(self, path: Path) -> VaultDocument | None:
        if self.keys is None:
            return None
        try:
            return self._read(path.stem, path.stem)[0]
        except VaultError:
            return None

    # -- forgetting ------------------------------------------------------------------

    def forget(self, label: str) -> list[Removed]:
        """Remove the file and key saved under ``label``; what was removed (empty: nothing)."""
        shown = clean_label(label)
        _, file_id = self._find(shown, create=False)
        if file_id is None:
            return []
        removed = []
        path = self._path(file_id)
        if path.exists():
            document = self._try_read(path)
            path.unlink()
            removed.append(Removed(f"the saved session '{shown}'{_with_log(document)}"))
        if self._keys().forget(file_id):
            removed.append(Removed(f"the key of '{shown}' in the keyring"))
        return removed

    def forget_all(self) -> list[Removed]:
        """Remove every saved session, every key and the folder; what was removed."""
        removed: list[Removed] = []
        for path in self._files():
            document = self._try_read(path)
            kind = _kind(path)
            if document is not None:
                name = f"the saved session '{document.label}'{_with_log(document)}"
            elif kind == KIND_PASSPHRASE:
                name = "a saved session protected by a passphrase"
            else:
                name = "a saved session that could not be opened"
            path.unlink()
            removed.append(Removed(name))
            if self.keys is not None and self.keys.forget(path.stem):
                label = f"'{document.label}'" if document else "a saved session"
                removed.append(Removed(f"the key of {label} in the keyring"))
        if self.keys is not None and self.keys.forget_index():
            removed.append(Removed("the key that hides the names of saved sessions"))
        if self.root.is_dir():
            for leftover in [self.root / SALT_FILE, *self.root.glob(".tmp-*")]:
                if leftover.exists():
                    leftover.unlink()
            if not any(self.root.iterdir()):
                self.root.rmdir()
                removed.append(Removed(f"the folder {self.root.name}"))
        return removed


def _write(path: Path, data: bytes) -> None:
    """``safefile.write_private``, its failures said as the vault's own."""
    try:
        safefile.write_private(path, data)
    except safefile.DiskFull as exc:
        raise DiskFull(str(exc)) from None
    except safefile.NotWritten as exc:
        raise VaultError(str(exc)) from None


def _same(label: str, wanted: str) -> bool:
    return " ".join(label.split()).casefold() == wanted


def _with_log(document: VaultDocument | None) -> str:
    """What of the incident log went with a file, so nobody loses evidence unawares."""
    if document is None or not document.log.entries:
        return ""
    count, copies = len(document.log.entries), len(document.log.copies)
    kept = f" and {copies} evidence cop{'y' if copies == 1 else 'ies'}" if copies else ""
    return f", with its incident log of {count} entr{'y' if count == 1 else 'ies'}{kept}"


def _kind(path: Path) -> int | None:
    try:
        header, _ = read_header(read_regular(path, MAX_FILE_BYTES), path.stem)
    except (VaultError, NotReadable, OSError):
        return None
    return header.kind


def _salt_from_files(root: Path) -> bytes | None:
    """The salt written in a passphrase file's header, should the salt file have been lost."""
    if not root.is_dir():
        return None
    for path in sorted(root.glob(f"*{SUFFIX}")):
        try:
            header, _ = read_header(read_regular(path, MAX_FILE_BYTES), path.stem)
        except (VaultError, NotReadable, OSError):
            continue
        if header.kind == KIND_PASSPHRASE and header.salt:
            return header.salt
    return None
