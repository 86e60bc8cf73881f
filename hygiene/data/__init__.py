"""Data shipped with hygiene: the EFF long word list for passphrases (attribution in NOTICE)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

EFF_WORDLIST = "eff_large_wordlist.txt"


@lru_cache(maxsize=1)
def eff_words() -> tuple[str, ...]:
    """The EFF long list (7,776 words), in order, without its dice numbers and comments."""
    text = files(__name__).joinpath(EFF_WORDLIST).read_text(encoding="utf-8")
    return tuple(
        line.split()[-1] for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
