"""Files the other person may have planted: written whole and privately, read only when ordinary.

Every file hygiene writes (the accounts inventory, a printable page, a saved session and
its salt, a corpus index) goes through ``write_private``. The other person may have had
the computer and left a link where a file is expected, so the data first goes to a fresh
temporary file in the target's folder, created exclusively and without following links
(``tempfile.mkstemp`` opens with ``O_CREAT|O_EXCL|O_NOFOLLOW`` and mode 0600), is flushed
to the disk, then renamed over the target. A rename replaces a link instead of writing
through it; even so, a target that is a link or not a regular file is refused unless the
person has confirmed it may be replaced, since it may point somewhere they did not mean.
``read_regular`` reads a file hygiene itself keeps (a saved session, a corpus range file)
only if it is an ordinary file under a size cap: a pipe would hang the read and a link to
``/dev/zero`` would fill the memory.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from hygiene.errors import HygieneError

FILE_MODE = 0o600


class NotWritten(HygieneError):
    """A file could not be written; whatever was there before is unchanged."""


class DiskFull(NotWritten):
    """The disk could not take the new file; the last copy is unchanged."""


class UnsafeTarget(NotWritten):
    """The target is a link or not a regular file; nothing was written."""


class NotReadable(HygieneError):
    """A file that should be an ordinary one is a link, a pipe, a device or far too large."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is an ordinary file (no link) of at most ``limit`` bytes.

    Raises ``NotReadable`` otherwise, and ``OSError`` (``FileNotFoundError`` ...) as ``open``.
    """
    # O_NONBLOCK: opening a pipe must not wait for a writer that never comes.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotReadable(f"{path.name} is a link, so it was not read.") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"{path.name} is not an ordinary file, so it was not read.")
        chunks = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotReadable(f"{path.name} is over {limit:,} bytes, so it was not read.")
        return b"".join(chunks)
    finally:
        os.close(fd)


def unsafe_reason(path: Path) -> str | None:
    """Why writing at ``path`` needs the person's say-so (a link, a device ...), or ``None``."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"it cannot be looked at ({exc.strerror or 'refused'})"
    if stat.S_ISLNK(info.st_mode):
        return "it is a link to somewhere else"
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder"
    if not stat.S_ISREG(info.st_mode):
        return "it is not an ordinary file"
    return None


def write_private(path: Path, data: bytes, *, replace_unsafe: bool = False) -> None:
    """Replace ``path`` with ``data`` whole, mode 0600; on any failure the old file is untouched.

    A link or a special file at ``path`` is refused (``UnsafeTarget``) unless
    ``replace_unsafe``: then it is replaced by a regular file, never written through.
    """
    reason = unsafe_reason(path)
    if reason and (not replace_unsafe or "folder" in reason):
        raise UnsafeTarget(
            f"Nothing was written to {path.name}: {reason}. Choose another name, or remove it "
            "first if you are sure it is not needed."
        )
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            os.fchmod(fd, FILE_MODE)  # mkstemp's mode already; stated so no umask can widen it
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _not_written(exc) from None
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


def _not_written(exc: OSError) -> NotWritten:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "The disk is full, so this could not be saved. What was saved before is unchanged. "
            "Free some space and save again."
        )
    return NotWritten(
        f"This could not be saved ({exc.strerror or 'the disk refused'}). "
        "What was saved before is unchanged."
    )
