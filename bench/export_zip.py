"""Time a zipped export of many logins: read row by row, and the whole ``hygiene audit``.

Generates a zip holding a Chrome password CSV of ``--logins`` rows (100,000 by default:
far past any one person's vault, as a crafted or mistaken file would be), in a folder
inside the archive so the search for the export inside a zip is timed too. Prints the
time to read every row through the export reader (no audit), then the wall time, exit
code and peak memory of ``hygiene audit FILE --offline --json`` as a person runs it: past
the audit's login limit the command must refuse the file quickly (exit 2), not run for
minutes. Everything generated goes under ``bench/.data/``.

    python bench/export_zip.py [--logins 100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data"


def write_zip(path: Path, logins: int) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["name", "url", "username", "password", "note"])
    for n in range(logins):
        writer.writerow([f"site{n}.test", f"https://site{n}.test/", f"user{n}", f"Pw-{n}-x!", ""])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Takeout/Passwords/Chrome Passwords.csv", text.getvalue())


def read_time(path: Path) -> None:
    from hygiene.exports.registry import open_export

    started = time.perf_counter()
    export = open_export(path)
    rows = sum(1 for _ in export.items)
    elapsed = time.perf_counter() - started
    print(f"read every row            {elapsed:6.2f} s  ({rows:,} rows, {export.layout.name})")


def command_time(path: Path) -> None:
    hygiene = Path(sys.executable).with_name("hygiene")
    command = [str(hygiene), "audit", str(path), "--offline", "--json"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"hygiene audit (command)   {elapsed:6.2f} s  exit {done.returncode}, "
        f"peak memory {peak_mb:.0f} MB"
    )
    try:
        error = json.loads(done.stdout).get("error")
    except ValueError:
        error = None
    if error:
        print(f"  refused ({error['kind']}): {error['message'].split(': ', 1)[-1][:100]}")
    print("  " + " ".join(c if "/" not in c else Path(c).name for c in command))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=100_000)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"export-{args.logins}.zip"
    write_zip(path, args.logins)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB zipped, {args.logins:,} logins")
    read_time(path)
    command_time(path)


if __name__ == "__main__":
    main()
