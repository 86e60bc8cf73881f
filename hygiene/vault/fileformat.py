"""The bytes of a saved file: a small versioned header, then the document sealed with AES-256-GCM.

The header (format version, how the key is kept, the passphrase salt if any, the nonce)
is authenticated as associated data together with the file's id, so changing a byte of
it, or renaming one person's file to another's id, is caught as tampering. Files are
written whole or not at all: a temporary file in the same folder, flushed to the disk,
then renamed over the old one, so a full disk or a crash leaves the last saved copy as it
was.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from hygiene.vault.errors import DiskFull, VaultCorrupt, VaultError

MAGIC = b"HYGV"
FORMAT_VERSION = 1
NONCE_BYTES = 12
_FIXED = struct.Struct(">4sBBB")  # magic, version, key kind, salt length
FILE_MODE = 0o600
DIR_MODE = 0o700


@dataclass(frozen=True)
class Header:
    version: int
    kind: int
    salt: bytes
    nonce: bytes

    def pack(self) -> bytes:
        return _FIXED.pack(MAGIC, self.version, self.kind, len(self.salt)) + self.salt + self.nonce


def read_header(blob: bytes, label: str) -> tuple[Header, int]:
    """The header of ``blob`` and where the sealed part starts; anything odd is ``VaultCorrupt``."""
    damaged = VaultCorrupt(
        f"The saved session '{label}' is damaged and cannot be read. It was left as it is; "
        f"remove it with `hygiene forget {label}` if it is no longer needed."
    )
    if len(blob) < _FIXED.size or blob[:4] != MAGIC:
        raise damaged
    _, version, kind, salt_len = _FIXED.unpack_from(blob)
    if version > FORMAT_VERSION:
        raise VaultError(
            f"The saved session '{label}' was saved by a newer version of hygiene. "
            "Update hygiene to open it; the file was left as it is."
        )
    end = _FIXED.size + salt_len + NONCE_BYTES
    if version < 1 or len(blob) < end + 16:
        raise damaged
    salt = blob[_FIXED.size : _FIXED.size + salt_len]
    return Header(version, kind, salt, blob[end - NONCE_BYTES : end]), end


def seal(plaintext: bytes, key: bytes, file_id: str, kind: int, salt: bytes = b"") -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = Header(FORMAT_VERSION, kind, salt, os.urandom(NONCE_BYTES)).pack()
    return header + AESGCM(key).encrypt(header[-NONCE_BYTES:], plaintext, header + file_id.encode())


def unseal(blob: bytes, key: bytes, file_id: str, label: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, start = read_header(blob, label)
    try:
        return AESGCM(key).decrypt(header.nonce, blob[start:], blob[:start] + file_id.encode())
    except InvalidTag:
        raise VaultCorrupt(
            f"The saved session '{label}' has been changed or damaged since it was saved, or its "
            "key is not the one it was saved with, so it cannot be read. It was left as it is."
        ) from None


def ensure_dir(path: Path) -> None:
    """The folder of saved sessions, readable by its owner alone even if it was made looser."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        path.chmod(DIR_MODE)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole, mode 0600; on any failure the old file is untouched."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _not_saved(exc) from None
    finally:
        # Also on Ctrl-C mid-write: no half-written temporary file is left behind.
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)
    # The rename itself must reach the disk too.
    with suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _not_saved(exc: OSError) -> VaultError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "The disk is full, so this could not be saved. What was saved before is unchanged. "
            "Free some space and save again."
        )
    return VaultError(
        f"This could not be saved ({exc.strerror or 'the disk refused'}). "
        "What was saved before is unchanged."
    )
