"""Data shipped with hygiene: the EFF long word list for passphrases (attribution in NOTICE),
and the reviewed list of its words that are never drawn."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

EFF_WORDLIST = "eff_large_wordlist.txt"
EXCLUDED = "excluded_words.txt"


@lru_cache(maxsize=1)
def eff_words() -> tuple[str, ...]:
    """The EFF long list (7,776 words), in order, without its dice numbers and comments."""
    text = files(__name__).joinpath(EFF_WORDLIST).read_text(encoding="utf-8")
    return tuple(
        line.split()[-1] for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def excluded_words() -> frozenset[str]:
    """Words of violence, abuse, death, fear and harm to the body, never to be drawn."""
    text = files(__name__).joinpath(EXCLUDED).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
