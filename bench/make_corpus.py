"""Generate a Pwned Passwords-shaped corpus for benchmarks: real SHA-1 of known passwords.

Line ``i`` comes from the password ``password(i)`` with the count ``count(i)``, so a bench
can look up passwords it knows are there, and ``absent(i)`` ones it knows are not. Writes
``bench/.data/corpus-N.txt`` (the downloader's single file, ordered by hash) and, with
``--folder``, ``bench/.data/corpus-N-ranges/`` (its folder of ``XXXXX.txt`` range files,
CRLF, no final newline). Sorting goes through 256 bucket files, so memory stays small.

    python bench/make_corpus.py [--lines 10000000] [--folder] [--crlf]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data"
DEFAULT_LINES = 10_000_000


def password(i: int) -> str:
    return f"bench-password-{i}"


def absent(i: int) -> str:
    return f"bench-absent-{i}"


def count(i: int) -> int:
    return 1 + (i * 7919) % 50_000


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


def corpus_file(lines: int) -> Path:
    return DATA / f"corpus-{lines}.txt"


def corpus_folder(lines: int) -> Path:
    return DATA / f"corpus-{lines}-ranges"


def write_file(lines: int, crlf: bool = False) -> Path:
    """The ordered single file, built once; an existing one is reused."""
    target = corpus_file(lines)
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    end = "\r\n" if crlf else "\n"
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        with ExitStack() as stack:
            buckets = [stack.enter_context(open(Path(tmp) / f"{b:02X}", "w")) for b in range(256)]
            for i in range(lines):
                digest = sha1(password(i))
                buckets[int(digest[:2], 16)].write(f"{digest}:{count(i)}\n")
        partial = target.with_suffix(".partial")
        with open(partial, "w", newline="") as out:
            for b in range(256):
                entries = (Path(tmp) / f"{b:02X}").read_text().splitlines()
                entries.sort()
                out.write("".join(entry + end for entry in entries))
        partial.rename(target)
    return target


def write_folder(lines: int) -> Path:
    """The folder layout, derived from the ordered file; an existing one is reused."""
    folder = corpus_folder(lines)
    if folder.exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    group: list[str] = []
    current = None
    with open(write_file(lines)) as source:
        for line in source:
            prefix = line[:5]
            if prefix != current:
                if current is not None:
                    (partial / f"{current}.txt").write_bytes("\r\n".join(group).encode())
                current, group = prefix, []
            group.append(line[5:].rstrip("\r\n"))
    if current is not None:
        (partial / f"{current}.txt").write_bytes("\r\n".join(group).encode())
    partial.rename(folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=DEFAULT_LINES)
    parser.add_argument("--folder", action="store_true", help="also write the folder layout")
    parser.add_argument("--crlf", action="store_true", help="end lines with CRLF")
    args = parser.parse_args()
    started = time.perf_counter()
    path = write_file(args.lines, args.crlf)
    print(f"{path}  {path.stat().st_size:,} bytes  {time.perf_counter() - started:.1f} s")
    if args.folder:
        folder = write_folder(args.lines)
        print(f"{folder}  {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
