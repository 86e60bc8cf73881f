"""Detection quality of the targeted verdict on a generated evaluation set.

Personas with about 20 facts each (names, children, pets, dates, address, phone, car,
team, hobby, a security answer, an old password) and, for each, passwords built the way
published studies say people build them: name + year, pet + digits + symbol, a child's
name + ddmm, two or three personal words joined, case and look-alike variants, street +
house number, an old password with a changed year or ending. Negatives: random 4 to 6 word
passphrases that avoid the facts, and random 12 to 20 character strings. Prints, per
pattern, the share the targeted verdict calls guessable, beside zxcvbn's score <= 2 (with
the person's tokens as user inputs). Seeded, so figures repeat.

    python bench/strength_quality.py [--personas 40] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from hygiene.data import eff_words
from hygiene.facts import Facts, load_facts
from hygiene.secret import Secret
from hygiene.strength import assess


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    """Jennifer Sarah Emma Laura Claire Rachel Amy Helen Lisa Michelle Karen Joanne Nicola
Kelly Donna Lucy Hannah Sophie Chloe Megan Jessica Olivia Amelia Isla Ava Mia Ruby Grace
James David Daniel Thomas Oliver Jack Harry George Noah Leo Charlie Jacob Alfie Freddie
Archie Oscar Mark Paul Steven Lee Wayne Craig Darren Gary Kevin Ryan Liam Connor"""
)
SURNAMES = _words(
    """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis Hughes"""
)
PETS = _words(
    """Bella Max Fluffy Rover Luna Charlie Daisy Milo Coco Buddy Molly Poppy Rosie Teddy
Alfie Bailey Lola Tilly Bruno Biscuit Oreo Smudge Tigger Pepper Shadow Misty Ziggy"""
)
TEAMS = _words(
    """Arsenal Chelsea Liverpool Everton Leeds Villa Spurs Newcastle Derby Forest Celtic
Rangers Wolves Burnley Sunderland"""
)
HOBBIES = _words(
    """fishing darts golf snooker netball yoga baking knitting cycling running guitar
chess bowling dancing camping"""
)
TOWNS = _words(
    """Derby Leeds Bristol Cardiff Leicester Nottingham Sheffield Hull Luton Reading
Swindon Norwich Exeter Preston Wigan Bolton"""
)
STREETS = _words(
    """Oak Mill Church Station Park Victoria Queens Kings Highfield Manor Elm Willow
Beech Grange"""
)
STREET_TYPES = ["Street", "Road", "Lane", "Close", "Avenue", "Drive"]
SYMBOLS = "!@#$?*."
LEET = {"a": "@", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"}


def persona(rng: random.Random) -> dict[str, object]:
    surname = rng.choice(SURNAMES)
    kids = [rng.choice(FIRST) for _ in range(rng.randint(1, 3))]
    pets = rng.sample(PETS, rng.randint(1, 2))
    dates = [
        f"{rng.randint(1960, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for _ in range(2 + len(kids))
    ]
    house = rng.randint(1, 150)
    street = f"{rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
    return {
        "me": f"{rng.choice(FIRST)} {surname}",
        "ex": f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
        "kids": [f"{k} {surname}" for k in kids],
        "pets": pets,
        "dates": dates,
        "house": house,
        "street": street,
        "town": rng.choice(TOWNS),
        "postcode": f"{rng.choice(['DE', 'LS', 'BS', 'NG'])}{rng.randint(1, 29)} "
        f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTUW')}",
        "phone": f"07700 9{rng.randint(0, 99999):05d}",
        "car": f"{rng.choice(['AB', 'KX', 'YT'])}{rng.randint(10, 70)} "
        f"{''.join(rng.choices(string.ascii_uppercase, k=3))}",
        "team": rng.choice(TEAMS),
        "hobby": rng.choice(HOBBIES),
        "maiden": rng.choice(SURNAMES),
        "old": f"{pets[0]}{rng.randint(2010, 2022)}{rng.choice('!#')}",
    }


def facts_file(p: dict[str, object], folder: Path, extra: list[str]) -> Facts:
    kids = p["kids"]
    dates = p["dates"]
    assert isinstance(kids, list) and isinstance(dates, list)
    names = [f'{{ value = "{p["me"]}", label = "me" }}', f'{{ value = "{p["ex"]}" }}']
    names += [f'{{ value = "{k}", label = "child" }}' for k in kids]
    names += [f'{{ value = "{pet}", label = "pet" }}' for pet in p["pets"]]  # type: ignore[attr-defined]
    names += [f'"{name}"' for name in extra]
    text = (
        f"names = [{', '.join(names)}]\n"
        f"dates = [{', '.join(repr(d).replace(chr(39), chr(34)) for d in dates)}]\n"
        f'places = ["{p["house"]} {p["street"]}", "{p["town"]}", "{p["postcode"]}"]\n'
        f'numbers = ["{p["phone"]}", "{p["car"]}"]\n'
        f'words = ["{p["team"]}", "{p["hobby"]}"]\n'
        f'answers = [{{ value = "{p["maiden"]}", label = "mother\'s maiden name" }}]\n'
        f'old_passwords = ["{p["old"]}"]\n'
    )
    path = folder / "facts.toml"
    path.write_text(text)
    return load_facts(path)


def cap(rng: random.Random, word: str) -> str:
    return rng.choice([word.lower(), word.capitalize(), word.upper(), word.capitalize()])


def leet(rng: random.Random, word: str) -> str:
    spots = [i for i, c in enumerate(word.lower()) if c in LEET]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
        word = word[:i] + LEET[word[i].lower()] + word[i + 1 :]
    return word


def personal(rng: random.Random, p: dict[str, object]) -> dict[str, Callable[[], str]]:
    kids = [str(k).split()[0] for k in p["kids"]]  # type: ignore[attr-defined]
    pets = list(p["pets"])  # type: ignore[call-overload]
    dates = list(p["dates"])  # type: ignore[call-overload]
    me_first = str(p["me"]).split()[0]
    names = [me_first, *kids, *pets]
    words = [*names, str(p["team"]), str(p["hobby"]), str(p["town"])]

    def year() -> str:
        return rng.choice([d[:4] for d in dates] + [str(rng.randint(1960, 2025))])

    def ddmm(i: int) -> str:
        d = dates[min(i, len(dates) - 1)]
        return d[8:10] + d[5:7]

    old = str(p["old"])
    street = str(p["street"]).split()

    return {
        "name + year": lambda: cap(rng, rng.choice(names)) + year(),
        "pet + digits + symbol": lambda: (
            cap(rng, rng.choice(pets)) + str(rng.randint(0, 999)) + rng.choice(SYMBOLS)
        ),
        "child + ddmm": lambda: cap(rng, kids[i := rng.randrange(len(kids))]) + ddmm(2 + i),
        "two personal words": lambda: rng.choice(["", "-", "_", "."]).join(
            cap(rng, w) for w in rng.sample(words, 2)
        ),
        "three personal words": lambda: rng.choice(["", "-", "_"]).join(
            cap(rng, w) for w in rng.sample(words, 3)
        ),
        "case and look-alike variants": lambda: (
            leet(rng, cap(rng, rng.choice(words))) + rng.choice(["", year(), "1", "123", "!"])
        ),
        "street + house number": lambda: rng.choice(
            [
                f"{street[0]}{p['house']}",
                f"{p['house']}{street[0]}",
                f"{''.join(street)}{p['house']}",
            ]
        ),
        "old password, year or ending changed": lambda: rng.choice(
            [
                old[:-5] + str(int(old[-5:-1]) + rng.randint(1, 4)) + old[-1],
                old[:-1] + rng.choice(["?", "!!", "1", "#1"]),
                old[:-1],
                old.lower(),
            ]
        ),
    }


def negatives(rng: random.Random, facts: Facts) -> dict[str, Callable[[], str]]:
    tokens = {t.text for t in facts.tokens() if len(t.text) >= 3}
    pool = [w for w in eff_words() if not any(t in w or w in t for t in tokens)]
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_=+?"
    return {
        "random passphrase, 4-6 words": lambda: rng.choice(["-", " ", "", "."]).join(
            rng.choice(pool) for _ in range(rng.randint(4, 6))
        ),
        "random string, 12-20 characters": lambda: "".join(
            rng.choice(alphabet) for _ in range(rng.randint(12, 20))
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", type=int, default=40)
    parser.add_argument("--per-pattern", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--extra-facts", type=int, default=0, help="add this many more names to every persona"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[str] = []
    logs: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.personas):
            p = persona(rng)
            extra = [f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}" for _ in range(args.extra_facts)]
            facts = facts_file(p, Path(folder), extra)
            for group, makers in (
                ("personal", personal(rng, p)),
                ("negative", negatives(rng, facts)),
            ):
                for name, make in makers.items():
                    for _ in range(args.per_pattern):
                        password = make()
                        result = assess(Secret(password), facts)
                        logs[group].append(result.targeted.guesses_log10)
                        row = counts[(group, name)]
                        row[0] += 1
                        row[1] += result.targeted.guessable
                        row[2] += result.generic.score <= 2
                        if args.show_misses and (
                            result.targeted.guessable != (group == "personal")
                        ):
                            misses.append(
                                f"{group:8} {password:32} 10^{result.targeted.guesses_log10:.1f} "
                                f"{result.targeted.reading}"
                            )
    print(f"{'set':9} {'pattern':40} {'n':>5} {'targeted guessable':>19} {'zxcvbn score<=2':>16}")
    for group in ("personal", "negative"):
        total = [0, 0, 0]
        for (g, name), row in counts.items():
            if g != group:
                continue
            total = [a + b for a, b in zip(total, row, strict=True)]
            print(f"{g:9} {name:40} {row[0]:5} {row[1] / row[0]:19.1%} {row[2] / row[0]:16.1%}")
        n, hit, zx = total
        print(f"{group:9} {'ALL':40} {n:5} {hit / n:19.1%} {zx / n:16.1%}")
    for group, values in logs.items():
        values.sort()
        cut = values[len(values) // 20], values[len(values) // 2], values[-len(values) // 20 - 1]
        print(
            f"{group}: targeted log10 guesses min {values[0]:.1f}, 5% {cut[0]:.1f}, "
            f"median {cut[1]:.1f}, 95% {cut[2]:.1f}, max {values[-1]:.1f}"
        )
    for line in misses:
        print(line)


if __name__ == "__main__":
    main()
