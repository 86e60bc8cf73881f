"""Evidence files: fingerprinted with SHA-256 as they are now, and copied only when chosen.

Only the file's name is recorded, never its folder (a path can say where the person lives
or works). Its size and the time the disk gives it are recorded as they were when it was
added. A copy is read into memory and kept inside the encrypted vault, nowhere else; its
fingerprint is taken from the very bytes kept, so the copy and the record always agree.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hygiene.errors import InputError
from hygiene.log.model import Evidence, IncidentLog

# The vault is rewritten whole at each save; a bigger file is fingerprinted, not copied.
MAX_COPY_BYTES = 25 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Taken:
    """One evidence file as recorded, and its bytes when a copy is to be kept."""

    evidence: Evidence
    copy: bytes | None


def take(path: Path, *, keep_copy: bool) -> Taken:
    """Fingerprint ``path`` (and read it whole to keep a copy, if asked)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"There is no file called {path.name} there.") from None
    except OSError as exc:
        raise InputError(f"The file {path.name} could not be read ({exc.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path.name} is not a file. Give a screenshot, photo or export file.")
    if keep_copy and info.st_size > MAX_COPY_BYTES:
        raise InputError(
            f"{path.name} is too big to keep a copy of here (over "
            f"{MAX_COPY_BYTES // (1024 * 1024)} MB). Add it without a copy: its fingerprint "
            "still proves it later; keep the file itself somewhere safe."
        )
    digest = hashlib.sha256()
    kept = bytearray() if keep_copy else None
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if kept is not None:
                    kept += chunk
    except OSError as exc:
        raise InputError(f"The file {path.name} could not be read ({exc.strerror}).") from None
    evidence = Evidence(
        name=path.name[:255],
        size=size,
        sha256=digest.hexdigest(),
        modified=datetime.fromtimestamp(info.st_mtime, UTC).replace(microsecond=0),
        copy_kept=keep_copy,
    )
    return Taken(evidence, bytes(kept) if kept is not None else None)


def matches(evidence: Evidence, data: bytes) -> bool:
    """Whether ``data`` is, byte for byte, the file ``evidence`` records."""
    return len(data) == evidence.size and hashlib.sha256(data).hexdigest() == evidence.sha256


def _file_name(number: int, name: str) -> str:
    """A name for a copy that cannot leave the folder or hide: no separators, no dot first."""
    cleaned = "".join(ch if ch.isprintable() and ch not in "/\\:" else "_" for ch in name)
    return f"entry-{number}-{cleaned.lstrip('.')[:200] or 'file'}"


def write_copies(log: IncidentLog, folder: Path) -> list[Path]:
    """Write every kept copy into ``folder`` (never over a file there); the paths written.

    Every copy is checked against its fingerprint first: if one does not match, none is
    written, so what comes out is all as it was added.
    """
    chosen: list[tuple[Path, bytes]] = []
    for entry in log.entries:
        for item in entry.evidence:
            data = log.copies.get(item.sha256)
            if data is None:
                continue
            if not matches(item, data):
                raise InputError(
                    f"The kept copy of {item.name} in entry {entry.number} does not match its "
                    "fingerprint, so no copy was written."
                )
            chosen.append((folder / _file_name(entry.number, item.name), data))
    for path, data in chosen:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # "x": never over a file, nor through a link, already there.
            with path.open("xb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(data)
        except FileExistsError:
            raise InputError(
                f"{path.name} is already in that folder; choose an empty folder."
            ) from None
        except OSError as exc:
            raise InputError(f"{path.name} could not be written ({exc.strerror}).") from None
    return [path for path, _ in chosen]
