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
# Symbols in rough order of how often people use them, for separators and short runs.
SYMBOLS = "!-_.@#$ *&?%+=/~^,;:'\"()[]{}<>|\\`"
SYMBOL_RANK = {symbol: rank for rank, symbol in enumerate(SYMBOLS, start=1)}
# A year is tried outward from now; like zxcvbn, the first 20 years cost 20 guesses.
MIN_YEAR_SPACE = 20
OLDEST_YEAR = 1900
MIN_WORD = 3
DE_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t"}
)
DE_LEET_L = str.maketrans({"1": "l"})

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
def ranked_words() -> tuple[dict[str, tuple[int, str]], int]:
    """Every word of zxcvbn's lists with its best rank and list, and the longest length."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    best: dict[str, tuple[int, str]] = {}
    for name, words in FREQUENCY_LISTS.items():
        for rank, word in enumerate(words, start=1):
            known = best.get(word)
            if known is None or rank < known[0]:
                best[word] = (rank, name)
    return best, max(len(w) for w in best)


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


def classify(text: str, at_end: bool) -> Filler | None:
    """The cheapest filler class that ``text`` (a whole part) belongs to, if any but random."""
    options: list[Filler] = []
    rank = ENDING_RANK.get(text.lower())
    if rank is not None:
        label = "a common ending" if at_end else "a common add-on"
        options.append(Filler("ending", label, math.log10(rank) + case_log10(text)))
    year = year_log10(text)
    if year is not None:
        options.append(Filler("year", "a year", year))
    if text.isdigit():
        label = "a digit" if len(text) == 1 else f"{len(text)} digits"
        options.append(Filler("digits", label, float(len(text))))
    elif all(c in SYMBOL_RANK for c in text):
        cost = sum(math.log10(SYMBOL_RANK[c] + 1) for c in text)
        options.append(Filler("symbols", "a symbol" if len(text) == 1 else "symbols", cost))
    word = word_filler(text)
    if word is not None:
        options.append(word)
    return min(options, key=lambda f: f.log10) if options else None


def word_filler(text: str) -> Filler | None:
    """``text`` as a word of the frequency lists, plain or through look-alike swaps."""
    if len(text) < MIN_WORD:
        return None
    words, longest = ranked_words()
    if len(text) > longest:
        return None
    lowered = text.lower()
    best: Filler | None = None
    for candidate, swapped in (
        (lowered, False),
        (lowered.translate(DE_LEET), True),
        (lowered.translate(DE_LEET_L).translate(DE_LEET), True),
    ):
        if swapped and candidate == lowered:
            continue
        found = words.get(candidate)
        if found is None:
            continue
        if not swapped and not any(c.isalpha() for c in candidate) and found[1] != "passwords":
            continue
        kind, label = WORD_LABELS[found[1]]
        cost = math.log10(found[0]) + case_log10(text) + (math.log10(2) if swapped else 0.0)
        if best is None or cost < best.log10:
            best = Filler(kind, label, cost)
    return best


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
