"""How long a big incident log takes to open, check and export: 2,000 entries, 200 files.

Builds a log of 2,000 entries whose evidence lists 200 files (fingerprints only, no
copies), saves it in a vault, then times what ``hygiene log export NAME --html FILE``
does: open the vault, check the chain, render the page and write it. Prints the median
of several runs. Run with ``python bench/log_export.py`` (in-memory keyring: file, crypto,
validation, chain and rendering only).
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vault_io import MemoryKeyring

from hygiene.log import Draft, IncidentLog, check, write
from hygiene.log.evidence import Taken
from hygiene.log.html import to_html
from hygiene.log.model import Evidence
from hygiene.safefile import write_private
from hygiene.vault import Vault, VaultDocument
from hygiene.vault.keys import KeyringKeys

ENTRIES = 2_000
FILES = 200


def big_log() -> IncidentLog:
    log = IncidentLog()
    start = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    every = ENTRIES // FILES
    for number in range(ENTRIES):
        evidence: tuple[Taken, ...] = ()
        if number % every == 0:
            digest = hashlib.sha256(f"file {number}".encode()).hexdigest()
            item = Evidence(name=f"screenshot-{number}.png", size=250_000 + number, sha256=digest)
            evidence = (Taken(item, None),)
        draft = Draft(
            what=f"Messages from a new number, the {number}th time; he said he knew where I was.",
            happened_at=start + timedelta(hours=5 * number),
            where="At home" if number % 2 else "Outside work",
            how="message",
            technology="A tracker in the car, perhaps",
            witnesses="Jo" if number % 3 == 0 else "",
            police_ref=f"CR/{number:05d}" if number % 10 == 0 else "",
            evidence=evidence,
        )
        log, _ = write(log, draft, written_at=start + timedelta(hours=5 * number + 1))
    return log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    backend = MemoryKeyring()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "home"
        log = big_log()
        assert log.evidence_count == FILES
        Vault(KeyringKeys(backend, "hygiene-bench"), root).save(
            VaultDocument(label="Bench", log=log)
        )
        size = next(root.glob("*.vault")).stat().st_size
        page = Path(folder) / "log.html"

        def export() -> None:
            # As the command does: a fresh vault, so the keyring is asked afresh.
            document = Vault(KeyringKeys(backend, "hygiene-bench"), root).load("Bench")
            result = check(document.log)
            assert result.intact
            now = datetime.now(UTC)
            write_private(page, to_html(document.log, result, document.label, now).encode())

        times = []
        for _ in range(options.runs):
            began = time.perf_counter()
            export()
            times.append(time.perf_counter() - began)
        html_size = page.stat().st_size
    print(f"incident log: {ENTRIES:,} entries, {FILES} evidence files (fingerprints only)")
    print(f"  vault on disk: {size:,} bytes; HTML page: {html_size:,} bytes")
    print(
        f"  open + check chain + export HTML: median {statistics.median(times):.3f} s, "
        f"slowest {max(times):.3f} s over {options.runs} runs"
    )


if __name__ == "__main__":
    main()
