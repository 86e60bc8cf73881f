"""Where the keys of saved sessions live: the operating system's keyring, or a passphrase.

Each saved file has its own random 256-bit key, kept in the keyring under the service
``hygiene`` and the file's opaque id, so the keyring says no more than the disk does. One
more random key (entry ``index``) turns the label the worker picks into that opaque id
with a keyed hash, so nobody reading the disk or the keyring can tell whose file is whose
or even test a guessed name. A keyring that would not keep a key safe (the "fail" and
"null" backends, or one that writes it to a file in clear) is refused with what to do
instead. Each file's entry also keeps the counter of its last save, so an older copy of
the file put back is noticed. Where no keyring can serve, the worker may choose a
passphrase: the same two keys are then derived from it with scrypt and nothing is stored
at all (so nothing can notice an older copy put back); a new file is refused a passphrase
that hygiene's own strength check finds weak or built from the person's facts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from hygiene.availability import Availability
from hygiene.secret import Secret
from hygiene.vault.errors import KeyringUnusable, VaultCorrupt, VaultError
from hygiene.vault.fileformat import SCRYPT_FORMAT_1, SCRYPT_NOW, Kdf

if TYPE_CHECKING:
    from hygiene.facts.model import Facts

SERVICE = "hygiene"
# Tests point this elsewhere so they never touch a real keyring's entries.
SERVICE_ENV = "HYGIENE_KEYRING_SERVICE"
INDEX_ENTRY = "index"
KEY_BYTES = 32

KIND_KEYRING = 1
KIND_PASSPHRASE = 2

SALT_BYTES = 16

HOW_TO_FIX = (
    "To keep a session, unlock or set up this computer's keyring (GNOME Keyring or KWallet "
    "on Linux, Keychain on a Mac, Credential Manager on Windows), or choose a passphrase "
    "instead (--passphrase). Anything saved before is unchanged."
)


class KeyStore(Protocol):
    """Gives the keys for one kind of protection; ``kind`` is written in each file's header."""

    kind: int
    kdf: Kdf | None  # the scrypt cost written in a new file's header
    salt: bytes

    def index_keys(self, *, create: bool) -> Iterator[bytes]:
        """The keys that turn labels into file ids: new files use the first, older ones may
        have used the rest; none if there is none yet."""

    def file_key(self, file_id: str, *, create: bool, kdf: Kdf | None = None) -> bytes | None:
        """The key of one file (``kdf``: the cost in its header); ``None`` if there is none."""

    def counter(self, file_id: str) -> int | None:
        """The counter of the file's last save as kept with its key; ``None`` if none is kept."""

    def set_counter(self, file_id: str, counter: int) -> None:
        """Keep ``counter`` with the file's key (nothing where nothing can be kept)."""

    def vet_new(self, facts: Facts) -> None:
        """Refuse to start a new file under this protection, if it is too weak for ``facts``."""

    def forget(self, file_id: str) -> bool:
        """Remove the key of one file; whether there was one."""

    def forget_index(self) -> bool:
        """Remove the index key; whether there was one."""


def _refusal(backend: Any) -> str | None:
    """Why ``backend`` cannot keep a key safely, or ``None`` if it can."""
    from keyring.backends import fail, null
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        chained = list(backend.backends)
        # A chain writes to its first member; empty, it is the fail backend in disguise.
        return _refusal(chained[0]) if chained else "no keyring was found on this computer"
    if isinstance(backend, fail.Keyring):
        return "no keyring was found on this computer"
    if isinstance(backend, null.Keyring):
        return "the keyring is switched off (the 'null' keyring is set)"
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if "plaintext" in name or "uncrypted" in name:
        return "the keyring set up here writes keys to a file in clear"
    return None


def _wrap(exc: Exception) -> VaultError:
    from keyring.errors import KeyringLocked

    if isinstance(exc, KeyringLocked):
        return KeyringUnusable(f"The keyring is locked. Unlock it and try again. {HOW_TO_FIX}")
    return KeyringUnusable(f"The keyring could not be used. {HOW_TO_FIX}")


class KeyringKeys:
    """Keys kept in the operating system's keyring (or a backend given for tests).

    A file's entry is its key in base64, then ``:`` and the counter of its last save
    (entries written before counters were kept have none: 0).
    """

    kind = KIND_KEYRING
    kdf: Kdf | None = None
    salt = b""

    def __init__(self, backend: Any | None = None, service: str | None = None) -> None:
        import keyring

        self._service = service or os.environ.get(SERVICE_ENV) or SERVICE
        # Each keyring call can be a D-Bus round trip; one command asks for an entry once.
        self._cache: dict[str, tuple[bytes, int]] = {}
        self._backend = backend if backend is not None else keyring.get_keyring()
        reason = _refusal(self._backend)
        if reason:
            raise KeyringUnusable(
                f"This computer cannot keep the key safely: {reason}. {HOW_TO_FIX}"
            )

    def _get(self, entry: str) -> tuple[bytes, int] | None:
        if entry in self._cache:
            return self._cache[entry]
        try:
            stored = self._backend.get_password(self._service, entry)
        except Exception as exc:  # every backend fails its own way; all mean no key now
            raise _wrap(exc) from None
        if stored is None:
            return None
        encoded, _, count = stored.partition(":")
        try:
            key = base64.b64decode(encoded, validate=True)
            counter = int(count) if count else 0
        except ValueError:
            key, counter = b"", 0
        if len(key) != KEY_BYTES or counter < 0:
            raise KeyringUnusable("A key in the keyring has been changed and cannot be used.")
        self._cache[entry] = (key, counter)
        return key, counter

    def _set(self, entry: str, key: bytes, counter: int) -> None:
        value = base64.b64encode(key).decode() + (f":{counter}" if counter else "")
        try:
            self._backend.set_password(self._service, entry, value)
        except Exception as exc:  # every backend fails its own way; all mean no key now
            raise _wrap(exc) from None
        self._cache[entry] = (key, counter)

    def _get_or_create(self, entry: str, create: bool) -> bytes | None:
        kept = self._get(entry)
        if kept is not None:
            return kept[0]
        if not create:
            return None
        key = secrets.token_bytes(KEY_BYTES)
        self._set(entry, key, 0)
        return key

    def _delete(self, entry: str) -> bool:
        from keyring.errors import PasswordDeleteError

        self._cache.pop(entry, None)
        try:
            if self._backend.get_password(self._service, entry) is None:
                return False
            self._backend.delete_password(self._service, entry)
        except PasswordDeleteError:
            return False
        except Exception as exc:  # every backend fails its own way; all mean no key now
            raise _wrap(exc) from None
        return True

    def index_keys(self, *, create: bool) -> Iterator[bytes]:
        key = self._get_or_create(INDEX_ENTRY, create)
        if key is not None:
            yield key

    def file_key(self, file_id: str, *, create: bool, kdf: Kdf | None = None) -> bytes | None:
        return self._get_or_create(file_id, create)

    def counter(self, file_id: str) -> int | None:
        kept = self._get(file_id)
        return None if kept is None else kept[1]

    def set_counter(self, file_id: str, counter: int) -> None:
        kept = self._get(file_id)
        if kept is not None and kept[1] != counter:
            self._set(file_id, kept[0], counter)

    def vet_new(self, facts: Facts) -> None:
        return None  # the key is random: nothing to be guessed

    def forget(self, file_id: str) -> bool:
        return self._delete(file_id)

    def forget_index(self) -> bool:
        return self._delete(INDEX_ENTRY)


def derive_master(passphrase: Secret, salt: bytes, kdf: Kdf = SCRYPT_NOW) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise VaultError("The passphrase is empty. Choose one you will remember.")
    scrypt = Scrypt(salt=salt, length=KEY_BYTES, n=2**kdf.log2_n, r=kdf.r, p=kdf.p)
    return scrypt.derive(passphrase.reveal().encode("utf-8"))


class PassphraseKeys:
    """Keys derived from a passphrase and this computer's salt; nothing is kept anywhere.

    A wrong passphrase cannot be told apart from a label with nothing saved under it: the
    label is hashed with a key from the passphrase, so it finds no file. Files saved at an
    older scrypt cost are found and opened with that cost, derived only when needed.
    """

    kind = KIND_PASSPHRASE
    kdf: Kdf | None = SCRYPT_NOW

    def __init__(self, passphrase: Secret, salt: bytes) -> None:
        if not passphrase:
            raise VaultError("The passphrase is empty. Choose one you will remember.")
        self._passphrase = passphrase
        self._masters: dict[Kdf, bytes] = {SCRYPT_NOW: derive_master(passphrase, salt)}
        self.salt = salt

    def _sub(self, purpose: str, kdf: Kdf) -> bytes:
        if kdf not in self._masters:
            self._masters[kdf] = derive_master(self._passphrase, self.salt, kdf)
        return hmac.new(self._masters[kdf], purpose.encode(), hashlib.sha256).digest()

    def index_keys(self, *, create: bool) -> Iterator[bytes]:
        for kdf in (SCRYPT_NOW, SCRYPT_FORMAT_1):
            yield self._sub("index", kdf)

    def file_key(self, file_id: str, *, create: bool, kdf: Kdf | None = None) -> bytes | None:
        return self._sub(f"file:{file_id}", kdf or SCRYPT_NOW)

    def counter(self, file_id: str) -> int | None:
        return None

    def set_counter(self, file_id: str, counter: int) -> None:
        return None

    def vet_new(self, facts: Facts) -> None:
        from hygiene.strength import Level, assess

        assessment = assess(self._passphrase, facts)
        personal = assessment.targeted.personal_parts
        if assessment.verdict.level is Level.weak:
            why = assessment.verdict.sentence
        elif personal:
            # Strong against a stranger, but it hands the other person part of the answer.
            why = f"it contains {', '.join(part.label for part in personal)}."
        else:
            return
        raise VaultError(
            f"That passphrase is too easy to guess: {why} Nothing was saved. Choose a "
            "longer one of random words (hygiene suggest makes some), or use the keyring."
        )

    def forget(self, file_id: str) -> bool:
        return False

    def forget_index(self) -> bool:
        return False


def load_salt(path: Path) -> bytes | None:
    """This computer's passphrase salt, if it has one; it only stops precomputed guessing."""
    try:
        salt = path.read_bytes()
    except FileNotFoundError:
        return None
    if len(salt) != SALT_BYTES:
        raise VaultCorrupt(
            f"The file {path.name} in the saved-sessions folder is damaged, so sessions saved "
            "with a passphrase cannot be opened. It was left as it is."
        )
    return salt


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def _name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}".removeprefix("keyring.backends.")


def keyring_options() -> list[Availability]:
    """Every keyring backend this computer offers, the one in use, and why others are refused."""
    import keyring
    from keyring.backend import get_all_keyring
    from keyring.backends.chainer import ChainerBackend

    active = keyring.get_keyring()
    others = [
        b
        for b in get_all_keyring()
        if type(b) is not type(active) and not isinstance(b, ChainerBackend)
    ]
    options = []
    for backend in [active, *others]:
        reason = _refusal(backend)
        detail = f"cannot keep keys safely: {reason}" if reason else "keeps keys safely"
        chosen = backend is active and reason is None
        options.append(Availability(_name(backend), reason is None, detail, chosen=chosen))
    options.append(
        Availability(
            "passphrase (scrypt)",
            True,
            "used only when chosen (--passphrase); nothing is stored but a salt",
        )
    )
    return options
