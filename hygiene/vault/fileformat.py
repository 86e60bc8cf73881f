"""The bytes of a saved file: a small versioned header, then the document sealed with AES-256-GCM.

The header (format version, how the key is kept, a save counter, the passphrase's scrypt
cost and salt if any, the nonce) is authenticated as associated data together with the
file's id, so changing a byte of it, or renaming one person's file to another's id, is
caught as tampering. Nothing in the header is trusted before that check but what is needed
to make it: the scrypt cost is bounded, and an unknown version is only believed once the
file proves genuine. The counter lets the keyring notice an older copy put back. The sealed
document is padded to a size bucket, so a file's size says little about how much it holds.

Format 1 (no counter, no padding, scrypt at 2^15 implied) is still read; files are
written in format 2.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from hygiene.vault.errors import VaultCorrupt, VaultError

MAGIC = b"HYGV"
FORMAT_VERSION = 2
NONCE_BYTES = 12
TAG_BYTES = 16
_V1 = struct.Struct(">4sBBB")  # magic, version, key kind, salt length
_FRAME = struct.Struct(">4sBH")  # magic, version, length of the rest of the header (format 2 on)
_V2 = struct.Struct(">BQBBBB")  # key kind, save counter, scrypt log2(n), r, p, salt length
_LENGTH = struct.Struct(">I")  # the document's length, before the padding
SMALLEST_BUCKET = 4096
DIR_MODE = 0o700


@dataclass(frozen=True)
class Kdf:
    """The scrypt cost a passphrase key was derived with."""

    log2_n: int
    r: int
    p: int


# About 128 MiB and a third of a second, paid once per command (format 1 used 2^15).
SCRYPT_NOW = Kdf(17, 8, 1)
SCRYPT_FORMAT_1 = Kdf(15, 8, 1)
# Read before the file is authenticated, so bounded: a planted header must not make the
# derivation take all memory.
_LOG2_N = range(14, 21)
_R = range(1, 17)
_P = range(1, 5)


@dataclass(frozen=True)
class Header:
    version: int
    kind: int
    counter: int
    kdf: Kdf | None  # None when the key is in the keyring
    salt: bytes
    nonce: bytes
    raw: bytes  # the header's bytes, authenticated with the sealed part


def _damaged(label: str) -> VaultCorrupt:
    return VaultCorrupt(
        f"The saved session '{label}' is damaged and cannot be read. It was left as it is; "
        f"remove it with `hygiene forget {label}` if it is no longer needed."
    )


def read_header(blob: bytes, label: str) -> tuple[Header, int]:
    """The header of ``blob`` and where the sealed part starts; anything odd is ``VaultCorrupt``.

    The header is not yet authenticated: only ``unseal`` says whether it is genuine.
    """
    if len(blob) < _V1.size or blob[:4] != MAGIC:
        raise _damaged(label)
    version = blob[4]
    if version == 1:
        return _read_v1(blob, label)
    if version < 1 or len(blob) < _FRAME.size:
        raise _damaged(label)
    _, _, rest = _FRAME.unpack_from(blob)
    end = _FRAME.size + rest
    if rest < NONCE_BYTES or len(blob) < end + TAG_BYTES:
        raise _damaged(label)
    raw, nonce = blob[:end], blob[end - NONCE_BYTES : end]
    if version != 2:
        # A later format keeps this frame, so the file can still be authenticated first.
        return Header(version, 0, 0, None, b"", nonce, raw), end
    if rest < _V2.size + NONCE_BYTES:
        raise _damaged(label)
    kind, counter, log2_n, r, p, salt_len = _V2.unpack_from(blob, _FRAME.size)
    salt = blob[_FRAME.size + _V2.size : end - NONCE_BYTES]
    if len(salt) != salt_len:
        raise _damaged(label)
    kdf = None
    if salt:
        if log2_n not in _LOG2_N or r not in _R or p not in _P:
            raise _damaged(label)
        kdf = Kdf(log2_n, r, p)
    return Header(version, kind, counter, kdf, salt, nonce, raw), end


def _read_v1(blob: bytes, label: str) -> tuple[Header, int]:
    _, version, kind, salt_len = _V1.unpack_from(blob)
    end = _V1.size + salt_len + NONCE_BYTES
    if len(blob) < end + TAG_BYTES:
        raise _damaged(label)
    salt = blob[_V1.size : _V1.size + salt_len]
    kdf = SCRYPT_FORMAT_1 if salt else None
    return Header(version, kind, 0, kdf, salt, blob[end - NONCE_BYTES : end], blob[:end]), end


def _pad(document: bytes) -> bytes:
    framed = _LENGTH.pack(len(document)) + document
    bucket = SMALLEST_BUCKET
    while bucket < len(framed):
        bucket *= 2
    return framed + bytes(bucket - len(framed))


def _unpad(padded: bytes, label: str) -> bytes:
    if len(padded) < _LENGTH.size:
        raise _damaged(label)
    (length,) = _LENGTH.unpack_from(padded)
    if length > len(padded) - _LENGTH.size:
        raise _damaged(label)
    return padded[_LENGTH.size : _LENGTH.size + length]


def seal(
    document: bytes,
    key: bytes,
    file_id: str,
    *,
    kind: int,
    counter: int,
    kdf: Kdf | None = None,
    salt: bytes = b"",
    version: int = FORMAT_VERSION,
) -> bytes:
    """The file's bytes: ``document`` padded and sealed under ``key``, bound to ``file_id``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cost = kdf or Kdf(0, 0, 0)
    body = _V2.pack(kind, counter, cost.log2_n, cost.r, cost.p, len(salt)) + salt
    nonce = os.urandom(NONCE_BYTES)
    header = _FRAME.pack(MAGIC, version, len(body) + NONCE_BYTES) + body + nonce
    return header + AESGCM(key).encrypt(nonce, _pad(document), header + file_id.encode())


def unseal(blob: bytes, header: Header, start: int, key: bytes, file_id: str, label: str) -> bytes:
    """The document, once the header and the sealed part have proved genuine."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    newer = header.version > FORMAT_VERSION
    try:
        padded = AESGCM(key).decrypt(header.nonce, blob[start:], header.raw + file_id.encode())
    except InvalidTag:
        or_newer = ", or was saved by a newer version of hygiene" if newer else ""
        raise VaultCorrupt(
            f"The saved session '{label}' has been changed or damaged since it was saved, or its "
            f"key is not the one it was saved with{or_newer}, so it cannot be read. "
            "It was left as it is."
        ) from None
    if newer:
        raise VaultError(
            f"The saved session '{label}' was saved by a newer version of hygiene. "
            "Update hygiene to open it; the file was left as it is."
        )
    return padded if header.version == 1 else _unpad(padded, label)


def ensure_dir(path: Path) -> None:
    """The folder of saved sessions, readable by its owner alone even if it was made looser."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        path.chmod(DIR_MODE)
