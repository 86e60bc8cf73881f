"""The stranger's verdict: zxcvbn, with the person's tokens as user inputs.

zxcvbn-python 4.5.0 keeps ``user_inputs`` in its module-level ``RANKED_DICTIONARIES``, so one
call's personal facts shape the next call's score (and threads race on that dict). We never
call ``zxcvbn.zxcvbn``: each check builds its own dictionary set (the shipped frequency lists
plus this person's inputs) and runs zxcvbn's matching and scoring on it, so a check without
facts after a check with facts is unaffected. zxcvbn refuses passwords over 72 characters;
longer ones are estimated on their first 72 characters, and the result says so. zxcvbn is
imported on first use only: it costs about 100 ms.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hygiene.secret import Secret

MAX_LENGTH = 72
# The crack-time phrase we show: a stranger holding a stolen copy of a site's password list,
# stored the careful way (10,000 guesses a second).
CRACK_SCENARIO = "offline_slow_hashing_1e4_per_second"


@dataclass(frozen=True)
class Generic:
    """How hard the password is for a stranger, by zxcvbn."""

    score: int
    guesses_log10: float
    crack_time: str
    warning: str
    suggestions: tuple[str, ...]
    truncated: bool = False
    # True when zxcvbn's cheapest reading uses one of the person's facts (a user input).
    uses_facts: bool = False

    @property
    def feedback(self) -> tuple[str, ...]:
        """zxcvbn's warning (if any) and suggestions, in that order."""
        return ((self.warning,) if self.warning else ()) + self.suggestions

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "guesses_log10": round(self.guesses_log10, 2),
            "crack_time": self.crack_time,
            "feedback": {"warning": self.warning, "suggestions": list(self.suggestions)},
            "truncated": self.truncated,
            "uses_facts": self.uses_facts,
        }


@lru_cache(maxsize=1)
def shipped_dictionaries() -> dict[str, dict[str, int]]:
    """zxcvbn's own frequency lists, never anyone's user inputs."""
    from zxcvbn import matching

    return {
        name: ranked
        for name, ranked in matching.RANKED_DICTIONARIES.items()
        if name != "user_inputs"
    }


def user_input_dictionary(inputs: Iterable[str]) -> dict[str, int]:
    """Ranked user inputs as zxcvbn expects them (lower case, rank from 1)."""
    ranked: dict[str, int] = {}
    for text in inputs:
        ranked.setdefault(text.lower(), len(ranked) + 1)
    return ranked


def estimate(password: Secret, user_inputs: dict[str, int] | None = None) -> Generic:
    """zxcvbn's estimate for ``password``, with this call's own dictionary of user inputs."""
    from zxcvbn import feedback, matching, scoring, time_estimates

    text = password.reveal()
    truncated = len(text) > MAX_LENGTH
    text = text[:MAX_LENGTH]
    dictionaries = dict(shipped_dictionaries())
    dictionaries["user_inputs"] = user_inputs or {}
    matches = matching.omnimatch(text, dictionaries)
    result = scoring.most_guessable_match_sequence(text, matches)
    times = time_estimates.estimate_attack_times(result["guesses"])
    advice = feedback.get_feedback(times["score"], result["sequence"])
    return Generic(
        score=int(times["score"]),
        guesses_log10=math.log10(max(float(result["guesses"]), 1.0)),
        crack_time=str(times["crack_times_display"][CRACK_SCENARIO]),
        warning=str(advice["warning"]),
        suggestions=tuple(str(s) for s in advice["suggestions"]),
        truncated=truncated,
        uses_facts=any(m.get("dictionary_name") == "user_inputs" for m in result["sequence"]),
    )
