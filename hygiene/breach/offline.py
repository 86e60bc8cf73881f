"""The offline source: a local copy of Pwned Passwords, in either layout the downloader writes.

The single ordered file (``HASH:COUNT`` lines in hash order, tens of gigabytes) is never
read whole: it is memory-mapped and searched. SHA-1 hashes are spread evenly, so the
search first guesses where a hash must sit from its value (interpolation) and falls back
to halving when a guess does not help; a lookup touches a few pages. Each probed line is
checked for form and order, so an unsorted or mixed file gives ``Unknown`` with the
reason, never a wrong "not found". The folder layout (``XXXXX.txt`` range files) is read
one small file per lookup.

A hash outside the range the file covers (a download that stopped early) is ``Unknown``.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path

from hygiene.breach.hashing import sha1_hex, split_hash
from hygiene.breach.interface import BreachSource, Found, NotFound, Result, Unknown
from hygiene.breach.parsing import FormatError, parse_corpus_line, parse_range_body
from hygiene.secret import Secret

NAME = "offline"
# Below this many bytes between the bounds, one substring search beats more probes.
_WINDOW = 4096
_INTERPOLATION_STEPS = 4
_ORDER_SAMPLES = 64
UNSORTED = (
    "the corpus file is not in hash order (it may be ordered by count); "
    "download the file ordered by hash"
)
NOT_COVERED = "the corpus does not cover this hash's range; the download may be incomplete"


def _key(digest: bytes) -> int:
    return int(digest[:16], 16)


class OrderedFileSource(BreachSource):
    """The downloader's single file, searched in place over a read-only memory map."""

    name = NAME

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map: mmap.mmap | None = None
        self._problem: str | None = None
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
        self._upper = not any(c in b"abcdef" for c in first)
        self._first, self._last = first, last
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
        return f"the ordered corpus file {self.path}"

    def check(self, secret: Secret) -> Result:
        if self._problem is not None or self._map is None:
            return Unknown(self._problem or "the corpus is closed", NAME)
        target = sha1_hex(secret).encode()
        if not self._upper:
            target = target.lower()
        if not (self._first[:5] <= target[:5] <= self._last[:5]):
            return Unknown(NOT_COVERED, NAME)
        try:
            return self._search(target)
        except FormatError as exc:
            return Unknown(f"the corpus file has a bad line: {exc}", NAME)

    def _search(self, target: bytes) -> Result:
        mm = self._map
        assert mm is not None
        want = _key(target)
        lo, hi = 0, self._size
        lo_key, hi_key = _key(self._first), _key(self._last) + 1
        steps = 0
        while hi - lo > _WINDOW:
            steps += 1
            if steps <= _INTERPOLATION_STEPS and hi_key > lo_key:
                share = (want - lo_key) / (hi_key - lo_key)
                guess = lo + int(share * (hi - lo))
                guess = min(max(guess, lo + 1), hi - _WINDOW // 2)
            else:
                guess = (lo + hi) // 2
            start = mm.find(b"\n", guess - 1, hi) + 1
            if start <= 0 or start >= hi:
                start = mm.find(b"\n", (lo + hi) // 2 - 1, hi) + 1
                if start <= 0 or start >= hi:
                    break
            end = mm.find(b"\n", start)
            end = end if end >= 0 else self._size
            digest, count = parse_corpus_line(mm[start:end])
            key = _key(digest)
            if not lo_key <= key <= hi_key:
                return Unknown(UNSORTED, NAME)
            if digest == target:
                return Found(count, NAME) if count > 0 else NotFound(NAME)
            if digest < target:
                lo, lo_key = end + 1, key
            else:
                hi, hi_key = start, key
        return self._scan(target, lo, hi)

    def _scan(self, target: bytes, lo: int, hi: int) -> Result:
        mm = self._map
        assert mm is not None
        at = mm.find(target + b":", lo, hi + len(target) + 1)
        while at > 0 and mm[at - 1 : at] != b"\n":
            at = mm.find(target + b":", at + 1, hi + len(target) + 1)
        if at < 0:
            return NotFound(NAME)
        _, count = self._line_at(at)
        return Found(count, NAME) if count > 0 else NotFound(NAME)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None


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
            data = path.read_bytes()
        except FileNotFoundError:
            return Unknown(NOT_COVERED, NAME)
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
