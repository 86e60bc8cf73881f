"""Checking a downloaded corpus before trusting it: ``hygiene corpus verify PATH``.

Reads the whole corpus once, streaming, and says plainly what is wrong: lines out of
hash order (a file ordered by count), a last line cut short, NTLM lines mixed into the
SHA-1 corpus, lines in no known form, duplicate hashes, ranges missing at either end,
and in the folder layout, missing range files and files that do not belong there. Each
kind of problem is counted and its first place named, so a broken 40 GB file gives a
few lines, not millions.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from hygiene.breach.interface import Progress
from hygiene.breach.parsing import FormatError, parse_corpus_line, parse_range_body
from hygiene.errors import Problem

RANGES = 16**5
# What each kind of problem is called: one of it, many of it, and what follows.
_KINDS = {
    "unsorted": (
        "line",
        "lines",
        "out of hash order (is it the file ordered by count?); "
        "hygiene needs the file ordered by hash",
    ),
    "duplicate": ("hash", "hashes", "listed twice"),
    "ntlm": ("line", "lines", "with NTLM hashes; hygiene needs the SHA-1 corpus, not the NTLM one"),
    "malformed": ("line", "lines", "not in the form HASH:COUNT"),
}


@dataclass
class Tally:
    """Problems counted by kind, each with the first place it was seen."""

    source: str
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)

    def note(self, kind: str, line: int | None, where: str | None = None) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.first.setdefault(kind, (where, line))

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for kind, count in self.counts.items():
            where, line = self.first[kind]
            one, many, what = _KINDS[kind]
            found.append(
                Problem(
                    f"{count:,} {one if count == 1 else many} {what} (the first is here)",
                    self.source if where is None else f"{self.source}/{where}",
                    line,
                )
            )
        return found


@dataclass(frozen=True)
class Verdict:
    """What verify found: the layout, how many hashes, and every problem."""

    path: Path
    layout: str
    hashes: int
    problems: list[Problem]
    # For the index: byte offset of the first line of each 5-hex-character range, and one
    # past the end (BUCKETS + 1 numbers); only for the ordered file.
    buckets: list[int] | None = None


def verify(path: Path, progress: Progress | None = None) -> Verdict:
    """Read the corpus at ``path`` once; ``progress`` hears bytes (file) or files (folder)
    done of the total, for a run that can take many minutes."""
    if path.is_dir():
        return _verify_folder(path, progress)
    return _verify_file(path, progress)


def _coverage(first: str | None, last: str | None, source: str) -> list[Problem]:
    if first is None or last is None:
        return [Problem("holds no hashes at all", source)]
    problems = []
    if first != "00000":
        problems.append(
            Problem(f"starts at range {first}, not 00000; the download may be incomplete", source)
        )
    if last != "FFFFF":
        problems.append(
            Problem(f"ends at range {last}, not FFFFF; the download may have stopped early", source)
        )
    return problems


BUCKETS = RANGES


# Blocks of whole lines: a block in perfect order is checked by C code in one go; only a
# block with a problem is walked line by line to name the problem and where it is.
_BLOCK = 4 << 20
_GOOD_BLOCK = re.compile(rb"(?:[0-9A-F]{40}:[0-9]+\r?\n)*(?:[0-9A-F]{40}:[0-9]+\r?)?")


class _FileCheck:
    """The state of one pass over the ordered file."""

    def __init__(self, source: str) -> None:
        self.tally = Tally(source)
        self.buckets: list[int] = []
        self.previous = b""
        self.first: bytes | None = None
        self.hashes = 0
        self.number = 0
        self.truncated: int | None = None

    def block(self, block: bytes, base: int) -> None:
        if not self._fast(block, base):
            at = base
            pieces = block.split(b"\n")
            for i, piece in enumerate(pieces):
                raw = piece + b"\n" if i < len(pieces) - 1 else piece
                if raw:
                    self._line(raw, at)
                at += len(raw)

    def _fast(self, block: bytes, base: int) -> bool:
        if _GOOD_BLOCK.fullmatch(block) is None:
            return False
        digests = [line[:40] for line in block.split(b"\n") if line]
        if not digests:
            return True
        if (
            digests[0] <= self.previous
            or digests != sorted(digests)
            or len(set(digests)) != len(digests)
        ):
            return False
        last_bucket = int(digests[-1][:5], 16)
        at = 0
        for bucket in range(len(self.buckets), last_bucket + 1):
            first = digests[bisect_left(digests, b"%05X" % bucket)]
            at = block.find(first, at)
            self.buckets.append(base + at)
        if self.first is None:
            self.first = digests[0]
        self.previous = digests[-1]
        self.hashes += len(digests)
        self.number += len(digests)
        return True

    def _line(self, raw: bytes, at: int) -> None:
        self.number += 1
        line = raw.rstrip(b"\r\n")
        if not line:
            return
        try:
            digest, _ = parse_corpus_line(line, self.number)
        except FormatError as exc:
            if not raw.endswith(b"\n") and exc.kind == "malformed":
                self.truncated = self.number
            else:
                self.tally.note(exc.kind, self.number)
            return
        digest = digest.upper()
        if digest <= self.previous:
            self.tally.note("duplicate" if digest == self.previous else "unsorted", self.number)
        else:
            self.previous = digest
            bucket = int(digest[:5], 16)
            while len(self.buckets) <= bucket:
                self.buckets.append(at)
        self.hashes += 1
        if self.first is None:
            self.first = digest


def _verify_file(path: Path, progress: Progress | None) -> Verdict:
    source = str(path)
    check = _FileCheck(source)
    offset = 0
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            while block := handle.read(_BLOCK):
                if not block.endswith(b"\n"):
                    block += handle.readline()
                check.block(block, offset)
                offset += len(block)
                if progress is not None:
                    progress(offset, size)
    except OSError as exc:
        return Verdict(path, "file", 0, [Problem(exc.strerror or "cannot be read", source)])
    problems = check.tally.problems()
    if check.truncated is not None:
        problems.append(
            Problem(
                "the last line is cut short; the download may have stopped part-way",
                source,
                check.truncated,
            )
        )
    if "unsorted" not in check.tally.counts:
        first = check.first[:5].decode() if check.first else None
        last = check.previous[:5].decode() if check.previous else None
        problems += _coverage(first, last, source)
    buckets = check.buckets + [offset] * (BUCKETS + 1 - len(check.buckets))
    return Verdict(path, "file", check.hashes, problems, buckets)


def _verify_folder(path: Path, progress: Progress | None) -> Verdict:
    source = str(path)
    tally = Tally(source)
    foreign: list[str] = []
    prefixes: list[str] = []
    empty: list[str] = []
    hashes = 0
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        return Verdict(path, "folder", 0, [Problem(exc.strerror or "cannot be read", source)])
    for done, name in enumerate(names, start=1):
        if progress is not None and done % 4096 == 0:
            progress(done, len(names))
        stem, _, ext = name.partition(".")
        if ext != "txt" or len(stem) != 5 or not _is_hex(stem) or not (path / name).is_file():
            foreign.append(name)
            continue
        prefixes.append(stem.upper())
        try:
            text = (path / name).read_bytes().decode("ascii")
        except (OSError, UnicodeDecodeError):
            tally.note("malformed", None, name)
            continue
        if not text.strip():
            empty.append(name)
            continue
        try:
            counts = parse_range_body(text)
        except FormatError as exc:
            tally.note(exc.kind, exc.line, name)
            continue
        suffixes = [line.split(":", 1)[0].upper() for line in text.split("\n") if line.strip()]
        if suffixes != sorted(suffixes):
            tally.note("unsorted", None, name)
        hashes += len(counts)
    problems = tally.problems()
    if foreign:
        shown = ", ".join(foreign[:3]) + (
            f" and {len(foreign) - 3:,} more" if len(foreign) > 3 else ""
        )
        problems.append(
            Problem(
                f"holds {len(foreign):,} files that are not range files "
                f"(named like 0A1B2.txt): {shown}",
                source,
            )
        )
    if empty:
        files = "range file is" if len(empty) == 1 else "range files are"
        problems.append(
            Problem(
                f"{len(empty):,} {files} empty (the first is "
                f"{empty[0]}); the download may have failed",
                source,
            )
        )
    if prefixes and len(prefixes) < RANGES:
        missing = RANGES - len(set(prefixes))
        problems.append(
            Problem(
                f"{missing:,} of {RANGES:,} range files are missing; the download is incomplete",
                source,
            )
        )
    elif not prefixes:
        problems.append(Problem("holds no range files (named like 0A1B2.txt)", source))
    return Verdict(path, "folder", hashes, problems)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789ABCDEFabcdef" for c in text)
