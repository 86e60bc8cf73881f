"""Offline breach lookups on a 10-million-line ordered corpus, side by side.

Per-lookup median for hygiene's ``OrderedFileSource`` (interpolation search over a memory
map, returns counts) and ``pwnedpasswords-offline`` (binary search, returns a bool) on the
same file and passwords; the floor, one 4 KiB ``pread`` from the page cache; and whole runs
for 100 passwords: ``hygiene breach --offline --corpus`` against ``keepassxc-cli analyze
--hibp`` (which scans the file). Bench-only tools live in the bench venv:

    python3 -m venv bench/.data/venv
    bench/.data/venv/bin/pip install -e . pwnedpasswords pwnedpasswords-offline
    apt-get install keepassxc
    bench/.data/venv/bin/python bench/breach_offline.py [--lines 10000000]
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import make_corpus as mc

from hygiene.breach.index import build_index, index_path
from hygiene.breach.interface import Found, NotFound
from hygiene.breach.offline import OrderedFileSource
from hygiene.secret import Secret

LOOKUPS = 2000


def timed(fn: Callable[[str], object], passwords: list[str]) -> tuple[list[float], list[object]]:
    times, answers = [], []
    for password in passwords:
        start = time.perf_counter_ns()
        answers.append(fn(password))
        times.append((time.perf_counter_ns() - start) / 1000)
    return times, answers


def row(name: str, times: list[float], note: str = "") -> None:
    times = sorted(times)
    p90 = times[int(len(times) * 0.9)]
    print(f"  {name:<34} median {statistics.median(times):8.1f} us   p90 {p90:8.1f} us  {note}")


def floor(path: Path) -> list[float]:
    size = path.stat().st_size
    rng = random.Random(1)
    fd = os.open(path, os.O_RDONLY)
    try:
        offsets = [rng.randrange(0, size - 4096) // 4096 * 4096 for _ in range(LOOKUPS)]
        for offset in offsets:  # warm exactly these pages
            os.pread(fd, 4096, offset)
        times = []
        for offset in offsets:
            start = time.perf_counter_ns()
            os.pread(fd, 4096, offset)
            times.append((time.perf_counter_ns() - start) / 1000)
        return times
    finally:
        os.close(fd)


def keepassxc_run(path: Path, passwords: list[str]) -> float | None:
    cli = shutil.which("keepassxc-cli")
    if cli is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        entries = "".join(
            f"<Entry><UUID>{base64.b64encode(uuid.uuid4().bytes).decode()}</UUID>"
            f"<String><Key>Title</Key><Value>entry {i}</Value></String>"
            f"<String><Key>Password</Key><Value>{password}</Value></String></Entry>"
            for i, password in enumerate(passwords)
        )
        group = base64.b64encode(uuid.uuid4().bytes).decode()
        Path(tmp, "db.xml").write_text(
            "<?xml version='1.0' encoding='UTF-8'?><KeePassFile><Root><Group>"
            f"<UUID>{group}</UUID><Name>Root</Name>{entries}</Group></Root></KeePassFile>"
        )
        Path(tmp, "key").write_bytes(os.urandom(64))
        subprocess.run(
            [
                cli,
                "import",
                "-q",
                "--set-key-file",
                f"{tmp}/key",
                f"{tmp}/db.xml",
                f"{tmp}/db.kdbx",
            ],
            check=True,
        )
        start = time.perf_counter()
        out = subprocess.run(
            [
                cli,
                "analyze",
                "-q",
                "--no-password",
                "-k",
                f"{tmp}/key",
                "--hibp",
                str(path),
                f"{tmp}/db.kdbx",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - start
        leaked = out.stdout.count("has been leaked")
        print(f"  (keepassxc-cli reported {leaked} of {len(passwords)} leaked)")
        return elapsed


def hygiene_run(path: Path, passwords: list[str]) -> float:
    hygiene = Path(sys.executable).with_name("hygiene")
    start = time.perf_counter()
    out = subprocess.run(
        [str(hygiene), "breach", "--offline", "--corpus", str(path), "--json"],
        input="".join(p + "\n" for p in passwords),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    found = out.stdout.count('"status": "found"')
    print(f"  (hygiene reported {found} of {len(passwords)} found)")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=mc.DEFAULT_LINES)
    args = parser.parse_args()
    path = mc.write_file(args.lines)
    print(f"corpus: {path.name}, {args.lines:,} lines, {path.stat().st_size:,} bytes")
    rng = random.Random(7)
    hits = rng.sample(range(args.lines), LOOKUPS // 2)
    passwords = [mc.password(i) for i in hits] + [mc.absent(i) for i in range(LOOKUPS // 2)]
    rng.shuffle(passwords)
    expected = {mc.password(i): mc.count(i) for i in hits}

    from pwnedpasswords_offline import PwnedPasswordsOfflineChecker

    if not index_path(path).exists():
        print(f"building the index ({index_path(path).name}) ...")
        build_index(path)
    indexed = OrderedFileSource(path)
    os.rename(index_path(path), index_path(path).with_suffix(".aside"))
    try:
        plain = OrderedFileSource(path)
    finally:
        os.rename(index_path(path).with_suffix(".aside"), index_path(path))
    timings: dict[str, list[float]] = {}
    with indexed, plain, PwnedPasswordsOfflineChecker(path, None) as theirs:
        for source in (indexed, plain):
            assert source.unusable_reason() is None, source.unusable_reason()
        lookups: dict[str, Callable[[str], object]] = {
            "hygiene, indexed": lambda p: indexed.check(Secret(p)),
            "hygiene, no index": lambda p: plain.check(Secret(p)),
            "pwnedpasswords-offline 1.2.0": theirs.lookup_raw_password,
        }
        for fn in lookups.values():  # warm the page cache and the code
            timed(fn, passwords)
        for name, fn in lookups.items():
            timings[name], answers = timed(fn, passwords)
            for password, answer in zip(passwords, answers, strict=True):
                if name.startswith("hygiene"):
                    want: object = NotFound("offline")
                    if password in expected:
                        want = Found(expected[password], "offline")
                else:
                    want = password in expected
                assert answer == want, (name, answer, want)
    print(f"per lookup, {LOOKUPS:,} lookups (half found, half not), page cache warm:")
    row("hygiene, indexed", timings["hygiene, indexed"], "(counts)")
    row("hygiene, no index", timings["hygiene, no index"], "(counts)")
    row(
        "pwnedpasswords-offline 1.2.0",
        timings["pwnedpasswords-offline 1.2.0"],
        "(found or not only)",
    )
    row("floor: one 4 KiB pread", floor(path))
    theirs_median = statistics.median(timings["pwnedpasswords-offline 1.2.0"])
    for name in ("hygiene, indexed", "hygiene, no index"):
        ratio = theirs_median / statistics.median(timings[name])
        print(f"  {name}: {ratio:.1f}x faster than pwnedpasswords-offline (median)")

    hundred = passwords[:100]
    print("whole run, 100 passwords, from process start:")
    ours_run = hygiene_run(path, hundred)
    kp_run = keepassxc_run(path, hundred)
    print(f"  {'hygiene breach --offline --corpus':<34} {ours_run:8.2f} s")
    if kp_run is None:
        print("  keepassxc-cli not installed (apt-get install keepassxc)")
    else:
        print(f"  {'keepassxc-cli analyze --hibp':<34} {kp_run:8.2f} s  ({kp_run / ours_run:.1f}x)")


if __name__ == "__main__":
    main()
