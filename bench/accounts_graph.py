"""How long the recovery graph takes for a large inventory: 500 accounts, 1,000 contacts,
and the whole ``accounts check`` on 8,000 accounts (the target is under 3 seconds).

A made-up inventory (fixed seed) where accounts recover through each other's mailboxes,
shared numbers and devices, with cycles. Prints the best of several runs for building
the graph, the analysis (reach, shortest chains, ranked roots), and the whole check
(findings and sentences included). Run: python bench/accounts_graph.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from hygiene.accounts.check import check_inventory
from hygiene.accounts.graph import analyse, build_graph
from hygiene.accounts.inventory import Inventory
from hygiene.accounts.providers import shipped_catalogue

ACCOUNTS = 500
LARGE = 8000
CONTACTS = 1000
RUNS = 5


def make_inventory(seed: int = 5, size: int = ACCOUNTS) -> Inventory:
    rng = random.Random(seed)
    emails = [f"person{n}@example.com" for n in range(600)]
    phones = [f"07700 9{n:05d}" for n in range(380)]
    devices = [f"device {n}" for n in range(20)]
    contacts = [
        {
            "value": v,
            "controlled_by": rng.choice(["self", "self", "self", "shared", "them", "unknown"]),
        }
        for v in [*emails, *phones, *devices]
    ]
    answers = ["yes", "no", "no", "maybe"]
    accounts: list[dict[str, Any]] = []
    for n in range(size):
        mailbox = n < 120  # some accounts are the mailboxes others recover through
        accounts.append(
            {
                "id": f"account_{n}",
                "label": f"Account {n}",
                "provider": rng.choice(["google", "apple", "facebook", "uk_bank", "shop"]),
                "category": "email" if mailbox else rng.choice(["financial", "social", "shopping"]),
                "login": f"box{n}@example.com" if mailbox else rng.choice(emails),
                "recovery_emails": rng.sample(
                    [*emails, *(f"box{m}@example.com" for m in range(120))], rng.randint(0, 2)
                ),
                "recovery_phones": rng.sample(phones, rng.randint(0, 2)),
                "security_questions": [
                    {"question": "first pet", "abuser_knows": rng.choice(answers)}
                ]
                if rng.random() < 0.3
                else [],
                "two_factor": rng.choice(
                    [
                        [],
                        ["none"],
                        [f"sms:{rng.choice(phones)}"],
                        [f"app:{rng.choice(devices)}"],
                        ["key"],
                    ]
                ),
                "password_known_to_abuser": rng.choice(answers),
                "unknown_sessions": rng.choice(["yes", "no", "no", "not_checked"]),
            }
        )
    return Inventory.model_validate({"account": accounts, "contact": contacts})


def best(step: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    inv = make_inventory()
    graph = build_graph(inv)
    analysis = analyse(graph)
    catalogue = shipped_catalogue()
    edges = sum(1 for _ in graph.edges)
    print(f"inventory: {len(inv.accounts)} accounts, {len(inv.contacts)} contacts")
    print(f"graph: {len(graph.nodes)} nodes, {edges} edges, {len(graph.starts)} starting points")
    print(
        f"reachable: {len(analysis.reachable)} accounts "
        f"({sum(r.certain for r in analysis.reachable)} certain)"
    )
    print(f"build graph:        {best(lambda: build_graph(inv)) * 1000:7.1f} ms")
    print(f"analyse:            {best(lambda: analyse(graph)) * 1000:7.1f} ms")
    print(f"build + analyse:    {best(lambda: analyse(build_graph(inv))) * 1000:7.1f} ms")
    print(
        f"whole check:        {best(lambda: check_inventory(inv, catalogue)) * 1000:7.1f} ms"
        f"  (best of {RUNS})"
    )
    large = make_inventory(size=LARGE)
    # CPU time too: on a shared machine the wall clock also counts other work.
    start, cpu = time.perf_counter(), time.process_time()
    check_inventory(large, catalogue)
    print(
        f"whole check, {LARGE} accounts: {time.perf_counter() - start:7.2f} s wall, "
        f"{time.process_time() - cpu:.2f} s CPU  (one run)"
    )


if __name__ == "__main__":
    main()
