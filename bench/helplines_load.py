"""How long loading and validating the region files takes (every plan ends with them).

Run: python bench/helplines_load.py
"""

from __future__ import annotations

import statistics
import time

from hygiene.helplines import load_region


def main() -> None:
    load_region()  # import pydantic and warm the file cache first
    runs = []
    for _ in range(200):
        start = time.perf_counter()
        load_region()
        runs.append(time.perf_counter() - start)
    print(
        f"load_region('uk'): median {statistics.median(runs) * 1000:.2f} ms over {len(runs)} runs"
    )


if __name__ == "__main__":
    main()
