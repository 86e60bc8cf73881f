"""How long a phone check takes on an androidqf collection of 600 apps.

A made-up collection (fixed seed) written the way androidqf writes it: 600 packages with
signing keys, settings, and a dumpsys with a resolver entry per app and 5 MB of other
services. Prints the time to load the shipped lists (once per run), to read the folder,
to read the same collection from a zip, and to match and judge it, each the best of
several runs, and the whole command as a user runs it (a new process, cold).
Run: python bench/phone_check.py
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from hygiene.phone.androidqf import read_androidqf
from hygiene.phone.indicators import shipped_indicators
from hygiene.phone.scan import check_phone

APPS = 600
RUNS = 5


def make_collection(folder: Path, seed: int = 17) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    packages, resolver, listeners = [], [], []
    for n in range(APPS):
        name = f"com.vendor{n % 40}.app{n}"
        key = "".join(rng.choice("0123456789abcdef") for _ in range(40))
        packages.append(
            {
                "name": name,
                "installer": rng.choice(["com.android.vending", "null"]),
                "uid": 10000 + n,
                "disabled": False,
                "system": n < 350,
                "third_party": n >= 350,
                "files": [
                    {
                        "path": f"/data/app/{name}/base.apk",
                        "sha256": "",
                        "certificate": {"Sha1": key, "Issuer": "CN=x"},
                    }
                ],
            }
        )
        if rng.random() < 0.9:
            resolver += [
                f"        {n:x} {name}/.Main filter {n:x}",
                '          Action: "android.intent.action.MAIN"',
                '          Category: "android.intent.category.LAUNCHER"',
            ]
        if rng.random() < 0.02:
            listeners.append(f"{name}/.Listener")
    (folder / "packages.json").write_text(json.dumps(packages, indent=4))
    (folder / "settings_secure.txt").write_text(
        f"enabled_notification_listeners={':'.join(listeners)}\n"
        "enabled_accessibility_services=null\n"
    )
    (folder / "settings_global.txt").write_text("package_verifier_enable=1\n")
    (folder / "root_binaries.json").write_text("[]")
    filler = "    mLastSeen=2026-11-30 10:02:11 value=12345 state=ok\n" * 100_000
    (folder / "dumpsys.txt").write_text(
        "DUMP OF SERVICE activity:\n"
        + filler
        + "DUMP OF SERVICE package:\nActivity Resolver Table:\n  Non-Data Actions:\n"
        + "      android.intent.action.MAIN:\n"
        + "\n".join(resolver)
        + "\n"
        + "DUMP OF SERVICE device_policy:\n  Enabled Device Admins (User 0):\n"
    )


def best(step: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "acq"
        make_collection(folder)
        archive = Path(tmp) / "acq.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in folder.iterdir():
                zf.write(path, f"acq/{path.name}")
        start = time.perf_counter()
        lists = shipped_indicators()
        load = time.perf_counter() - start
        collection = read_androidqf(folder)
        read_folder = best(lambda: read_androidqf(folder))
        read_zip = best(lambda: read_androidqf(archive))
        judge = best(lambda: check_phone(collection, lists))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "hygiene", "phone", "check", str(folder), "--json"],
            capture_output=True,
            check=False,
        )
        whole = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        dump_mb = (folder / "dumpsys.txt").stat().st_size / 1e6
    print(f"collection: {len(collection.apps)} apps, dumpsys.txt {dump_mb:.1f} MB")
    print(f"load shipped lists (once): {load * 1000:7.1f} ms")
    print(f"read folder:               {read_folder * 1000:7.1f} ms")
    print(f"read zip:                  {read_zip * 1000:7.1f} ms")
    print(f"match and judge:           {judge * 1000:7.1f} ms")
    print(f"whole command, new process: {whole * 1000:6.1f} ms wall, {cpu * 1000:.1f} ms CPU")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
