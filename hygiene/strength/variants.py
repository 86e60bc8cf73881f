"""Is this password a small edit of an old one the other person may know?

People change a password by the smallest step that a site accepts: the year moves on
(``Fluffy2019!`` -> ``Fluffy2020!``), an ending is added or dropped, a capital or a
look-alike swap changes. Research on password reuse finds such edits guessed within tens
to thousands of tries when the old password is known. Each old password is compared in
three ways, cheapest first: same letters once case and look-alike swaps are ignored; same
core word with a different start or ending (costed as that filler); otherwise a small edit
distance. The result names the old password by its position in the file, never its value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from hygiene.secret import Secret
from hygiene.strength.fillers import DE_LEET, case_log10, year_log10

MAX_EDITS = 3
# An attacker editing a known password tries each position and about 40 likely characters.
EDIT_CHOICES = 40
_DIGITS = re.compile(r"\d+")
_AFFIXES = re.compile(r"^([\W\d_]*)(.*?)([\W\d_]*)$", re.DOTALL)


@dataclass(frozen=True)
class OldPasswordVariant:
    """Which old password (from 1, in file order) this resembles, how, and how closely."""

    position: int
    change: str
    edits: int
    similarity: float
    guesses_log10: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "change": self.change,
            "edits": self.edits,
            "similarity": round(self.similarity, 2),
        }


def _plain(text: str) -> str:
    return text.lower().translate(DE_LEET)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _compare(new: str, old: str, position: int) -> OldPasswordVariant | None:
    """The cheapest way ``new`` is an edit of ``old``, or None when it is not close."""
    longest = max(len(new), len(old), 1)
    if new == old:
        return OldPasswordVariant(position, "the same password", 0, 1.0, 0.0)
    found: list[OldPasswordVariant] = []
    plain_new, plain_old = _plain(new), _plain(old)
    if plain_new == plain_old:
        differs = sum(a != b for a, b in zip(new, old, strict=False)) + abs(len(new) - len(old))
        cost = math.log10(2) + case_log10(new)
        change = "only capitals or look-alike swaps changed"
        found.append(OldPasswordVariant(position, change, differs, 1 - differs / longest, cost))
    new_parts = _AFFIXES.match(new)
    old_parts = _AFFIXES.match(old)
    if new_parts and old_parts and new_parts[2] and _plain(new_parts[2]) == _plain(old_parts[2]):
        change, cost = _affix_change(new_parts[1], old_parts[1], new_parts[3], old_parts[3])
        if new_parts[2] != old_parts[2]:
            cost += math.log10(2) + case_log10(new_parts[2])
        edits = edit_distance(new, old, longest)
        found.append(OldPasswordVariant(position, change, edits, 1 - edits / longest, cost))
    edits = edit_distance(plain_new, plain_old, MAX_EDITS)
    if 0 < edits <= MAX_EDITS and edits * 3 <= len(old):
        cost = edits * math.log10(EDIT_CHOICES * (len(old) + 1))
        change = f"{edits} character{'s' if edits > 1 else ''} changed"
        found.append(OldPasswordVariant(position, change, edits, 1 - edits / longest, cost))
    return min(found, key=lambda v: v.guesses_log10, default=None)


def _affix_change(new_start: str, old_start: str, new_end: str, old_end: str) -> tuple[str, float]:
    """How the digits and symbols around the same word changed, and what that costs."""
    changes: list[str] = []
    cost = math.log10(2)
    for where, new, old in (("start", new_start, old_start), ("ending", new_end, old_end)):
        if new == old:
            continue
        if not new:
            changes.append(f"the {where} removed")
        elif not old:
            changes.append("a start added" if where == "start" else "an ending added")
            cost += _filler_log10(new)
        elif where == "ending" and old.startswith(new):
            changes.append("part of the ending removed")
        elif where == "ending" and new.startswith(old):
            changes.append("added to the ending")
            cost += _filler_log10(new[len(old) :])
        elif _DIGITS.sub("#", new) == _DIGITS.sub("#", old):
            # Same shape, other digits: only the numbers moved on (a new year, a counter).
            changed = [
                n for n, o in zip(_DIGITS.findall(new), _DIGITS.findall(old), strict=True) if n != o
            ]
            years = all(year_log10(n) is not None for n in changed)
            changes.append("the year changed" if years else "a number changed")
            cost += sum(_filler_log10(n) for n in changed)
        else:
            changes.append(f"the {where} changed")
            cost += _filler_log10(new)
    return " and ".join(changes) or "the same word", cost


def _filler_log10(text: str) -> float:
    """What an attacker pays to produce ``text`` as a new start or ending."""
    from hygiene.facts.model import Facts
    from hygiene.strength.targeted import segment

    return segment(text, Facts())[0]


def closest_variant(
    password: Secret, old_passwords: tuple[Secret, ...]
) -> OldPasswordVariant | None:
    """The old password this one is the cheapest edit of, if any is close."""
    best: OldPasswordVariant | None = None
    new = password.reveal()
    for position, old in enumerate(old_passwords, start=1):
        found = _compare(new, old.reveal(), position)
        if found is not None and (best is None or found.guesses_log10 < best.guesses_log10):
            best = found
    return best
