"""The personal facts a person gives, and the attacker tokens they expand into.

A ``Fact`` is one entry of the facts file (a name, a date, a place ...), with the label the
person gave it ("pet") and its position in its list, so explanations can say "your pet's
name" and point at the entry without repeating it. ``Facts`` holds them all and expands them
once, lazily, into ``Token``s: the lower-cased strings someone who knows the person would
try, each remembering the fact and the form it came from. Facts are personal: their repr is
masked, and old passwords are handed out only as ``Secret``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from hygiene.secret import MASK, Secret


class FactKind(StrEnum):
    name = "name"
    date = "date"
    place = "place"
    number = "number"
    word = "word"
    old_password = "old_password"
    answer = "answer"


# The list in the facts file that holds each kind, in the order the file documents them.
LIST_OF_KIND: dict[FactKind, str] = {
    FactKind.name: "names",
    FactKind.date: "dates",
    FactKind.place: "places",
    FactKind.number: "numbers",
    FactKind.word: "words",
    FactKind.old_password: "old_passwords",
    FactKind.answer: "answers",
}


@dataclass(frozen=True)
class Fact:
    """One entry of the facts file; ``index`` is its position (from 0) in its list."""

    kind: FactKind
    value: str = field(repr=False)
    label: str | None = None
    index: int = 0

    def __repr__(self) -> str:
        return f"Fact({self.kind.value}, {MASK}, label={self.label!r}, index={self.index})"

    @property
    def where(self) -> str:
        """Where the fact is written, without its value: ``names[2]`` (counted from 1)."""
        return f"{LIST_OF_KIND[self.kind]}[{self.index + 1}]"

    @property
    def phrase(self) -> str:
        """What the fact is, in words, for explanations: "your pet's name", "a date you gave"."""
        label = (self.label or "").strip()
        if not label:
            return DEFAULT_PHRASE[self.kind]
        lowered = label.lower()
        if lowered in {"me", "my name", "self", "own", "mine", "you", "your name"}:
            return "your own name" if self.kind is FactKind.name else f"your own {self.kind.value}"
        if lowered.startswith(("your ", "my ")):
            label = label.split(" ", 1)[1]
        if self.kind is FactKind.name and not lowered.endswith("name"):
            return f"your {label}'s name"
        if self.kind is FactKind.answer:
            return f"your answer to '{label}'"
        return f"your {label}"


DEFAULT_PHRASE: dict[FactKind, str] = {
    FactKind.name: "a name they know",
    FactKind.date: "a date they know",
    FactKind.place: "a place they know",
    FactKind.number: "a number they know",
    FactKind.word: "a word they link to you",
    FactKind.old_password: "an old password",
    FactKind.answer: "a security answer",
}


@dataclass(frozen=True)
class Token:
    """A string an attacker would try, lower-cased, with the fact and form it came from.

    ``tier`` 1 is a form tried early (a first name, a year, a whole number); 2 is one tried
    later (initials, reversed orders, unusual date layouts). ``extra`` (log10 guesses) marks
    a *way of writing* another token of the same fact (a date with underscores, "Cres" for
    "Crescent", a phone number with its country code, a nickname): the attacker tries it
    right after that token, so it costs that token's place plus the choice among the ways,
    and does not lengthen the list every other token waits in. ``starts`` are where the
    token's words begin ("JSmith", "TomJones"): capitals there cost like one capital.
    """

    text: str = field(repr=False)
    fact: Fact
    form: str
    tier: int = 1
    extra: float = 0.0
    starts: tuple[int, ...] = (0,)

    def __repr__(self) -> str:
        return f"Token({MASK}, {self.fact!r}, form={self.form!r}, tier={self.tier})"


@dataclass(frozen=True)
class Facts:
    """Every fact of one file (or none), expanded on first use into attacker tokens."""

    facts: tuple[Fact, ...] = ()

    def __repr__(self) -> str:
        return f"Facts({len(self.facts)} facts)"

    @property
    def is_empty(self) -> bool:
        return not self.facts

    @property
    def old_passwords(self) -> tuple[Secret, ...]:
        """Old passwords in file order; position ``i`` is ``old_passwords[i + 1]`` in the file."""
        return tuple(Secret(f.value) for f in self.facts if f.kind is FactKind.old_password)

    def tokens(self) -> tuple[Token, ...]:
        """Every distinct attacker token; the first fact (and earliest tier) to give one wins."""
        return self._tokens

    @cached_property
    def _tokens(self) -> tuple[Token, ...]:
        from hygiene.facts.expand import expand

        best: dict[str, Token] = {}
        for fact in self.facts:
            for token in expand(fact):
                known = best.get(token.text)
                if known is None or (token.tier, token.extra) < (known.tier, known.extra):
                    best[token.text] = token
        return tuple(best.values())
