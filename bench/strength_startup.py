"""Cold-start wall time of ``hygiene --help`` and ``hygiene password --facts`` (30 facts).

Each run is a fresh process, as a person would start it; prints the median and range.
Uses the ``hygiene`` script installed beside this Python.

    python bench/strength_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FACTS = """\
names = ["Jennifer Perry", { value = "Fluffy", label = "pet" },
  { value = "Oliver Perry", label = "son" }, { value = "Mia Perry", label = "daughter" },
  "Gary Smith", { value = "Biscuit", label = "dog" }]
dates = ["1985-03-14", "14/07/2009", "2012-11-02", "1983-06-30", "2005-08-20", "21/12/2016"]
places = ["Derby", "12 Oak Street", "DE22 3AB", "Leeds", "4 Mill Lane", "Bristol"]
numbers = ["07700 900123", "AB12 CDE", "07700 900456"]
words = ["Arsenal", "Rover", "netball", "fishing", "Ibiza"]
old_passwords = ["Fluffy2019!", "Oliver0907"]
answers = ["Smith", "St Mary's"]
"""


def median_ms(
    command: list[str], runs: int, stdin: bytes | None = None
) -> tuple[float, float, float, float]:
    """Wall time median, min, max, and the median CPU time (user + system) of the child,
    which a busy machine disturbs less than wall time."""
    samples, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, check=False)
        samples.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu.append(used * 1000)
    return statistics.median(samples), min(samples), max(samples), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    hygiene = str(Path(sys.executable).with_name("hygiene"))
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "facts.toml"
        facts.write_text(FACTS)
        count = (
            subprocess.run(
                [hygiene, "facts", "check", str(facts)], capture_output=True, text=True, check=True
            )
            .stdout.split(":")[1]
            .strip()
            .split()[0]
        )
        print(f"facts file: {count} facts")
        cases = [
            ("hygiene --help", [hygiene, "--help"], None),
            (
                "hygiene password --facts (piped)",
                [hygiene, "password", "--facts", str(facts)],
                b"Fluffy2020!\n",
            ),
            ("hygiene password, no facts", [hygiene, "password"], b"Fluffy2020!\n"),
            ("python -c pass (interpreter only)", [sys.executable, "-c", "pass"], None),
        ]
        for name, command, stdin in cases:
            median, low, high, cpu = median_ms(command, args.runs, stdin)
            spread = f"(min {low:.0f}, max {high:.0f}, {args.runs} runs; cpu median {cpu:.0f} ms)"
            print(f"{name:36} median {median:6.0f} ms  {spread}")


if __name__ == "__main__":
    main()
