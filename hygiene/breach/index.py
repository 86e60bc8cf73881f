"""The corpus index: where each 5-hex-character range of the ordered file starts.

``hygiene corpus index PATH`` reads the whole file once, verifying it on the way (an index
is only written for a file with no problems), and writes ``PATH.hygiene-index`` beside it:
1,048,577 byte offsets, 8 MiB. A lookup then starts inside its range (the same lines the
range API would send) instead of searching the whole file, and the file is known to be in
order. The index
records the corpus's size and modification time; a changed corpus makes it stale, and a
stale index is ignored, never trusted.
"""

from __future__ import annotations

import os
import struct
import sys
from array import array
from pathlib import Path

from hygiene.breach.interface import Progress
from hygiene.breach.verify import BUCKETS, verify
from hygiene.errors import InputError
from hygiene.safefile import NotWritten, write_private

MAGIC = b"hygiene corpus index 2\n"
SUFFIX = ".hygiene-index"
_HEADER = struct.Struct("<QQ")


def index_path(corpus: Path) -> Path:
    return corpus.with_name(corpus.name + SUFFIX)


def _stamp(corpus: Path) -> tuple[int, int]:
    info = os.stat(corpus)
    return info.st_size, info.st_mtime_ns


def build_index(corpus: Path, progress: Progress | None = None) -> Path:
    """Verify the ordered file and write its index; raises InputError listing any problem."""
    if corpus.is_dir():
        raise InputError(
            f"{corpus}: a folder of range files needs no index; "
            "each lookup already reads one small file"
        )
    verdict = verify(corpus, progress)
    if verdict.problems:
        raise InputError(verdict.problems)
    assert verdict.buckets is not None
    target = index_path(corpus)
    offsets = array("Q", verdict.buckets)
    if sys.byteorder == "big":
        offsets.byteswap()  # the file is little-endian everywhere
    try:
        write_private(target, MAGIC + _HEADER.pack(*_stamp(corpus)) + offsets.tobytes())
    except NotWritten as exc:
        raise InputError(
            f"{target}: the index cannot be written there ({exc}); "
            "the index lives beside the corpus, so the folder must be writable"
        ) from None
    return target


def load_index(corpus: Path) -> array[int] | None:
    """The bucket offsets, or None when there is no index or it no longer fits the corpus."""
    try:
        data = index_path(corpus).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _HEADER.size
    if not data.startswith(MAGIC) or len(data) != head + (BUCKETS + 1) * 8:
        return None
    if _HEADER.unpack_from(data, len(MAGIC)) != _stamp(corpus):
        return None
    offsets = array("Q")
    offsets.frombytes(data[head:])
    if sys.byteorder == "big":
        offsets.byteswap()
    return offsets
