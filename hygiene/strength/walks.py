"""Keyboard walks ("qwe", "asdf", "1qaz", "zaq1", "2580"): a cheap filler people type.

A walk is a run of keys each next to the one before on a keyboard, found on zxcvbn's
adjacency graphs (the UK/US QWERTY layout and the number pad), so it reads the same keys
zxcvbn's spatial matcher reads. What it costs an attacker who lists walks: the straight
walks of that length on that keyboard (every start key, every direction: there are few),
those that start at the keyboard's edge first ("qwe", "1qaz", "zaq1": the walks people
type), times the length chosen among the lengths up to it, times, for each turn, the
turn's place and its new direction; held Shift costs like capitals. So "qwe" or "zaq1"
costs tens of guesses, far less than three or four random characters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

MIN_WALK = 3
MAX_WALK = 24
GRAPHS = ("qwerty", "keypad")


@dataclass(frozen=True)
class Keyboard:
    """One layout: each character's key and whether Shift makes it, the neighbours of each
    key by direction, the straight walks of each length, and the mean number of neighbours."""

    key_of: dict[str, tuple[str, bool]]
    neighbours: dict[str, tuple[str | None, ...]]
    # (length, starts at the edge) -> how many straight walks there are of that kind.
    straight: dict[tuple[int, bool], int]
    degree: float

    def at_edge(self, key: str, direction: int) -> bool:
        """True when no key lies behind ``key`` against ``direction`` (a walk starts here)."""
        near = self.neighbours[key]
        if len(near) % 2:
            return False
        return near[(direction + len(near) // 2) % len(near)] is None


@lru_cache(maxsize=1)
def keyboards() -> tuple[Keyboard, ...]:
    from zxcvbn.adjacency_graphs import ADJACENCY_GRAPHS

    built = []
    for name in GRAPHS:
        graph = ADJACENCY_GRAPHS[name]
        # The graph lists every character; a neighbour is written as its key's characters,
        # unshifted first ("qQ").
        key_of: dict[str, tuple[str, bool]] = {}
        for near in graph.values():
            for key in filter(None, near):
                for shifted, char in enumerate(key):
                    key_of.setdefault(char, (key[0], bool(shifted)))
        neighbours = {
            key_of[char][0]: tuple(n[0] if n else None for n in near)
            for char, near in graph.items()
            if char in key_of
        }
        degree = sum(sum(n is not None for n in near) for near in neighbours.values())
        board = Keyboard(key_of, neighbours, {}, degree / len(neighbours))
        for start, near in neighbours.items():
            for direction in range(len(near)):
                edge = board.at_edge(start, direction)
                key, length = start, 1
                while length < MAX_WALK:
                    step = neighbours.get(key, ())
                    after = step[direction] if direction < len(step) else None
                    if after is None:
                        break
                    key, length = after, length + 1
                    for kind in {edge, False}:
                        board.straight[(length, kind)] = board.straight.get((length, kind), 0) + 1
        built.append(board)
    return tuple(built)


def _walk_log10(board: Keyboard, length: int, turns: int, shifted: int, edge: bool) -> float:
    straight = max(board.straight.get((length, edge), 1), 1)
    cost = math.log10(straight) + math.log10(length - MIN_WALK + 1)
    if turns:
        cost += math.log10(math.comb(length - 2, turns)) + turns * math.log10(board.degree)
    if shifted:
        unshifted = length - shifted
        ways = sum(math.comb(length, k) for k in range(1, min(shifted, unshifted) + 1))
        cost += math.log10(max(ways, 2)) if unshifted else math.log10(2)
    return cost


def find_walks(text: str) -> dict[tuple[int, int], float]:
    """Every span of ``text`` that is a keyboard walk, with its cheapest cost in log10."""
    found: dict[tuple[int, int], float] = {}
    for board in keyboards():
        for start in range(len(text)):
            first = board.key_of.get(text[start])
            if first is None:
                continue
            key, direction, turns, shifted = first[0], -1, 0, int(first[1])
            edge = False
            for end in range(start + 1, min(len(text), start + MAX_WALK)):
                here = board.key_of.get(text[end])
                if here is None or here[0] not in board.neighbours[key]:
                    break
                step = board.neighbours[key].index(here[0])
                if direction < 0:
                    edge = board.at_edge(key, step)
                turns += direction >= 0 and step != direction
                direction, key, shifted = step, here[0], shifted + here[1]
                length = end + 1 - start
                if length >= MIN_WALK:
                    cost = _walk_log10(board, length, turns, shifted, edge and not turns)
                    span = (start, end + 1)
                    found[span] = min(cost, found.get(span, math.inf))
    return found
