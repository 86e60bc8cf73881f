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
from dataclasses import dataclass, field
from pathlib import Path

from hygiene.breach.parsing import FormatError, parse_corpus_line, parse_range_body
from hygiene.errors import Problem

RANGES = 16**5
_KINDS = {
    "unsorted": "lines out of hash order (is it the file ordered by count?); "
    "hygiene needs the file ordered by hash",
    "duplicate": "hashes listed twice",
    "ntlm": "lines with NTLM hashes; hygiene needs the SHA-1 corpus, not the NTLM one",
    "malformed": "lines not in the form HASH:COUNT",
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
            found.append(Problem(f"{count:,} {_KINDS[kind]} (the first is here)",
                                 self.source if where is None else f"{self.source}/{where}",
                                 line))
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


def verify(path: Path) -> Verdict:
    if path.is_dir():
        return _verify_folder(path)
    return _verify_file(path)


def _coverage(first: str | None, last: str | None, source: str) -> list[Problem]:
    if first is None or last is None:
        return [Problem("holds no hashes at all", source)]
    problems = []
    if first != "00000":
        problems.append(Problem(f"starts at range {first}, not 00000; "
                                "the download may be incomplete", source))
    if last != "FFFFF":
        problems.append(Problem(f"ends at range {last}, not FFFFF; "
                                "the download may have stopped early", source))
    return problems


BUCKETS = RANGES


def _verify_file(path: Path) -> Verdict:
    source = str(path)
    buckets: list[int] = []
    offset = 0
    tally = Tally(source)
    previous = b""
    hashes = 0
    first_prefix: str | None = None
    truncated: int | None = None
    number = 0
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                at, offset = offset, offset + len(raw)
                line = raw.rstrip(b"\r\n")
                if not line:
                    continue
                try:
                    digest, _ = parse_corpus_line(line, number)
                except FormatError as exc:
                    if not raw.endswith(b"\n") and exc.kind == "malformed":
                        truncated = number
                    else:
                        tally.note(exc.kind, number)
                    continue
                digest = digest.upper()
                if digest <= previous:
                    tally.note("duplicate" if digest == previous else "unsorted", number)
                else:
                    previous = digest
                    bucket = int(digest[:5], 16)
                    while len(buckets) <= bucket:
                        buckets.append(at)
                hashes += 1
                if first_prefix is None:
                    first_prefix = digest[:5].decode()
    except OSError as exc:
        return Verdict(path, "file", 0, [Problem(exc.strerror or "cannot be read", source)])
    problems = tally.problems()
    if truncated is not None:
        problems.append(Problem("the last line is cut short; the download may have stopped "
                                "part-way", source, truncated))
    last_prefix = previous[:5].decode() if previous else None
    if "unsorted" not in tally.counts:
        problems += _coverage(first_prefix, last_prefix, source)
    buckets += [offset] * (BUCKETS + 1 - len(buckets))
    return Verdict(path, "file", hashes, problems, buckets)


def _verify_folder(path: Path) -> Verdict:
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
    for name in names:
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
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3:,} more" if len(foreign) > 3
                                          else "")
        problems.append(Problem(f"holds {len(foreign):,} files that are not range files "
                                f"(named like 0A1B2.txt): {shown}", source))
    if empty:
        problems.append(Problem(f"{len(empty):,} range files are empty (the first is "
                                f"{empty[0]}); the download may have failed", source))
    if prefixes and len(prefixes) < RANGES:
        missing = RANGES - len(set(prefixes))
        problems.append(Problem(f"{missing:,} of {RANGES:,} range files are missing; "
                                "the download is incomplete", source))
    elif not prefixes:
        problems.append(Problem("holds no range files (named like 0A1B2.txt)", source))
    return Verdict(path, "folder", hashes, problems)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789ABCDEFabcdef" for c in text)
