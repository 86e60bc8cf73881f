"""Online breach lookups: 1,000 distinct passwords against a loopback range server that
adds 50 ms to every reply, hygiene's client against the ``pwnedpasswords`` package.

The server is the tests' own (``tests/breach_server.py``), run in its own process as a
real server would be. ``pwnedpasswords`` hard-codes its address, so this bench, and only
this bench, replaces its URL function to point at the server. Both must report the
corpus's counts exactly.

    bench/.data/venv/bin/pip install -e . pwnedpasswords
    bench/.data/venv/bin/python bench/breach_online.py [--latency 0.05] [--passwords 1000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from collections import Counter
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from breach_corpus import Corpus, sha1
from breach_server import serve

from hygiene.breach.interface import Found
from hygiene.breach.online import OnlineSource
from hygiene.secret import Secret


def build(count: int) -> tuple[Corpus, list[str], dict[str, int]]:
    """Passwords (about 60% in the corpus), and a corpus with 200 more lines per range."""
    rng = random.Random(3)
    passwords = [f"online-bench-{i}" for i in range(count)]
    counts = {p: rng.randint(1, 100_000) for p in passwords if rng.random() < 0.6}
    corpus = Corpus()
    for password in passwords:
        prefix = sha1(password)[:5]
        for _ in range(200):
            corpus.counts[prefix + f"{rng.getrandbits(140):035X}"] = rng.randint(1, 50)
    for password, seen in counts.items():
        corpus.counts[sha1(password)] = seen
    return corpus, passwords, counts


def run_server(corpus: Corpus, latency: float, out: Any, stop: Event) -> None:
    with serve(corpus, latency=latency) as server:
        out.put(server.url)
        stop.wait()
        agents = Counter(
            (r.headers.get("user-agent", ""), r.headers.get("add-padding") == "true")
            for r in server.requests
        )
        out.put(dict(agents))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--passwords", type=int, default=1000)
    args = parser.parse_args()
    corpus, passwords, counts = build(args.passwords)
    import pwnedpasswords
    from pwnedpasswords.pwnedpasswords import PwnedPasswordsAPI

    out: Any = multiprocessing.Queue()
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=run_server, args=(corpus, args.latency, out, stop))
    server.start()
    url = out.get()
    try:
        # The package has no setting for its address; point its URL function at the server.
        PwnedPasswordsAPI.url = staticmethod(lambda *parts, **_: f"{url}/" + "/".join(parts))
        start = time.perf_counter()
        with OnlineSource(url) as source:
            ours = source.check_many([Secret(p) for p in passwords])
        ours_time = time.perf_counter() - start
        start = time.perf_counter()
        theirs = [pwnedpasswords.check(p, plain_text=True) for p in passwords]
        theirs_time = time.perf_counter() - start
    finally:
        stop.set()
        requests = out.get()
        server.join(5)

    ours_counts = [r.count if isinstance(r, Found) else 0 for r in ours]
    want = [counts.get(p, 0) for p in passwords]
    assert ours_counts == want, "hygiene's counts differ from the corpus"
    assert theirs == want, "pwnedpasswords' counts differ from the corpus"
    print(
        f"{len(passwords):,} distinct passwords ({len({sha1(p)[:5] for p in passwords}):,} "
        f"prefixes), {sum(1 for c in want if c):,} in the corpus, "
        f"server latency {args.latency * 1000:.0f} ms, loopback"
    )
    for (agent, padded), count in sorted(requests.items()):
        print(f"  server saw {count:,} requests from {agent!r}, padding asked: {padded}")
    print(f"  {'hygiene OnlineSource.check_many':<36} {ours_time:7.2f} s")
    print(f"  {'pwnedpasswords 3.1.0, one by one':<36} {theirs_time:7.2f} s")
    print(f"  hygiene is {theirs_time / ours_time:.1f}x faster; counts identical")


if __name__ == "__main__":
    main()
