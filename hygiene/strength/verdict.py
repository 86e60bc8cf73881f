"""The one verdict in plain words: weak, fair or strong, why, and what to do next.

The targeted verdict leads: a password someone who knows you can reach with a simple
script (about a million guesses) is weak however a stranger would rate it; so is a small
edit of an old password. Otherwise zxcvbn's stranger score decides between fair and strong.
Sentences name parts by what they are ("your pet's name"), never by their characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from hygiene.strength.targeted import SCRIPT_LOG10

if TYPE_CHECKING:
    from hygiene.strength.assessment import Targeted
    from hygiene.strength.generic import Generic

STRONG_SCORE = 4
STRONG_TARGETED_LOG10 = 10.0


class Level(StrEnum):
    weak = "weak"
    fair = "fair"
    strong = "strong"


@dataclass(frozen=True)
class Verdict:
    level: Level
    sentence: str
    next_step: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level.value, "sentence": self.sentence, "next_step": self.next_step}


CHANGE_IT = (
    "Change it to a passphrase of random words (hygiene suggest makes some), from a device "
    "the other person has never used. If the change could alert them, keep any evidence "
    "you need first."
)
MAKE_LONGER = (
    "For email, banking and anything that can reset other accounts, use a longer "
    "passphrase of random words."
)
KEEP_IT = "Use it for this one account only, and keep it in a password manager."


def judge(generic: Generic, targeted: Targeted, *, has_facts: bool) -> Verdict:
    variant = targeted.old_password_variant
    if variant is not None and variant.guesses_log10 <= SCRIPT_LOG10:
        if variant.edits == 0 and variant.change == "the same password":
            sentence = f"This is old password {variant.position} from your facts, unchanged."
        else:
            sentence = (
                f"This is a small change to old password {variant.position} ({variant.change}); "
                "someone who knew the old one could guess it."
            )
        return Verdict(Level.weak, sentence, CHANGE_IT)
    if targeted.guessable and targeted.found_by_zxcvbn:
        sentence = (
            "Someone who knows you could guess this: a general password checker, given your "
            "facts, finds it built from them."
        )
        return Verdict(Level.weak, sentence, CHANGE_IT)
    if targeted.guessable and targeted.personal_parts:
        sentence = f"Someone who knows you could guess this: it is built from {targeted.reading}."
        return Verdict(Level.weak, sentence, CHANGE_IT)
    if targeted.guessable or generic.score <= 1:
        sentence = "This follows a common pattern that guessing programs try early."
        return Verdict(Level.weak, sentence, CHANGE_IT)
    if generic.score < STRONG_SCORE or targeted.guesses_log10 < STRONG_TARGETED_LOG10:
        who = "from these facts" if has_facts else "from common patterns"
        sentence = f"Not quickly guessed {who}, but a determined attacker's computer could get it."
        return Verdict(Level.fair, sentence, MAKE_LONGER)
    who = "a stranger or someone who knows you" if has_facts else "a stranger"
    return Verdict(Level.strong, f"Hard to guess for {who}.", KEEP_IT)
