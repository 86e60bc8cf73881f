"""Time of the targeted analysis alone (no zxcvbn) per password, at 100 facts.

Builds a 100-fact file, then times ``hygiene.strength.targeted`` on passwords of 8 to 128
characters, personal and random, and prints the median and worst per length, plus the
one-off cost of expanding the facts and building the token tries.

    python bench/strength_targeted.py [--runs 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import tempfile
import time
from pathlib import Path

from hygiene.facts import load_facts
from hygiene.secret import Secret
from hygiene.strength import targeted
from hygiene.strength.fillers import ranked_words
from hygiene.strength.targeted import token_index

LENGTHS = (8, 16, 32, 64, 128)


def hundred_facts(folder: Path, rng: random.Random) -> Path:
    letters = string.ascii_lowercase
    names = [
        f'"{"".join(rng.choices(letters, k=6)).title()} {"".join(rng.choices(letters, k=7))}"'
        for _ in range(30)
    ]
    dates = [
        f'"{rng.randint(1950, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"'
        for _ in range(20)
    ]
    places = [
        f'"{rng.randint(1, 200)} {"".join(rng.choices(letters, k=6)).title()} Road"'
        for _ in range(15)
    ]
    numbers = [f'"07700 9{rng.randint(0, 99999):05d}"' for _ in range(15)]
    words = [f'"{"".join(rng.choices(letters, k=rng.randint(4, 9)))}"' for _ in range(15)]
    olds = [f'"{"".join(rng.choices(letters, k=8))}{rng.randint(1990, 2024)}!"' for _ in range(5)]
    path = folder / "facts.toml"
    path.write_text(
        f"names = [{', '.join(names)}]\ndates = [{', '.join(dates)}]\n"
        f"places = [{', '.join(places)}]\nnumbers = [{', '.join(numbers)}]\n"
        f"words = [{', '.join(words)}]\nold_passwords = [{', '.join(olds)}]\n"
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        facts = load_facts(hundred_facts(Path(folder), rng))
    start = time.perf_counter()
    ranked_words()
    lists = time.perf_counter() - start
    start = time.perf_counter()
    index = token_index(facts)
    build = time.perf_counter() - start
    print(f"{len(facts.facts)} facts, {len(facts.tokens())} tokens, {len(index.cost)} in the tries")
    print(f"one-off: word lists {lists * 1000:.0f} ms, facts indexed {build * 1000:.0f} ms")
    tokens = [t.text for t in facts.tokens() if t.tier == 1]
    alphabet = string.ascii_letters + string.digits + "!@#$-_"
    # CPU time beside wall time: on a busy machine the wall figure includes waiting.
    print(f"{'length':>6} {'kind':>9} {'median ms':>10} {'max ms':>8} {'median cpu ms':>14}")
    for length in LENGTHS:
        for kind in ("personal", "random"):
            samples, cpu = [], []
            for _ in range(args.runs):
                if kind == "random":
                    text = "".join(rng.choices(alphabet, k=length))
                else:
                    text = ""
                    while len(text) < length:
                        text += rng.choice(tokens).title() + rng.choice(["", "1", "!", "-", "2019"])
                    text = text[:length]
                secret = Secret(text)
                start, start_cpu = time.perf_counter(), time.process_time()
                targeted(secret, facts)
                samples.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(
                f"{length:6} {kind:>9} {statistics.median(samples) * 1000:10.2f} "
                f"{max(samples) * 1000:8.2f} {statistics.median(cpu) * 1000:14.2f}"
            )


if __name__ == "__main__":
    main()
