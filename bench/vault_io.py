"""How long opening and saving a vault takes: 50 accounts and 100 facts, median of many runs.

Run with ``python bench/vault_io.py`` (an in-memory keyring: file, crypto and validation
only) or ``python bench/vault_io.py --system-keyring`` (the keyring this session has,
e.g. GNOME Keyring over D-Bus: the whole cost a person waits for).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from hygiene.accounts.inventory import Inventory
from hygiene.vault import KeptFact, Progress, Vault, VaultDocument
from hygiene.vault.document import KEPT_KINDS
from hygiene.vault.keys import KeyringKeys


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, so the figures are the vault's own; other benches use it too."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def document() -> VaultDocument:
    kinds = list(KEPT_KINDS)
    accounts = [
        {
            "label": f"Account {i}",
            "provider": "gmail" if i % 5 == 0 else "other",
            "login": f"person{i}@example.org",
            "category": "social",
            "recovery_emails": [f"old{i}@example.org"],
            "recovery_phones": ["07700 900123"],
            "security_questions": [{"question": "First pet?", "abuser_knows": "yes"}],
            "two_factor": ["sms:07700 900123"],
            "password_known_to_abuser": "maybe",
        }
        for i in range(50)
    ]
    return VaultDocument(
        label="Bench Person",
        facts=tuple(
            KeptFact(kind=kinds[i % len(kinds)], value=f"fact value {i}", label=f"label {i}")
            for i in range(100)
        ),
        inventory=Inventory.model_validate({"account": accounts}),
        email_assignments={f"account_{i}": "registrations" for i in range(50)},
        signs={f"sign_{i}": "no" for i in range(10)},
        progress=Progress(next_step="accounts", done=("safety", "signs", "facts")),
    )


def median_ms(action: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--system-keyring", action="store_true")
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    backend: Any = None if options.system_keyring else MemoryKeyring()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "home"
        doc = document()

        def fresh_vault() -> Vault:
            # As each command does: a new vault asks the keyring afresh.
            return Vault(KeyringKeys(backend, "hygiene-bench"), root)

        fresh_vault().save(doc)
        size = next(root.glob("*.vault")).stat().st_size
        save = median_ms(lambda: fresh_vault().save(doc), options.runs)
        load = median_ms(lambda: fresh_vault().load("Bench Person"), options.runs)
        fresh_vault().forget_all()
    where = "system keyring" if options.system_keyring else "in-memory keyring"
    print(f"vault with 50 accounts, 100 facts ({size:,} bytes on disk), {where}")
    print(f"  open: median {load:.2f} ms over {options.runs} runs")
    print(f"  save: median {save:.2f} ms over {options.runs} runs (includes fsync)")


if __name__ == "__main__":
    main()
