"""Detection quality of the targeted verdict on a generated evaluation set.

Personas are generated, not written by hand: a person, the one they were with, children,
pets, parents, siblings and friends, each with a birthday; an anniversary; the current and
old addresses, a town, a school; a mobile and a landline; cars; a team, hobbies, a band;
security answers and old passwords. Each persona keeps 8, 20 or 40 of these facts, the
ones a support worker would write first and then a random choice of the rest, and half
of the personas have each list in a random order, so the most telling facts are not
always first. For each persona, passwords are built the way published studies say people
build them, one family at a time, from facts drawn at random among those it kept. The
negatives: random 4 to 6 word passphrases that avoid the facts, random 12 to 20 character
strings, and 5-word random passphrases with one personal word among them (none of these
should be called guessable).

Prints, per family and facts count, the share the targeted verdict calls guessable,
beside zxcvbn's score <= 2 (with the person's tokens as user inputs), and the median and
95th percentile CPU time of one full check (both verdicts) and of the targeted model alone.
Seeded, so figures repeat.

    python bench/strength_quality.py [--personas 40] [--per-family 4] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from hygiene.data import eff_words
from hygiene.facts import Fact, FactKind, Facts
from hygiene.secret import Secret
from hygiene.strength import assess, targeted


def _words(text: str) -> list[str]:
    return text.split()


FEMALE = _words(
    """Jennifer Sarah Emma Laura Claire Rachel Amy Helen Lisa Michelle Karen Joanne Nicola
Kelly Donna Lucy Hannah Sophie Chloe Megan Jessica Olivia Amelia Isla Ava Mia Ruby Grace
Rebecca Katherine Elizabeth Victoria Charlotte Abigail Samantha Eleanor Harriet Deborah
Susan Patricia Margaret Alexandra Isabella Poppy Freya Niamh Aisha Priya Zara Leah"""
)
MALE = _words(
    """James David Daniel Thomas Oliver Jack Harry George Noah Leo Charlie Jacob Alfie Freddie
Archie Oscar Mark Paul Steven Lee Wayne Craig Darren Gary Kevin Ryan Liam Connor William
Samuel Matthew Joseph Christopher Benjamin Nicholas Robert Michael Edward Anthony Stephen
Joshua Alexander Theodore Frederick Mohammed Aaron Callum Dylan Kieran Rhys"""
)
# How people in the UK shorten given names (written for this bench, not taken from the
# list the checker uses).
CALLED = {
    "Oliver": ["Olly", "Ollie", "Oli"],
    "William": ["Will", "Billy", "Wills"],
    "Elizabeth": ["Beth", "Lizzie", "Liz", "Libby"],
    "Alexander": ["Alex", "Xander", "Al"],
    "Alexandra": ["Alex", "Lexi", "Ali"],
    "Thomas": ["Tom", "Tommy"],
    "Samuel": ["Sam", "Sammy"],
    "Samantha": ["Sam", "Sammie"],
    "Jennifer": ["Jen", "Jenny"],
    "Rebecca": ["Becky", "Becca", "Bex"],
    "Katherine": ["Kate", "Katie", "Kath"],
    "Daniel": ["Dan", "Danny"],
    "Matthew": ["Matt", "Matty"],
    "Joseph": ["Joe", "Joey"],
    "Charlotte": ["Lottie", "Charlie"],
    "Margaret": ["Maggie", "Meg", "Peggy"],
    "Victoria": ["Vicky", "Tori", "Vic"],
    "Christopher": ["Chris", "Kit"],
    "Benjamin": ["Ben", "Benji"],
    "Nicholas": ["Nick", "Nicky"],
    "Jessica": ["Jess", "Jessie"],
    "Robert": ["Rob", "Bob", "Bobby"],
    "Michael": ["Mike", "Mikey", "Mick"],
    "Edward": ["Ed", "Eddie", "Ted"],
    "Abigail": ["Abby", "Abi"],
    "Isabella": ["Izzy", "Bella"],
    "Harriet": ["Hattie", "Hatty"],
    "Frederick": ["Fred", "Freddie"],
    "Anthony": ["Tony", "Ant"],
    "Stephen": ["Steve", "Stevie"],
    "Deborah": ["Debbie", "Deb"],
    "Patricia": ["Pat", "Trish"],
    "Susan": ["Sue", "Susie"],
    "Joshua": ["Josh"],
    "Eleanor": ["Ellie", "Nell"],
    "Theodore": ["Theo", "Teddy"],
    "Jacob": ["Jake"],
    "Callum": ["Cal"],
    "Hannah": ["Han"],
    "Sophie": ["Soph"],
    "James": ["Jim", "Jamie", "Jimmy"],
    "Harry": ["Haz", "H"],
    "Steven": ["Steve", "Stevie"],
}
SURNAMES = _words(
    """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis Hughes Murphy
O'Brien Campbell Stewart Begum Ahmed Kaur Singh Turner Parker Cooper Morris Ward"""
)
PETS = _words(
    """Bella Max Fluffy Rover Luna Charlie Daisy Milo Coco Buddy Molly Poppy Rosie Teddy
Alfie Bailey Lola Tilly Bruno Biscuit Oreo Smudge Tigger Pepper Shadow Misty Ziggy Bonnie
Archie Nala Simba Winston Marley Peanut Rocky"""
)
TEAMS = _words(
    """Arsenal Chelsea Liverpool Everton Leeds Villa Spurs Newcastle Derby Forest Celtic
Rangers Wolves Burnley Sunderland Hibs Cardiff Swansea Wrexham Saints"""
)
HOBBIES = _words(
    """fishing darts golf snooker netball yoga baking knitting cycling running guitar
chess bowling dancing camping gardening swimming boxing painting karaoke"""
)
BANDS = _words("Oasis Blur Queen Coldplay Madness Abba Muse Elbow Stereophonics Westlife")
TOWNS = _words(
    """Derby Leeds Bristol Cardiff Leicester Nottingham Sheffield Hull Luton Reading
Swindon Norwich Exeter Preston Wigan Bolton Swansea Dundee Belfast Lincoln Chester"""
)
STREETS = _words(
    """Oak Mill Church Station Park Victoria Queens Kings Highfield Manor Elm Willow
Beech Grange Meadow Orchard Holly Rose Ashby Windsor Cedar"""
)
# Street types as written in the facts, and how people shorten them in passwords.
STREET_TYPES = {
    "Street": ["St"],
    "Road": ["Rd"],
    "Lane": ["Ln"],
    "Close": ["Cl"],
    "Avenue": ["Ave", "Av"],
    "Drive": ["Dr"],
    "Crescent": ["Cres", "Cr"],
    "Gardens": ["Gdns"],
    "Court": ["Ct"],
    "Grove": ["Gr"],
    "Terrace": ["Terr"],
    "Place": ["Pl"],
}
SCHOOLS = _words("St-Marys Hillside Greenfield Oakwood Riverside Westfield Ashfield")
FOODS = _words("pizza curry chocolate pasta sushi tacos cheese")
SYMBOLS = "!@#$?*."
LEET = {"a": "@", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"}
WALKS = _words("qwe asd zxc qwerty asdf 1qaz zaq1 qaz wsx 1q2w3e qwer zxcv !qaz poi lkj 123qwe")
JOINS = ["and", "And", "&", "n", "4", "+", "x", "love", "Loves", "", "-", "_"]


@dataclass
class Persona:
    """Every fact of one person, by list, and what each fact is, for building passwords."""

    lists: dict[FactKind, list[tuple[str, str | None]]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: FactKind, value: str, label: str | None, role: str) -> None:
        self.lists.setdefault(kind, []).append((value, label))
        self.roles[role].append(value)

    def facts(self) -> Facts:
        return Facts(
            tuple(
                Fact(kind, value, label, index)
                for kind, entries in self.lists.items()
                for index, (value, label) in enumerate(entries)
            )
        )


def _date(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _phone(rng: random.Random, landline: bool) -> str:
    if landline:
        area = rng.choice(["01332", "0113", "0117", "029", "0116", "0115", "0114", "01482"])
        local = "".join(rng.choices(string.digits, k=10 - len(area) + 1))
        return f"{area} {local[0].replace('0', '3')}{local[1:]}"
    return f"07{rng.randint(300, 999)} {rng.randint(100000, 999999)}"


def pool(rng: random.Random) -> list[tuple[FactKind, str, str | None, str]]:
    """Every fact a person could give, the ones a support worker asks for first, first."""
    surname = rng.choice(SURNAMES)
    me_first = rng.choice(FEMALE + MALE)
    ex_first = rng.choice(MALE + FEMALE)
    year = rng.randint(1965, 2000)
    me_born = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    street = f"{rng.choice(STREETS)} {rng.choice(list(STREET_TYPES))}"
    name, date, place = FactKind.name, FactKind.date, FactKind.place
    number, word, answer = FactKind.number, FactKind.word, FactKind.answer
    core = [
        (name, f"{me_first} {surname}", "me", "me"),
        (name, f"{ex_first} {rng.choice(SURNAMES)}", rng.choice(["ex", "partner", None]), "ex"),
        (date, me_born, "my birthday", "date"),
        (place, f"{rng.randint(1, 150)} {street}", "home", "street"),
        (number, _phone(rng, landline=False), "mobile", "mobile"),
    ]
    rest: list[tuple[FactKind, str, str | None, str]] = []
    for _ in range(rng.randint(1, 3)):
        child = rng.choice(FEMALE + MALE)
        rest.append((name, f"{child} {surname}", rng.choice(["child", "son", "daughter"]), "kid"))
        rest.append((date, _date(rng, year + 18, 2022), f"{child}'s birthday", "date"))
    for _ in range(rng.randint(1, 3)):
        rest.append((name, rng.choice(PETS), rng.choice(["pet", "dog", "cat"]), "pet"))
    for role in ("mum", "dad", "sister", "brother", "best friend", "nan", "grandad"):
        family = surname if role in ("dad", "sister", "brother") else rng.choice(SURNAMES)
        first = rng.choice(MALE if role in ("dad", "brother", "grandad") else FEMALE)
        rest.append((name, f"{first} {family}", rng.choice([role, None]), "relative"))
        rest.append((date, _date(rng, 1935, 2005), f"{role}'s birthday", "date"))
    rest.append((date, _date(rng, year + 18, 2023), "anniversary", "anniversary"))
    rest.append((date, _date(rng, year + 18, 2023), "wedding", "anniversary"))
    old = f"{rng.randint(1, 150)} {rng.choice(STREETS)} {rng.choice(list(STREET_TYPES))}"
    rest.append((place, old, "old address", "street"))
    rest.append((place, rng.choice(TOWNS), "home town", "town"))
    rest.append((place, rng.choice(TOWNS), "where I was born", "town"))
    rest.append((place, rng.choice(SCHOOLS).replace("-", " ") + " School", "school", "town"))
    rest.append((number, _phone(rng, landline=True), "landline", "landline"))
    rest.append((number, _phone(rng, landline=False), "old mobile", "mobile"))
    for label in ("car", "old car"):
        reg = f"{rng.choice(['AB', 'KX', 'YT', 'LS'])}{rng.randint(10, 70)} "
        rest.append((number, reg + "".join(rng.choices(string.ascii_uppercase, k=3)), label, "car"))
    rest.append((word, rng.choice(TEAMS), "team", "word"))
    for hobby in rng.sample(HOBBIES, 2):
        rest.append((word, hobby, "hobby", "word"))
    rest.append((word, rng.choice(BANDS), "band", "word"))
    rest.append((word, rng.choice(FOODS), "favourite food", "word"))
    rest.append((answer, rng.choice(SURNAMES), "mother's maiden name", "word"))
    rest.append((answer, rng.choice(PETS), "first pet", "pet"))
    olds = [f"{rng.choice(PETS)}{rng.randint(2010, 2022)}!", f"{me_first}{rng.randint(1, 99)}#"]
    rest += [(FactKind.old_password, old, None, "old") for old in olds]
    rng.shuffle(rest)
    return core + rest


def persona(rng: random.Random, size: int) -> Persona:
    chosen = pool(rng)[:size]
    if rng.random() < 0.5:
        rng.shuffle(chosen)  # a support worker who writes facts down as they come up
    found = Persona()
    for kind, value, label, role in chosen:
        found.add(kind, value, label, role)
    return found


def cap(rng: random.Random, word: str) -> str:
    return rng.choice([word.lower(), word.capitalize(), word.upper(), word.capitalize()])


def leet(rng: random.Random, word: str) -> str:
    spots = [i for i, c in enumerate(word.lower()) if c in LEET]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
        word = word[:i] + LEET[word[i].lower()] + word[i + 1 :]
    return word


Maker = Callable[[], str | None]


def families(rng: random.Random, p: Persona) -> dict[str, Maker]:
    """One password maker per family; a maker returns None when the persona lacks the facts."""
    r = p.roles
    people = [v.split()[0] for role in ("me", "ex", "kid", "relative") for v in r.get(role, [])]
    names = people + r.get("pet", [])
    words = names + [w.split()[0] for w in r.get("word", []) + r.get("town", [])]
    dates = r.get("date", []) + r.get("anniversary", [])
    surname = [v.split()[-1] for v in r.get("me", []) + r.get("kid", [])]

    def pick(items: list[str]) -> str | None:
        return rng.choice(items) if items else None

    def year() -> str:
        return rng.choice([d[:4] for d in dates] or [str(rng.randint(1960, 2025))])

    def date_in(d: str, sep: str) -> str:
        y, m, dd = d.split("-")
        layout = rng.choice(["dmy", "dmY", "Ymd", "mdY", "dm"])
        part = {"d": dd, "m": m, "Y": y, "y": y[2:]}
        return sep.join(part[c] for c in layout)

    def with_(*parts: str | None) -> str | None:
        return None if any(x is None for x in parts) else "".join(x for x in parts if x)

    def couple() -> str | None:
        if len(people) < 2:
            return None
        first, second = (people[0], people[1]) if rng.random() < 0.7 else rng.sample(people, 2)
        join = rng.choice(JOINS)
        text = cap(rng, first) + (join if join in "-_" else cap(rng, join)) + cap(rng, second)
        when = pick(r.get("anniversary", []) + r.get("date", []))
        tail = rng.choice(["", year(), date_in(when, rng.choice(["", "", "."])) if when else ""])
        return text + tail + rng.choice(["", "", "!", "1"])

    def walk() -> str | None:
        name = pick(names)
        if name is None:
            return None
        keys = rng.choice(WALKS)
        body = cap(rng, name) + rng.choice(["", "", str(rng.randint(1, 99)), year()])
        return keys + body if rng.random() < 0.5 else body + keys

    def separated_date() -> str | None:
        d = pick(dates)
        if d is None:
            return None
        sep = rng.choice(["_", " ", "-", ".", "/", "_", " "])
        lead = rng.choice(["", cap(rng, pick(names) or ""), ""])
        return lead + date_in(d, sep) + rng.choice(["", "!"])

    def phone() -> str | None:
        numbers = r.get("mobile", []) + r.get("landline", [])
        n = pick(numbers)
        if n is None:
            return None
        digits = n.replace(" ", "")
        local = n.split()[-1]
        form = rng.choice(
            [digits[1:], "+44" + digits[1:], "0044" + digits[1:], "44" + digits[1:], digits[-6:]]
            + ([local] if n in r.get("landline", []) else [])
        )
        lead = rng.choice(["", "", cap(rng, pick(names) or "")])
        return lead + form + rng.choice(["", "!"])

    def street() -> str | None:
        s = pick(r.get("street", []))
        if s is None:
            return None
        number, *named, kind = s.split()
        short = rng.choice(STREET_TYPES[kind])
        body = "".join(cap(rng, x) for x in named) + cap(rng, short)
        return rng.choice([number + body, body + number, f"{number} {' '.join(named)} {short}"])

    def initials() -> str | None:
        full = pick(r.get("me", []) + r.get("kid", []) + r.get("ex", []))
        if full is None:
            return None
        first, last = full.split()[0], full.split()[-1]
        initial = rng.choice([first[0].upper(), first[0].lower()])
        body = initial + rng.choice(["", ".", ""]) + rng.choice([last, last.lower(), last.upper()])
        return body + rng.choice([year(), str(rng.randint(1, 99)), "!", ""])

    def nickname() -> str | None:
        known = [CALLED[n] for n in people if n in CALLED]
        if not known:
            return None
        nick = rng.choice(rng.choice(known))
        return (
            cap(rng, nick)
            + rng.choice([year(), year()[2:], str(rng.randint(1, 99))])
            + (rng.choice(["", "", "!"]))
        )

    old = r.get("old", [])

    def joined(count: int, separators: list[str]) -> str | None:
        if len(words) < count:
            return None
        return rng.choice(separators).join(cap(rng, w) for w in rng.sample(words, count))

    def old_edit() -> str | None:
        o = pick(old)
        if o is None:
            return None
        return rng.choice([o[:-1] + rng.choice(["?", "!!", "1", "#1"]), o[:-1], o.lower()])

    return {
        "name + year": lambda: with_(cap(rng, pick(names) or ""), year()) if names else None,
        "pet + digits + symbol": lambda: (
            cap(rng, pet) + str(rng.randint(0, 999)) + rng.choice(SYMBOLS)
            if (pet := pick(r.get("pet", [])))
            else None
        ),
        "child + ddmm": lambda: (
            cap(rng, kid.split()[0]) + date_in(pick(dates) or "2000-01-01", "")[:4]
            if (kid := pick(r.get("kid", [])))
            else None
        ),
        "two personal words": lambda: joined(2, ["", "-", "_", "."]),
        "three personal words": lambda: joined(3, ["", "-", "_"]),
        "case and look-alike variants": lambda: (
            leet(rng, cap(rng, rng.choice(words))) + rng.choice(["", year(), "1", "123", "!"])
        ),
        "old password edited": old_edit,
        "couple": couple,
        "keyboard walk + personal word": walk,
        "date, any separator": separated_date,
        "phone number, other forms": phone,
        "street, abbreviated type": street,
        "initials + surname": initials if surname else lambda: None,
        "nickname": nickname,
    }


def negatives(rng: random.Random, facts: Facts, p: Persona) -> dict[str, Maker]:
    tokens = {t.text for t in facts.tokens() if len(t.text) >= 3}
    words = [w for w in eff_words() if not any(t in w or w in t for t in tokens)]
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_=+?"
    own = [w.split()[0].lower() for ws in p.roles.values() for w in ws if w.split()[0].isalpha()]

    def with_one_personal() -> str:
        chosen = [rng.choice(words) for _ in range(4)]
        chosen.insert(rng.randrange(5), rng.choice(own))
        return rng.choice(["-", " ", "", "."]).join(chosen)

    return {
        "random passphrase, 4-6 words": lambda: rng.choice(["-", " ", "", "."]).join(
            rng.choice(words) for _ in range(rng.randint(4, 6))
        ),
        "random string, 12-20 characters": lambda: "".join(
            rng.choice(alphabet) for _ in range(rng.randint(12, 20))
        ),
        "5 random words, one personal": with_one_personal,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", type=int, default=40, help="personas per facts count")
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sizes", default="8,20,40", help="facts per persona")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sizes = [int(s) for s in args.sizes.split(",")]
    # (group, family, size) -> [n, targeted guessable, zxcvbn score <= 2]
    counts: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    timings: dict[tuple[str, int], list[float]] = defaultdict(list)
    misses: list[str] = []
    for size in sizes:
        for _ in range(args.personas):
            p = persona(rng, size)
            facts = p.facts()
            for group, makers in (
                ("personal", families(rng, p)),
                ("negative", negatives(rng, facts, p)),
            ):
                for name, make in makers.items():
                    for _ in range(args.per_family):
                        password = make()
                        if not password:
                            continue
                        secret = Secret(password)
                        # CPU time: on a shared machine the wall clock includes waiting.
                        start = time.process_time()
                        result = assess(secret, facts)
                        timings[("full check", size)].append(time.process_time() - start)
                        start = time.process_time()
                        targeted(secret, facts)
                        timings[("targeted alone", size)].append(time.process_time() - start)
                        row = counts[(group, name, size)]
                        row[0] += 1
                        row[1] += result.targeted.guessable
                        row[2] += result.generic.score <= 2
                        if args.show_misses and result.targeted.guessable != (group == "personal"):
                            misses.append(
                                f"{group:8} {size:3} {password!r:34} "
                                f"10^{result.targeted.guesses_log10:.1f} {result.targeted.reading}"
                            )
    report(counts, sizes)
    print()
    print(f"{'CPU per check':16} " + " ".join(f"{f'{s} facts p50/p95 ms':>22}" for s in sizes))
    for what in ("full check", "targeted alone"):
        cells = []
        for size in sizes:
            values = sorted(timings[(what, size)])
            p95 = values[int(len(values) * 0.95)]
            cells.append(f"{statistics.median(values) * 1000:>11.2f} / {p95 * 1000:>7.2f}")
        print(f"{what:16} " + " ".join(f"{c:>22}" for c in cells))
    for line in misses:
        print(line)


def report(counts: dict[tuple[str, str, int], list[int]], sizes: list[int]) -> None:
    head = " ".join(f"{f'{s}: n tgt zx':>20}" for s in sizes)
    print(f"{'set':9} {'family':32} {head} {'all: tgt':>9}")
    for group in ("personal", "negative"):
        names = list(dict.fromkeys(name for g, name, _ in counts if g == group))
        totals: dict[int, list[int]] = {s: [0, 0, 0] for s in sizes}
        for name in [*names, "ALL"]:
            cells, n_all, hit_all = [], 0, 0
            for size in sizes:
                if name == "ALL":
                    row = totals[size]
                else:
                    row = counts.get((group, name, size), [0, 0, 0])
                    totals[size] = [a + b for a, b in zip(totals[size], row, strict=True)]
                n, hit, zx = row
                n_all, hit_all = n_all + n, hit_all + hit
                cells.append(f"{n:5} {hit / n:6.1%} {zx / n:6.1%}" if n else f"{'-':>20}")
            share = f"{hit_all / n_all:9.1%}" if n_all else f"{'-':>9}"
            print(f"{group:9} {name:32} {' '.join(f'{c:>20}' for c in cells)} {share}")


if __name__ == "__main__":
    main()
