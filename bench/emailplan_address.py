"""How fast a proposed address is checked against many facts, and how long a plan takes.

Generates 100 facts (names, dates, places, numbers, words), so the checker sees the
thousands of tokens they expand into, then times check_address on addresses that contain
a fact and on addresses that do not, and build_plan on a 200-account inventory.

Run: python bench/emailplan_address.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from hygiene.accounts.inventory import Inventory
from hygiene.emailplan.address import KnownTokens, check_address
from hygiene.emailplan.compartments import load_compartments
from hygiene.emailplan.known import known_from_facts
from hygiene.emailplan.plan import build_plan
from hygiene.facts.load import load_facts

NAMES = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kai", "Logan"]
PLACES = ["Whitby", "Harrogate", "Skipton", "Ripon", "Selby", "Malton", "Thirsk", "Settle"]
WORDS = ["Rangers", "Salsa", "Chess", "Knitting", "Rover", "Marmite", "Tigers", "Biscuit"]


def _facts_file(folder: Path, rng: random.Random) -> Path:
    names = [f"{rng.choice(NAMES)} {rng.choice(NAMES)}son" for _ in range(30)]
    dates = [
        f"{rng.randint(1950, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for _ in range(20)
    ]
    places = [f"{rng.randint(1, 200)} {rng.choice(PLACES)} Road" for _ in range(20)]
    numbers = [f"07700 9{rng.randint(10000, 99999)}" for _ in range(15)]
    words = [f"{rng.choice(WORDS)}{i}" for i in range(15)]

    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    path = folder / "facts.toml"
    path.write_text(
        f"names = {toml_list(names)}\ndates = {toml_list(dates)}\n"
        f"places = {toml_list(places)}\nnumbers = {toml_list(numbers)}\n"
        f"words = {toml_list(words)}\n"
    )
    return path


def _median_ms(runs: list[float]) -> str:
    return f"{statistics.median(runs) * 1000:.3f} ms"


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        facts = load_facts(_facts_file(Path(folder), rng))
    known = known_from_facts(facts)
    print(f"100 facts expand into {len(known)} tokens")
    revealing = [
        f"{t.value.replace('/', '')}.x{rng.randint(0, 99)}@example.org"
        for t in rng.sample(known, 200)
    ]
    clean = [f"quiet.harbour.{rng.randint(1000, 9999)}@proton.me" for _ in range(200)]
    start = time.perf_counter()
    tokens = KnownTokens(known)
    print(f"folding them once (KnownTokens): {(time.perf_counter() - start) * 1000:.3f} ms")
    for label, addresses in (("containing a fact", revealing), ("clean", clean)):
        for how, against in (("folded once", tokens), ("folded per call", known)):
            runs = []
            for address in addresses:
                start = time.perf_counter()
                check_address(address, against)
                runs.append(time.perf_counter() - start)
            print(
                f"check_address, {label}, tokens {how}: median {_median_ms(runs)} "
                f"over {len(runs)} addresses"
            )
    categories = ["email", "financial", "social", "shopping", "phone", "cloud", "work", "other"]
    inventory = Inventory.model_validate(
        {
            "account": [
                {
                    "label": f"Account {i}",
                    "login": f"user{i}@example.org",
                    "category": categories[i % len(categories)],
                    "recovery_emails": [f"user{(i + 1) % 200}@example.org"],
                    "recovery_phones": ["07700 900123"],
                }
                for i in range(200)
            ],
            "contact": [{"value": "07700 900123", "controlled_by": "shared"}],
        }
    )
    catalogue = load_compartments()
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        build_plan(inventory, catalogue)
        runs.append(time.perf_counter() - start)
    print(f"build_plan, 200 accounts: median {_median_ms(runs)} over {len(runs)} runs")


if __name__ == "__main__":
    main()
