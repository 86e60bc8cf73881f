"""Passphrases of random words that someone who knows you cannot build from your facts.

Words come from the EFF long list (7,776 words, about 12.9 bits each), shipped as package
data, and are drawn with ``secrets``, so the strength is in the draw, not in the words.
Words of violence, abuse, death, fear and harm to the body are never drawn (the reviewed
list is ``hygiene/data/excluded_words.txt``): nobody should have to type them every day.
Words that contain a personal token, or sit inside one, are left out of the draw first
(a passphrase with "oliver" in it is no longer random to Oliver's father), and the entropy
shown is counted over the words that remain. Each suggestion carries both verdicts.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from typing import Any

from hygiene.data import eff_words, excluded_words
from hygiene.errors import InputError
from hygiene.facts.model import Facts
from hygiene.secret import Secret
from hygiene.strength import Assessment, assess

SEPARATOR = "-"
MIN_WORDS, MAX_WORDS = 3, 12
MAX_COUNT = 20
# Shorter tokens (initials, a house number) would knock out words for no reason.
MIN_TOKEN_TO_AVOID = 3
# Below the size of EFF's short list (6^4 words), each word adds too little.
MIN_POOL = 1296


@dataclass(frozen=True)
class Suggestion:
    passphrase: Secret
    words: int
    entropy_bits: float
    assessment: Assessment
    # How many words the draw was from, after leaving out distressing and personal ones.
    pool: int

    def to_dict(self) -> dict[str, Any]:
        result = self.assessment.to_dict()
        return {
            "passphrase": self.passphrase.reveal(),
            "words": self.words,
            "entropy_bits": round(self.entropy_bits, 1),
            "drawn_from_words": self.pool,
            "generic": {k: result["generic"][k] for k in ("score", "guesses_log10")},
            "targeted": {k: result["targeted"][k] for k in ("guessable", "guesses_log10")},
            "verdict": result["verdict"],
        }


def allowed_words(facts: Facts | None) -> tuple[str, ...]:
    """The list without words that contain, or are contained in, a personal token.

    Distressing words are never in it. The four hyphenated words (``t-shirt``) are left out
    too: joined by the separator they would make a passphrase read as more words than it has.
    """
    excluded = excluded_words()
    words = tuple(w for w in eff_words() if SEPARATOR not in w and w not in excluded)
    if facts is None or facts.is_empty:
        return words
    tokens = {t.text for t in facts.tokens() if len(t.text) >= MIN_TOKEN_TO_AVOID}
    longest = max(map(len, words))
    # Every piece of every token a word could be (sets, so thousands of facts stay fast).
    pieces = {
        t[i:j]
        for t in tokens
        for i in range(len(t))
        for j in range(i + MIN_TOKEN_TO_AVOID, min(len(t), i + longest) + 1)
    }
    return tuple(w for w in words if w not in pieces and not _contains_any(w, tokens))


def _contains_any(word: str, tokens: set[str]) -> bool:
    return any(
        word[i:j] in tokens
        for i in range(len(word))
        for j in range(i + MIN_TOKEN_TO_AVOID, len(word) + 1)
    )


def suggest(facts: Facts | None = None, count: int = 5, words: int = 5) -> tuple[Suggestion, ...]:
    """``count`` passphrases of ``words`` random words each, with entropy and both verdicts."""
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise InputError(f"the number of words must be between {MIN_WORDS} and {MAX_WORDS}")
    if not 1 <= count <= MAX_COUNT:
        raise InputError(f"the number of suggestions must be between 1 and {MAX_COUNT}")
    pool = allowed_words(facts)
    if len(pool) < MIN_POOL:
        raise InputError(
            f"only {len(pool):,} of the {len(eff_words()):,} words avoid your facts, too few for "
            "a strong passphrase; check the facts file for very short or unusual entries"
        )
    bits = words * math.log2(len(pool))
    found = []
    for _ in range(count):
        phrase = draw(pool, words)
        found.append(Suggestion(phrase, words, bits, assess(phrase, facts), len(pool)))
    return tuple(found)


def draw(pool: tuple[str, ...], words: int) -> Secret:
    """One passphrase: ``words`` words drawn from ``pool`` by a secure random choice."""
    return Secret(SEPARATOR.join(secrets.choice(pool) for _ in range(words)))
