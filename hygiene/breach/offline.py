"""The offline source: a local copy of Pwned Passwords, in either layout the downloader writes.

The single ordered file (``HASH:COUNT`` lines in hash order, tens of gigabytes) is never
read whole: it is memory-mapped and searched. With an index (``index.py``) the search
starts inside the hash's 5-character range; without one, in the whole file. SHA-1 hashes
are spread evenly, so each round guesses where the hash must sit from its value
(interpolation), falling back to halving after a few rounds, and looks in a small window
there; a lookup touches a few pages. Each line the search reads is checked for form and
order, and a sample of lines is checked at open when there is no index, so an unsorted or
mixed file gives a plain reason, not a wrong "not found" (one line far out of place is
found only by reading every line: ``verify.py``). The folder layout
(``XXXXX.txt`` range files) is read one small file per lookup.

A hash outside the range the file covers (a download that stopped early) is ``Unknown``.
"""

from __future__ import annotations

import mmap
import os
from array import array
from pathlib import Path

from hygiene.breach.hashing import sha1_hex, split_hash
from hygiene.breach.index import load_index
from hygiene.breach.interface import BreachSource, Found, NotFound, Result, Unknown
from hygiene.breach.parsing import FormatError, parse_corpus_line, parse_range_body
from hygiene.safefile import NotReadable, read_regular
from hygiene.secret import Secret

NAME = "offline"
# Half the window searched around each guess; chosen on the bench (10 million lines).
_WINDOW = 512
_HASH_AND_COLON = 41
# The 5-hex-character range of a 16-hex-character key is its top 20 bits.
_RANGE_SHIFT = 44
# Above this many bytes between the bounds, probe single lines instead of windows.
_PROBE_ONLY = 65536
_INTERPOLATION_STEPS = 16
_ORDER_SAMPLES = 64
UNSORTED = (
    "the corpus file is not in hash order (it may be ordered by count); "
    "download the file ordered by hash"
)
NOT_COVERED = "the corpus does not cover this hash's range; the download may be incomplete"


def _key(digest: bytes) -> int:
    return int(digest[:16], 16)


_HEX = frozenset(b"0123456789ABCDEFabcdef")


def _is_hex(data: bytes) -> bool:
    return len(data) == 40 and _HEX.issuperset(data)


class OrderedFileSource(BreachSource):
    """The downloader's single file, searched in place over a read-only memory map."""

    name = NAME

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map: mmap.mmap | None = None
        self._problem: str | None = None
        self._index: array[int] | None = None
        try:
            self._open()
        except FormatError as exc:
            self._problem = f"{path}: {exc}"
            self.close()
        except OSError as exc:
            self._problem = f"{path}: {exc.strerror or 'cannot be read'}"
            self.close()

    def _open(self) -> None:
        if self.path.is_dir():
            raise FormatError("is a folder, not the single ordered file")
        with open(self.path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0:
                raise FormatError("the corpus file is empty")
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        mm = self._map
        self._size = size
        head = mm[:64]
        if any(byte < 9 or byte > 126 for byte in head):
            raise FormatError(
                "is not a text file; if it is still compressed (.7z, .gz, .zip), unpack it first"
            )
        first_end = mm.find(b"\n")
        first, _ = parse_corpus_line(mm[: first_end if first_end >= 0 else size], 1)
        tail = size
        while tail > 0 and mm[tail - 1 : tail] in (b"\n", b"\r"):
            tail -= 1
        tail_start = mm.rfind(b"\n", 0, tail) + 1
        try:
            last, _ = parse_corpus_line(mm[tail_start:tail])
        except FormatError as exc:
            raise FormatError(
                "the last line is incomplete; the download may have been cut short"
            ) from exc
        self._upper = not any(c in b"abcdef" for c in first + last)
        self._first, self._last = first, last
        self._covers = (first[:5], last[:5])
        # An index is only written for a verified file; without one, sample the order.
        self._index = load_index(self.path)
        if self._index is None:
            self._check_sampled_order()

    def _check_sampled_order(self) -> None:
        """A file ordered by count, or by nothing, shows at once in a few spread lines."""
        previous = self._first
        for i in range(1, _ORDER_SAMPLES):
            start = self._line_start_after(self._size * i // _ORDER_SAMPLES)
            if start >= self._size:
                break
            digest, _ = self._line_at(start)
            if digest < previous:
                raise FormatError(UNSORTED)
            previous = digest
        if self._last < previous:
            raise FormatError(UNSORTED)

    def _line_start_after(self, offset: int) -> int:
        assert self._map is not None
        if offset <= 0:
            return 0
        return self._map.find(b"\n", offset - 1) + 1 or self._size

    def _line_at(self, start: int) -> tuple[bytes, int]:
        assert self._map is not None
        end = self._map.find(b"\n", start)
        return parse_corpus_line(self._map[start : end if end >= 0 else self._size])

    def unusable_reason(self) -> str | None:
        return self._problem

    def describe(self) -> str:
        if self._index is not None:
            return f"the ordered corpus file {self.path} (indexed)"
        return (
            f"the ordered corpus file {self.path} (not indexed; hygiene corpus index "
            "checks its order once and makes lookups faster)"
        )

    def check(self, secret: Secret) -> Result:
        if self._problem is not None or self._map is None:
            return Unknown(self._problem or "the corpus is closed", NAME)
        target = sha1_hex(secret).encode()
        if not self._upper:
            target = target.lower()
        if not (self._covers[0] <= target[:5] <= self._covers[1]):
            return Unknown(NOT_COVERED, NAME)
        try:
            return self._search(target)
        except FormatError as exc:
            return Unknown(f"the corpus file has a bad line: {exc}", NAME)

    def _search(self, target: bytes) -> Result:
        """Guess where the hash must be, look in a small window there, narrow and repeat.

        Each round either finds the line, proves the hash absent (the window's first line
        sorts before it and its last line after it), or moves one bound past the window.
        """
        mm = self._map
        assert mm is not None
        want = _key(target)
        if self._index is not None:
            bucket = want >> _RANGE_SHIFT
            lo, hi = self._index[bucket], self._index[bucket + 1]
            lo_key, hi_key = bucket << _RANGE_SHIFT, (bucket + 1) << _RANGE_SHIFT
        else:
            lo, hi = 0, self._size
            lo_key, hi_key = _key(self._first), _key(self._last) + 1
        needle = target + b":"
        rounds = 0
        while hi - lo > 2 * _WINDOW:
            rounds += 1
            if rounds <= _INTERPOLATION_STEPS and hi_key > lo_key:
                guess = lo + (want - lo_key) * (hi - lo) // (hi_key - lo_key)
            else:
                guess = (lo + hi) // 2
            if hi - lo > _PROBE_ONLY:
                # Far from the hash a window would miss anyway: one line moves one bound.
                start = mm.find(b"\n", max(guess, lo + 1) - 1, hi) + 1
                if 0 < start < hi:
                    digest = self._hash_at(start)
                    key = _key(digest)
                    if not lo_key <= key <= hi_key:
                        return Unknown(UNSORTED, NAME)
                    if digest == target:
                        return self._answer(start)
                    if digest < target:
                        lo, lo_key = (mm.find(b"\n", start) + 1) or hi, key
                    else:
                        hi, hi_key = start, key
                    continue
            a = min(max(guess - _WINDOW, lo), hi - 2 * _WINDOW)
            b = a + 2 * _WINDOW
            at = self._find_line(needle, a, b)
            if at >= 0:
                return self._answer(at)
            first = mm.find(b"\n", a - 1, b) + 1 if a > lo else lo
            if a > lo and first == 0:
                # No line starts in the window: a line this long is no corpus line, and
                # what lies past it was not read, so the answer is unknown.
                return Unknown(LONG_LINE, NAME)
            digest = self._hash_at(first)
            key = _key(digest)
            if not lo_key <= key <= hi_key:
                return Unknown(UNSORTED, NAME)
            if target < digest:
                hi, hi_key = first, key
                continue
            last = mm.rfind(b"\n", first, b - 1) + 1 or first
            digest = self._hash_at(last)
            last_key = _key(digest)
            if not key <= last_key <= hi_key:
                return Unknown(UNSORTED, NAME)
            if target > digest:
                lo, lo_key = (mm.find(b"\n", last) + 1) or hi, last_key
                continue
            return NotFound(NAME)
        at = self._find_line(needle, lo, hi)
        return self._answer(at) if at >= 0 else NotFound(NAME)

    def _find_line(self, needle: bytes, lo: int, hi: int) -> int:
        """Where a line starting in [lo, hi) begins with ``needle``, or -1."""
        mm = self._map
        assert mm is not None
        at = mm.find(needle, lo, hi + len(needle))
        while at > 0 and mm[at - 1 : at] != b"\n":
            at = mm.find(needle, at + 1, hi + len(needle))
        return at

    def _hash_at(self, start: int) -> bytes:
        """The hash of the line at ``start``; only the hash is read while searching."""
        assert self._map is not None
        digest = self._map[start : start + _HASH_AND_COLON]
        if digest[-1:] != b":" or not _is_hex(digest[:-1]):
            raise FormatError("a line is not in the form HASH:COUNT (is it NTLM?)")
        return digest[:-1]

    def _answer(self, start: int) -> Result:
        """The count on the line at ``start``, whose hash and colon are already checked."""
        mm = self._map
        assert mm is not None
        end = mm.find(b"\n", start)
        digits = mm[start + _HASH_AND_COLON : end if end >= 0 else self._size].rstrip(b"\r")
        if not digits.isdigit():
            raise FormatError("a line is not in the form HASH:COUNT")
        count = int(digits)
        return Found(count, NAME) if count > 0 else NotFound(NAME)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None


# A range file is a saved range reply: under 100 KB, padded or not.
RANGE_FILE_LIMIT = 1_000_000
LONG_LINE = "the corpus file has a line far too long to be a corpus line"


class RangeFolderSource(BreachSource):
    """The downloader's folder of ``XXXXX.txt`` files, one per 5-character prefix."""

    name = NAME

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problem = self._find_problem()

    def _find_problem(self) -> str | None:
        if not self.path.is_dir():
            return f"{self.path}: is not a folder"
        try:
            with os.scandir(self.path) as entries:
                for count, entry in enumerate(entries):
                    if _is_range_name(entry.name):
                        return None
                    if count > 1000:
                        break
        except OSError as exc:
            return f"{self.path}: {exc.strerror or 'cannot be read'}"
        return f"{self.path}: holds no range files (named like 00000.txt)"

    def unusable_reason(self) -> str | None:
        return self._problem

    def describe(self) -> str:
        return f"the corpus folder of range files {self.path}"

    def check(self, secret: Secret) -> Result:
        if self._problem is not None:
            return Unknown(self._problem, NAME)
        prefix, suffix = split_hash(sha1_hex(secret))
        path = self.path / f"{prefix}.txt"
        try:
            # Only an ordinary file of a range's size: a pipe would hang the lookup and a
            # link to /dev/zero would fill memory.
            data = read_regular(path, RANGE_FILE_LIMIT)
        except FileNotFoundError:
            return Unknown(NOT_COVERED, NAME)
        except NotReadable as exc:
            return Unknown(f"a range file was not used: {exc}", NAME)
        except OSError as exc:
            return Unknown(f"a range file cannot be read ({exc.strerror})", NAME)
        if not data.strip():
            return Unknown("a range file is empty; the download may have failed", NAME)
        try:
            counts = parse_range_body(data.decode("ascii"))
        except (UnicodeDecodeError, FormatError) as exc:
            problem = str(exc) if isinstance(exc, FormatError) else "it is not plain text"
            return Unknown(f"the range file {path.name} is not usable: {problem}", NAME)
        count = counts.get(suffix)
        return Found(count, NAME) if count else NotFound(NAME)


def _is_range_name(name: str) -> bool:
    stem, dot, ext = name.partition(".")
    return (
        dot == "."
        and ext == "txt"
        and len(stem) == 5
        and all(c in "0123456789ABCDEFabcdef" for c in stem)
    )


def open_corpus(path: Path) -> BreachSource:
    """The source for a corpus path: a folder of range files or the single ordered file."""
    if path.is_dir():
        return RangeFolderSource(path)
    return OrderedFileSource(path)
