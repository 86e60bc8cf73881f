"""The verdict for someone who knows you: how many guesses they need, and from what.

Model. The attacker is one person with a list of the person's facts and a simple script.
They build candidates from a template (name + year, pet + digits + symbol, two names
joined ...) and fill each slot from a class: the person's tokens (names, dates in every
layout, places, numbers, old passwords, expanded by ``hygiene.facts``) or a common filler
(an ending like 1 or !, a year, a run of digits or symbols, a dictionary word). A password
costs them roughly the product, over its parts, of the choices in each part's class, times
the ways that part may be written (capitals, look-alike swaps such as 0 for o, reversed),
times a small factor per extra part for the templates tried before this one: 2, because a
script-writer tries a handful of layouts per length, not every arrangement (zxcvbn's
10,000 per part assumes a stranger). A one-symbol separator between parts is part of the
layout, not an extra part, and the same separator used again costs nothing more. A piece
said again ("abcabc") costs the piece times the count.

A fact token's cost is its place in the attacker's list for its slot: the tokens of the
same kind of fact and shape (names; dates' digits; an address's letters ...) that are
tried as early, fact by fact in the order of the person's lists (the first name written,
then the second ...) or form by form (every name's first form, then every name's second
...), whichever reaches it first (the second at twice its place, the two tried in turn):
so a token never costs more than its place among the facts written before it, however
many are written after. First names, whole words, years and whole dates come first (tier
1), initials, reversed orders and rare date layouts later (tier 2, counted with tier 1).
Another way of writing a token (a date with "_", "Cres" for "Crescent", +44 for 0, a
nickname) costs the token's place plus the choice among its ways. Two people's names
joined ("TomAndJane") cost the first name, the join's rank in a short list, and the
second name's place among the names. A fact that is also a common word ("jennifer") is
explained as the fact at the cheaper of the two costs. Anything no class explains costs
what brute force costs (26 per letter, 10 per digit).

The password is segmented by dynamic programming into the cheapest sequence of parts:
fact tokens and couples (found case-insensitively, through 0/o 1/i/l 3/e 4/@/a 5/$/s 7/t
and reversed, with a trie so 100 facts and 128 characters stay in milliseconds), fillers
(keyboard walks among them), repeats and random runs. Bands: up to 10^3 guesses someone
can try by hand (an evening at a login page, or the 100 attempts a site may allow, ten
times over); up to 10^6 a simple script tries offline or against a site that does not
throttle; beyond that the password is not guessable from these facts (a stranger's
verdict still applies).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from hygiene.facts.model import Fact, FactKind, Facts, Token
from hygiene.strength.fillers import (
    LOOK_ALIKES,
    case_log10,
    find_fillers,
    find_joiners,
    random_char_log10,
)

BY_HAND_LOG10 = 3.0
SCRIPT_LOG10 = 6.0
PART_LOG10 = math.log10(2)
REVERSED_LOG10 = math.log10(2)
# Longer passwords are analysed on their first MAX_LENGTH characters: beyond that, no
# personal pattern makes a password guessable, and the cost stays bounded.
MAX_LENGTH = 256
MAX_REPEAT_PIECE = 32
_REPEAT = re.compile(rf"(.{{1,{MAX_REPEAT_PIECE}}}?)\1+", re.DOTALL)
PLAIN_FORMS = frozenset({"name", "word", "place", "whole number", "old password"})
# Forms that stand for one person's name on its own, to be paired with another's.
GIVEN_FORMS = frozenset({"name", "a name they may call you by"})
SUBSTITUTABLE = frozenset("".join(v for vs in LOOK_ALIKES.values() for v in vs))


@dataclass(frozen=True)
class Part:
    """One part of the password: what it is, where it is (``end`` exclusive), its cost."""

    kind: str
    label: str
    start: int
    end: int
    guesses_log10: float
    fact: Fact | None = field(default=None, compare=False)
    # For a person's name: what writing it costs beyond choosing it (capitals, swaps, a
    # nickname), so a second name beside it can be priced as the partner's (see couples).
    writing_log10: float | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        # Kinds only: where a part starts and ends would give the password's length away.
        return {"kind": self.kind, "label": self.label}


class _Node:
    __slots__ = ("children", "token")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.token: Token | None = None


@dataclass(frozen=True)
class TokenIndex:
    """The person's tokens in two tries (as written and reversed), with each token's cost."""

    forward: _Node
    backward: _Node
    cost: dict[Token, float]
    given_names: int = 0


def _kind_class(token: Token) -> str:
    """The slot a token fills: its kind of fact, and whether it is letters, digits or both
    (a house number and a street name are different slots, though both are the address)."""
    letters = any(c.isalpha() for c in token.text)
    digits = any(c.isdigit() for c in token.text)
    shape = "mixed" if letters and digits else "letters" if letters else "digits"
    return f"{token.fact.kind.value} {shape}"


@lru_cache(maxsize=16)
def token_index(facts: Facts) -> TokenIndex:
    """Built once per set of facts: the audit checks thousands of passwords against one."""
    tokens = facts.tokens()
    # The attacker's list for one slot of a template (a name, a date, a place ... at one
    # tier) holds the tokens of that kind and shape. They may walk it fact by fact (the
    # first fact of the list with all its forms, then the second ...) or form by form (every
    # fact's first form, then every fact's second ...). A token costs its place in the first
    # order, or twice its place in the second (trying both orders in turn): so facts written
    # later never raise the cost of earlier ones, and a late fact's common form is not
    # priced behind every form of every fact before it. A way of writing another token
    # (extra > 0) takes no place of its own.
    by_fact: dict[tuple[str, int], list[int]] = {}
    by_form: dict[tuple[str, int], list[tuple[int, int]]] = {}
    ordinal: dict[Token, int] = {}
    seen: dict[tuple[Fact, str], int] = {}
    for token in tokens:
        if token.extra:
            continue
        slot = _kind_class(token)
        ordinal[token] = seen.get((token.fact, slot), 0)
        seen[(token.fact, slot)] = ordinal[token] + 1
        for tier in range(token.tier, 3):
            by_fact.setdefault((slot, tier), []).append(token.fact.index)
            by_form.setdefault((slot, tier), []).append((ordinal[token], token.fact.index))
    for indexes in by_fact.values():
        indexes.sort()
    for pairs in by_form.values():
        pairs.sort()

    def place(token: Token) -> int:
        key = (_kind_class(token), token.tier)
        fact_major = bisect_right(by_fact.get(key, []), token.fact.index)
        # A way of writing another token sits in the form order where its fact's first
        # form does.
        at = (ordinal.get(token, 0), token.fact.index)
        return min(fact_major, 2 * bisect_right(by_form.get(key, []), at))

    cost = {t: math.log10(max(place(t), 1)) + t.extra for t in tokens}
    forward, backward = _Node(), _Node()
    for token in tokens:
        for root, text in ((forward, token.text), (backward, token.text[::-1])):
            node = root
            for char in text:
                node = node.children.setdefault(char, _Node())
            if node.token is None or cost[token] < cost[node.token]:
                node.token = token
    given = sum(1 for f in facts.facts if f.kind is FactKind.name)
    return TokenIndex(forward=forward, backward=backward, cost=cost, given_names=given)


def _walk(root: _Node, text: str, start: int) -> Iterator[tuple[int, Token, int, int]]:
    """Tokens matching ``text`` from ``start``: (end, token, swaps used, swappable letters)."""
    stack = [(root, start, 0, 0)]
    while stack:
        node, at, swaps, swappable = stack.pop()
        if node.token is not None and at > start:
            yield at, node.token, swaps, swappable
        if at >= len(text):
            continue
        char = text[at]
        lowered = char.lower()
        child = node.children.get(lowered)
        if child is not None:
            stack.append((child, at + 1, swaps, swappable + (lowered in SUBSTITUTABLE)))
        for letter in LOOK_ALIKES.get(char, ()):
            child = node.children.get(letter)
            if child is not None:
                stack.append((child, at + 1, swaps + 1, swappable + 1))


def _swap_log10(swaps: int, swappable: int) -> float:
    if swaps == 0:
        return 0.0
    ways = sum(math.comb(swappable, k) for k in range(1, swaps + 1))
    return math.log10(max(ways, 2))


def _fact_case_log10(piece: str, token: Token) -> float:
    """Capitals at the starts of the token's words ("JSmith", "OakCres") cost one choice."""
    upper = {i for i, c in enumerate(piece) if c.isupper()}
    if upper and upper <= set(token.starts) and len(piece) == len(token.text):
        return math.log10(2)
    return case_log10(piece)


def fact_parts(text: str, index: TokenIndex) -> Iterator[Part]:
    """Every place a token of the person's facts appears in ``text``, with its cost."""
    for start in range(len(text)):
        for root, backwards in ((index.forward, False), (index.backward, True)):
            for end, token, swaps, swappable in _walk(root, text, start):
                piece = text[start:end]
                case = case_log10(piece) if backwards else _fact_case_log10(piece, token)
                writing = case + _swap_log10(swaps, swappable) + token.extra
                label = token.fact.phrase
                notes = [] if token.form in PLAIN_FORMS else [token.form]
                if backwards and token.text != token.text[::-1]:
                    writing += REVERSED_LOG10
                    notes.append("backwards")
                if swaps:
                    notes.append("with look-alike swaps")
                if notes:
                    label += f" ({'; '.join(notes)})"
                cost = index.cost[token] + writing - token.extra
                single = token.fact.kind is FactKind.name and token.form in GIVEN_FORMS
                yield Part(
                    token.fact.kind.value,
                    label,
                    start,
                    end,
                    cost,
                    token.fact,
                    writing if single else None,
                )


def couple_parts(text: str, parts: list[Part], index: TokenIndex) -> Iterator[Part]:
    """Two people's names joined ("TomAndJane", "tom&jane", "Tom4Jane", "TomJane").

    Someone who knows the person knows who they were with: once one name is chosen, the
    other is one of the other names they know, tried in the order of the names list (not
    any token), and the join is one of a short list.
    """
    if index.given_names < 2:
        return
    starting: dict[int, list[Part]] = {}
    for part in parts:
        if part.writing_log10 is not None:
            starting.setdefault(part.start, []).append(part)
    for first in parts:
        if first.writing_log10 is None or first.fact is None:
            continue
        for after, join_log10 in find_joiners(text, first.end):
            for second in starting.get(after, ()):
                if second.fact is None or second.fact is first.fact:
                    continue
                rank = second.fact.index + 1 - (first.fact.index < second.fact.index)
                cost = first.guesses_log10 + join_log10 + math.log10(max(rank, 1))
                cost += second.writing_log10 or 0.0
                label = f"{first.label} and {second.label} together"
                yield Part("couple", label, first.start, second.end, cost, first.fact)


def filler_parts(text: str) -> dict[tuple[int, int], Part]:
    """Every span of ``text`` that is a common filler, as a part."""
    return {
        (start, end): Part(f.kind, f.label, start, end, f.log10)
        for (start, end), f in find_fillers(text).items()
    }


def repeat_parts(text: str, facts: Facts) -> Iterator[Part]:
    """Runs of one piece said again ("abcabcabc", "!!!!"): the piece's cost, times the count.

    Like zxcvbn, a repeat is taken from where it starts to where it stops, and the search
    resumes after it; the piece itself is read once (no repeats inside a repeat).
    """
    start = 0
    while start < len(text):
        found = _REPEAT.match(text, start)
        if found is None:
            start += 1
            continue
        piece = found.group(1)
        count = (found.end() - start) // len(piece)
        cost = segment(piece, facts, repeats=False)[0] + math.log10(count)
        what = "character" if len(piece) == 1 else "piece"
        yield Part("repeat", f"the same {what} {count} times", start, found.end(), cost)
        start = found.end()


def segment(text: str, facts: Facts, repeats: bool = True) -> tuple[float, tuple[Part, ...]]:
    """The cheapest reading of ``text`` as parts, and its cost in log10 guesses."""
    n = len(text)
    if n == 0:
        return 0.0, ()
    fillers = filler_parts(text)
    ending_at: list[list[Part]] = [[] for _ in range(n + 1)]
    if repeats:
        for part in repeat_parts(text, facts):
            ending_at[part.end].append(part)
    taken: set[tuple[int, int]] = set()
    if not facts.is_empty:
        index = token_index(facts)
        personal = list(fact_parts(text, index))
        for part in [*personal, *couple_parts(text, personal, index)]:
            # A fact that is also a common word ("jennifer") is explained as the fact, the
            # person's own link to it, at the cheaper of the two costs.
            filler = fillers.get((part.start, part.end))
            if filler is not None and filler.guesses_log10 < part.guesses_log10:
                part = replace(part, guesses_log10=filler.guesses_log10)
            ending_at[part.end].append(part)
            taken.add((part.start, part.end))
    for span, part in fillers.items():
        if span not in taken:
            ending_at[part.end].append(part)
    inf = math.inf
    # done[j]: cheapest cost of text[:j] ending on a whole part; loose[j]: ending inside a
    # run of random characters (one part however long, so it pays the part factor once).
    done = [inf] * (n + 1)
    loose = [inf] * (n + 1)
    done[0] = 0.0
    back_done: list[Part | None] = [None] * (n + 1)
    back_loose: list[int] = [0] * (n + 1)  # where the random run started
    for j in range(1, n + 1):
        char_cost = random_char_log10(text[j - 1])
        # Continue a random run, or start one after a whole part.
        start_run = done[j - 1] + (PART_LOG10 if j > 1 else 0.0) + char_cost
        continue_run = loose[j - 1] + char_cost
        if continue_run <= start_run:
            loose[j], back_loose[j] = continue_run, back_loose[j - 1]
        else:
            loose[j], back_loose[j] = start_run, j - 1
        for part in ending_at[j]:
            before = min(done[part.start], loose[part.start])
            cost = before + part.guesses_log10 + _part_factor(part, n)
            if cost < done[j]:
                done[j], back_done[j] = cost, part
    parts: list[Part] = []
    j = n
    in_run = loose[n] < done[n]
    while j > 0:
        chosen = back_done[j]
        if in_run or chosen is None:
            start = back_loose[j]
            cost = sum(random_char_log10(c) for c in text[start:j])
            parts.append(Part("random", "characters with no pattern", start, j, cost))
            j = start
        else:
            parts.append(chosen)
            j = chosen.start
        if j > 0:
            in_run = loose[j] < done[j]
    parts.reverse()
    return min(done[n], loose[n]) - _repeated_separators(text, parts), tuple(parts)


def _part_factor(part: Part, length: int) -> float:
    """The template factor a part adds: none for the first, nor for a one-symbol separator
    between two parts (joining words with "-" is one choice, paid as the symbol's rank)."""
    if part.start == 0:
        return 0.0
    if part.kind == "symbols" and part.end - part.start == 1 and part.end < length:
        return 0.0
    return PART_LOG10


def _repeated_separators(text: str, parts: list[Part]) -> float:
    """What to take off for a separator used again: it is no new choice for the attacker."""
    seen: set[str] = set()
    refund = 0.0
    for part in parts:
        if part.kind == "symbols":
            piece = text[part.start : part.end]
            if piece in seen:
                refund += part.guesses_log10
            seen.add(piece)
    return refund


def band(guesses_log10: float) -> str:
    if guesses_log10 <= BY_HAND_LOG10:
        return "by_hand"
    if guesses_log10 <= SCRIPT_LOG10:
        return "script"
    return "not_guessable"
