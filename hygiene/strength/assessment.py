"""One password, two verdicts: a stranger's (zxcvbn) and someone who knows you (targeted).

``assess`` is the one entry point: the password command calls it once, the audit of a
password-manager export once per distinct password, so everything that depends only on
the facts (tokens, tries, zxcvbn's user-input dictionary) is built once per ``Facts`` and
reused. The result is frozen data; ``to_dict`` gives the stable JSON shape scripts rely on.
Nothing here holds or returns the password's characters: parts are positions and labels.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from hygiene.facts.model import Facts
from hygiene.secret import Secret
from hygiene.strength.generic import Generic, estimate, user_input_dictionary
from hygiene.strength.targeted import MAX_LENGTH, SCRIPT_LOG10, Part, band, segment
from hygiene.strength.variants import OldPasswordVariant, closest_variant
from hygiene.strength.verdict import Verdict, judge

NO_FACTS = Facts()
# Explanations longer than this stop helping; the JSON parts list still has them all.
MAX_SHOWN_PARTS = 12


@dataclass(frozen=True)
class Targeted:
    """How hard the password is for someone who knows the person's facts."""

    guesses_log10: float
    parts: tuple[Part, ...]
    old_password_variant: OldPasswordVariant | None
    facts_used: int
    truncated: bool = False
    # True when zxcvbn, given the person's facts, found a cheaper reading than the parts
    # below: its count is then the estimate, so one model's blind spot hides nothing.
    found_by_zxcvbn: bool = False

    @property
    def band(self) -> str:
        return band(self.guesses_log10)

    @property
    def guessable(self) -> bool:
        return self.guesses_log10 <= SCRIPT_LOG10

    @property
    def personal_parts(self) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.fact is not None)

    @property
    def reading(self) -> str:
        """The parts in words: "your pet's name, a year, a common ending"."""
        return _at_most([p.label for p in self.parts], ", ")

    def to_dict(self) -> dict[str, Any]:
        variant = self.old_password_variant
        return {
            "guessable": self.guessable,
            "guesses_log10": round(self.guesses_log10, 2),
            "band": self.band,
            "parts": [p.to_dict() for p in self.parts],
            "old_password_variant": variant.to_dict() if variant else None,
            "explanation": self.reading,
            "facts_used": self.facts_used,
            "truncated": self.truncated,
            "found_by": "zxcvbn with your facts" if self.found_by_zxcvbn else "targeted",
        }


def _at_most(items: list[str], joiner: str) -> str:
    if len(items) <= MAX_SHOWN_PARTS:
        return joiner.join(items)
    rest = len(items) - MAX_SHOWN_PARTS
    return joiner.join(items[:MAX_SHOWN_PARTS]) + f" … and {rest} more parts"


@dataclass(frozen=True)
class Assessment:
    generic: Generic
    targeted: Targeted
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "generic": self.generic.to_dict(),
            "targeted": self.targeted.to_dict(),
            "verdict": self.verdict.to_dict(),
        }


@lru_cache(maxsize=16)
def _user_inputs(facts: Facts) -> dict[str, int]:
    tokens = sorted(facts.tokens(), key=lambda t: t.tier)
    return user_input_dictionary(t.text for t in tokens)


def targeted(password: Secret, facts: Facts) -> Targeted:
    """The targeted estimate alone (no zxcvbn): segmentation or old-password edit, if cheaper."""
    text = password.reveal()
    truncated = len(text) > MAX_LENGTH
    cost, parts = segment(text[:MAX_LENGTH], facts)
    variant = closest_variant(password, facts.old_passwords) if facts.old_passwords else None
    if variant is not None:
        cost = min(cost, variant.guesses_log10)
    return Targeted(cost, parts, variant, len(facts.facts), truncated)


def assess(password: Secret, facts: Facts | None = None) -> Assessment:
    """Both verdicts and the plain-words judgement for one password."""
    facts = facts or NO_FACTS
    generic = estimate(password, _user_inputs(facts) if not facts.is_empty else None)
    target = targeted(password, facts)
    cheaper = generic.guesses_log10 < target.guesses_log10
    if generic.uses_facts and not generic.truncated and cheaper:
        # zxcvbn's reading with the person's facts is cheaper (a keyboard walk or a word the
        # parts missed beside a fact): that count is an honest bound on the attacker too.
        target = replace(target, guesses_log10=generic.guesses_log10, found_by_zxcvbn=True)
    return Assessment(generic, target, judge(generic, target, has_facts=not facts.is_empty))
