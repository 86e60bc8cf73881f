"""What is left of a password once the personal facts are found: the common fillers.

People pad personal words with the same few things: an ending (1, 123, !), a year, a short
run of digits or symbols, an ordinary word. Each class here comes with how many choices an
attacker's script has to walk through to reach this particular filler, counted in log10
guesses: the rank in a short list of endings, the distance of a year from today, 10 per
digit, the rank of a word in zxcvbn's frequency lists (English, names, film and TV, common
passwords). The lists are zxcvbn's, loaded once, on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from hygiene.strength.walks import find_walks

# Endings people add to satisfy a "digits and symbols" rule, most common first.
COMMON_ENDINGS: tuple[str, ...] = (
    "1",
    "!",
    "123",
    "12",
    "2",
    "1!",
    "!!",
    "3",
    "7",
    "01",
    "11",
    "13",
    "69",
    "22",
    "99",
    "00",
    "23",
    "21",
    "10",
    "1234",
    "?",
    ".",
    "0",
    "4",
    "5",
    "6",
    "8",
    "9",
    "!1",
    "123!",
    "12345",
    "007",
    "321",
    "!@#",
    "@",
    "#",
    "$",
    "*",
    "!!!",
    "111",
    "666",
    "777",
    "786",
    "88",
    "14",
    "4ever",
    "xx",
    "x",
    "xo",
    "xoxo",
    "01!",
    "#1",
    "1.",
    "123456",
    "2!",
    "12!",
    "1?",
    "!?",
)
ENDING_RANK = {ending: rank for rank, ending in enumerate(COMMON_ENDINGS, start=1)}
# How people join two names into one ("TomAndJane", "tom&jane", "tom4jane"), most common
# first; nothing at all ("TomJane") is the first join tried.
JOINERS: tuple[str, ...] = (
    "",
    "and",
    "&",
    "n",
    "+",
    "4",
    "x",
    "-",
    "_",
    ".",
    "love",
    "loves",
    "luv",
    "2",
    "&&",
    "plus",
    "<3",
    "xx",
    "y",
    "n'",
)
JOINER_RANK = {joiner: rank for rank, joiner in enumerate(JOINERS, start=1)}
MAX_JOINER = max(len(j) for j in JOINERS)
# Symbols in rough order of how often people use them, for separators and short runs.
SYMBOLS = "!-_.@#$ *&?%+=/~^,;:'\"()[]{}<>|\\`"
SYMBOL_RANK = {symbol: rank for rank, symbol in enumerate(SYMBOLS, start=1)}
# A year is tried outward from now; like zxcvbn, the first 20 years cost 20 guesses.
MIN_YEAR_SPACE = 20
OLDEST_YEAR = 1900
MIN_WORD = 3
MAX_ENDING = max(len(e) for e in COMMON_ENDINGS)
# Longer runs of digits or symbols cost what random characters cost; stopping here keeps a
# long run from costing time that grows with its square.
MAX_RUN = 12
# Characters people type in place of a letter (0 for o, @ for a ...): the one table of
# look-alike swaps, for fact tokens and for dictionary words alike.
LOOK_ALIKES: dict[str, tuple[str, ...]] = {
    "0": ("o",),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a",),
    "@": ("a",),
    "5": ("s",),
    "$": ("s",),
    "7": ("t",),
}
# Undoing the swaps to look a word up; "1" is tried as both "i" and "l".
DE_LEET = str.maketrans({char: letters[0] for char, letters in LOOK_ALIKES.items()})
DE_LEET_L = str.maketrans({char: letters[-1] for char, letters in LOOK_ALIKES.items()})

WORD_LABELS = {
    "passwords": ("common_password", "a common password"),
    "english_wikipedia": ("word", "a common word"),
    "us_tv_and_film": ("word", "a common word"),
    "female_names": ("word", "a common name"),
    "male_names": ("word", "a common name"),
    "surnames": ("word", "a common surname"),
}


@dataclass(frozen=True)
class Filler:
    """One filler part: its kind for scripts, its words for people, its cost in log10."""

    kind: str
    label: str
    log10: float


@lru_cache(maxsize=1)
def ranked_words() -> tuple[tuple[tuple[str, dict[str, int]], ...], int]:
    """zxcvbn's ranked lists (built once by zxcvbn itself, shared, never written to) and the
    longest word in them."""
    from hygiene.strength.generic import shipped_dictionaries

    lists = tuple(shipped_dictionaries().items())
    return lists, max(len(w) for _, ranked in lists for w in ranked)


def case_log10(text: str) -> float:
    """Extra guesses for the capitals in ``text``: none, a capital first, all capitals, or mixed."""
    upper = sum(1 for c in text if c.isupper())
    lower = sum(1 for c in text if c.islower())
    if upper == 0:
        return 0.0
    if lower == 0 or (upper == 1 and text[:1].isupper()):
        return math.log10(2)
    # Mixed capitals: any of the ways to place that few capitals (zxcvbn's formula).
    ways = sum(math.comb(upper + lower, k) for k in range(1, min(upper, lower) + 1))
    return math.log10(max(ways, 2))


def year_log10(text: str) -> float | None:
    if len(text) != 4 or not text.isdigit():
        return None
    year = int(text)
    this_year = date.today().year
    if not OLDEST_YEAR <= year <= this_year + 10:
        return None
    return math.log10(max(abs(this_year - year), MIN_YEAR_SPACE))


def find_fillers(text: str) -> dict[tuple[int, int], Filler]:
    """Every span ``(start, end)`` of ``text`` that is a common filler, with its cheapest class.

    Spans are walked once from each start and cut as soon as they can no longer be a filler
    (a digit run ends, a word grows past the longest listed word), so 128 characters stay
    in milliseconds.
    """
    found: dict[tuple[int, int], Filler] = {}

    def offer(start: int, end: int, filler: Filler) -> None:
        known = found.get((start, end))
        if known is None or filler.log10 < known.log10:
            found[(start, end)] = filler

    n = len(text)
    for span, cost in find_walks(text).items():
        offer(*span, Filler("walk", "a run of keys next to each other", cost))
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    swapped = {lowered.translate(DE_LEET), lowered.translate(DE_LEET_L)}
    swapped.discard(lowered)
    lists, longest = ranked_words()
    eff = _eff_words()
    for start in range(n):
        for end in range(start + 1, min(n, start + MAX_ENDING) + 1):
            rank = ENDING_RANK.get(lowered[start:end])
            if rank is not None:
                label = "a common ending" if end == n else "a common add-on"
                offer(start, end, Filler("ending", label, math.log10(rank)))
        end = start
        while end < n and end - start < MAX_RUN and text[end].isdigit():
            end += 1
            length = end - start
            offer(
                start,
                end,
                Filler("digits", "a digit" if length == 1 else f"{length} digits", float(length)),
            )
            year = year_log10(text[start:end]) if length == 4 else None
            if year is not None:
                offer(start, end, Filler("year", "a year", year))
        end, cost = start, 0.0
        while end < n and end - start < MAX_RUN and text[end] in SYMBOL_RANK:
            cost += math.log10(SYMBOL_RANK[text[end]] + 1)
            end += 1
            offer(
                start, end, Filler("symbols", "a symbol" if end - start == 1 else "symbols", cost)
            )
        for variant in (lowered, *swapped):
            extra = 0.0 if variant is lowered else math.log10(2)
            for end in range(start + MIN_WORD, min(n, start + longest) + 1):
                piece = variant[start:end]
                if variant is not lowered and piece == lowered[start:end]:
                    continue  # no look-alike in this span: the plain lookup covers it
                letters = piece.isalpha()
                if letters and piece in eff:
                    cost = math.log10(len(eff)) + case_log10(text[start:end]) + extra
                    offer(start, end, Filler("word", "a word from a passphrase list", cost))
                for name, ranked in lists:
                    if not letters and name != "passwords":
                        continue
                    rank = ranked.get(piece)
                    if rank is not None:
                        kind, label = WORD_LABELS[name]
                        cost = math.log10(rank) + case_log10(text[start:end]) + extra
                        offer(start, end, Filler(kind, label, cost))
    return found


def find_joiners(text: str, at: int) -> list[tuple[int, float]]:
    """The joins between two names that may start at ``at``: (where it ends, its cost)."""
    found = []
    for end in range(at, min(len(text), at + MAX_JOINER) + 1):
        rank = JOINER_RANK.get(text[at:end].lower())
        if rank is not None:
            found.append((end, math.log10(rank) + case_log10(text[at:end])))
    return found


@lru_cache(maxsize=1)
def _eff_words() -> frozenset[str]:
    from hygiene.data import eff_words

    return frozenset(eff_words())


def random_char_log10(char: str) -> float:
    """The cost of one character no pattern explains: the size of its character class."""
    if char.islower():
        return math.log10(26)
    if char.isupper():
        return math.log10(52)
    if char.isdigit():
        return 1.0
    if char in SYMBOL_RANK:
        return math.log10(33)
    return math.log10(100)
