"""Names people are called rather than their given name: Oliver -> Ollie, Olly, Oli.

Two sources, because neither alone covers how people shorten names. The ``nicknames``
package (a hand-curated CSV of English given names and their nicknames, Apache-2.0,
maintained at github.com/carltonnorthern/nicknames) gives the listed forms both ways
(Elizabeth -> Beth, Libby; Ollie -> Oliver). It is American-centred and leaves out many
short forms common in the UK (it knows Ollie for Oliver, but not Olly or Oli), so the
regular ways English speakers shorten a name are added by rule: the first syllable (Oli,
Jen, Soph), and that syllable with -y or -ie, doubling a single final consonant (Olly,
Ollie, Jenny, Danny). The rules make some forms nobody uses; they only cost a little, as
the price of a nickname is the choice among all of one name's forms.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiouy")
MIN_NAME = 4
MIN_NICKNAME = 2
# A made-up two-letter form ("ol") is too often just two letters; listed ones ("al") stay.
MIN_RULED = 3


@lru_cache(maxsize=1)
def _listed() -> dict[str, frozenset[str]]:
    """Every listed name with its listed nicknames, and every nickname with its full names."""
    from nicknames import NickNamer

    namer = NickNamer()
    both: dict[str, set[str]] = {}
    for table in (namer.nickname_lookup, namer.canonical_lookup):
        for name, others in table.items():
            both.setdefault(name, set()).update(others)
    return {name: frozenset(others) for name, others in both.items()}


def _first_syllable(name: str) -> str:
    """The name up to the first consonant after its first vowel: Oliver -> ol, Sophie -> soph."""
    at = 0
    while at < len(name) and name[at] not in VOWELS:
        at += 1
    while at < len(name) and name[at] in VOWELS:
        at += 1
    end = at
    while end < len(name) and name[end] not in VOWELS:
        end += 1
    # Keep one consonant ("ol" from Oliver), or a pair people write together ("soph").
    if end - at > 1 and name[at : at + 2] not in {"ph", "th", "ch", "sh", "ck"}:
        end = at + 1
    return name[:end]


def _by_rule(name: str) -> set[str]:
    if len(name) < MIN_NAME or not name.isalpha():
        return set()
    stem = _first_syllable(name)
    if stem == name or len(stem) < MIN_NICKNAME:
        return set()
    forms = {stem, stem + "i", stem + "y", stem + "ie", stem + "s"}
    if stem[-1] not in VOWELS and (len(stem) < 2 or stem[-2] in VOWELS):
        doubled = stem + stem[-1]
        forms |= {doubled + "y", doubled + "ie", doubled + "i"}
    return {form for form in forms if len(form) >= MIN_RULED}


def nicknames_of(name: str) -> tuple[str, ...]:
    """The nicknames of one given name (lower case), listed ones first, without the name."""
    name = name.lower()
    listed = sorted(_listed().get(name, frozenset()))
    ruled = sorted(_by_rule(name) - set(listed))
    return tuple(n for n in (*listed, *ruled) if n != name and len(n) >= MIN_NICKNAME)
