"""Where the keys of saved sessions live: the operating system's keyring, or a passphrase.

Each saved file has its own random 256-bit key, kept in the keyring under the service
``hygiene`` and the file's opaque id, so the keyring says no more than the disk does. One
more random key (entry ``index``) turns the label the worker picks into that opaque id
with a keyed hash, so nobody reading the disk or the keyring can tell whose file is whose
or even test a guessed name. A keyring that would not keep a key safe (the "fail" and
"null" backends, or one that writes it to a file in clear) is refused with what to do
instead. Where no keyring can serve, the worker may choose a passphrase: the same two
keys are then derived from it with scrypt and nothing is stored at all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any, Protocol

from hygiene.availability import Availability
from hygiene.secret import Secret
from hygiene.vault.errors import KeyringUnusable, VaultCorrupt, VaultError

SERVICE = "hygiene"
# Tests point this elsewhere so they never touch a real keyring's entries.
SERVICE_ENV = "HYGIENE_KEYRING_SERVICE"
INDEX_ENTRY = "index"
KEY_BYTES = 32

KIND_KEYRING = 1
KIND_PASSPHRASE = 2

# scrypt cost: about 32 MiB and a tenth of a second, paid once per command.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16

HOW_TO_FIX = (
    "To keep a session, unlock or set up this computer's keyring (GNOME Keyring or KWallet "
    "on Linux, Keychain on a Mac, Credential Manager on Windows), or choose a passphrase "
    "instead (--passphrase). Anything saved before is unchanged."
)


class KeyStore(Protocol):
    """Gives the keys for one kind of protection; ``kind`` is written in each file's header."""

    kind: int

    def index_key(self, *, create: bool) -> bytes | None:
        """The key that turns labels into file ids; ``None`` if there is none yet."""

    def file_key(self, file_id: str, *, create: bool) -> bytes | None:
        """The key of one file; ``None`` if there is none."""

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
    """Keys kept in the operating system's keyring (or a backend given for tests)."""

    kind = KIND_KEYRING

    def __init__(self, backend: Any | None = None, service: str | None = None) -> None:
        import keyring

        self._service = service or os.environ.get(SERVICE_ENV) or SERVICE
        # Each keyring call can be a D-Bus round trip; one command asks for a key once.
        self._cache: dict[str, bytes] = {}
        self._backend = backend if backend is not None else keyring.get_keyring()
        reason = _refusal(self._backend)
        if reason:
            raise KeyringUnusable(
                f"This computer cannot keep the key safely: {reason}. {HOW_TO_FIX}"
            )

    def _get(self, entry: str) -> bytes | None:

        if entry in self._cache:
            return self._cache[entry]
        try:
            stored = self._backend.get_password(self._service, entry)
        except Exception as exc:  # every backend fails its own way; all mean no key now
            raise _wrap(exc) from None
        if stored is None:
            return None
        try:
            key = base64.b64decode(stored, validate=True)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise KeyringUnusable("A key in the keyring has been changed and cannot be used.")
        self._cache[entry] = key
        return key

    def _get_or_create(self, entry: str, create: bool) -> bytes | None:

        key = self._get(entry)
        if key is None and create:
            key = secrets.token_bytes(KEY_BYTES)
            try:
                self._backend.set_password(self._service, entry, base64.b64encode(key).decode())
            except Exception as exc:  # every backend fails its own way; all mean no key now
                raise _wrap(exc) from None
            self._cache[entry] = key
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

    def index_key(self, *, create: bool) -> bytes | None:
        return self._get_or_create(INDEX_ENTRY, create)

    def file_key(self, file_id: str, *, create: bool) -> bytes | None:
        return self._get_or_create(file_id, create)

    def forget(self, file_id: str) -> bool:
        return self._delete(file_id)

    def forget_index(self) -> bool:
        return self._delete(INDEX_ENTRY)


def derive_master(passphrase: Secret, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise VaultError("The passphrase is empty. Choose one you will remember.")
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.reveal().encode("utf-8"))


class PassphraseKeys:
    """Keys derived from a passphrase and this computer's salt; nothing is kept anywhere.

    A wrong passphrase cannot be told apart from a label with nothing saved under it: the
    label is hashed with a key from the passphrase, so it finds no file.
    """

    kind = KIND_PASSPHRASE

    def __init__(self, passphrase: Secret, salt: bytes) -> None:
        self._master = derive_master(passphrase, salt)
        self.salt = salt

    def _sub(self, purpose: str) -> bytes:
        return hmac.new(self._master, purpose.encode(), hashlib.sha256).digest()

    def index_key(self, *, create: bool) -> bytes | None:
        return self._sub("index")

    def file_key(self, file_id: str, *, create: bool) -> bytes | None:
        return self._sub(f"file:{file_id}")

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
