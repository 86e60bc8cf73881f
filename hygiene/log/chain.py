"""The log's chain: each entry's SHA-256 fingerprint covers the fingerprint of the one before.

An entry's fingerprint is the SHA-256 of its JSON form with the ``fingerprint`` field and
every field left at its default taken out, keys sorted, no spaces, UTF-8 (so a field added
to entries later does not change the fingerprints of entries already written). Anyone can
recompute it from the JSON export. ``check`` walks a log and names what does not hold: an
entry changed after it was written, one removed, two out of order, or the last ones gone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from hygiene.log.model import GENESIS, IncidentLog, LogEntry


def fingerprint(entry: LogEntry) -> str:
    """The fingerprint ``entry`` should carry, from everything in it but that field."""
    data = entry.model_dump(mode="json", exclude={"fingerprint"}, exclude_defaults=True)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link(draft: dict[str, Any], log: IncidentLog) -> LogEntry:
    """``draft`` as the next entry of ``log``: numbered, linked to the last, fingerprinted."""
    last = log.entries[-1] if log.entries else None
    fields = {
        **draft,
        "number": (last.number + 1) if last else 1,
        "previous": last.fingerprint if last else GENESIS,
        "fingerprint": GENESIS,
    }
    unsealed = LogEntry.model_validate(fields)
    return unsealed.model_copy(update={"fingerprint": fingerprint(unsealed)})


@dataclass(frozen=True)
class ChainProblem:
    """One thing that does not hold, and the entries it names."""

    text: str
    entries: tuple[int, ...] = ()


@dataclass(frozen=True)
class ChainCheck:
    """What the check found: ``problems`` empty means every link holds."""

    count: int
    head: str  # the fingerprint of the last entry: compare it with an earlier printout
    problems: tuple[ChainProblem, ...]

    def about(self, number: int) -> list[str]:
        """What the check says about entry ``number``."""
        return [p.text for p in self.problems if number in p.entries]

    @property
    def intact(self) -> bool:
        return not self.problems

    def sentence(self) -> str:
        if self.intact:
            if not self.count:
                return "The log has no entries yet."
            if self.count == 1:
                return "Checked: the one entry is as it was written."
            return (
                f"Checked: all {self.count} entries are as they were written, in order, "
                "none missing."
            )
        return "The check found a problem: " + " ".join(p.text for p in self.problems)


def check(log: IncidentLog) -> ChainCheck:
    """Walk the chain and name every entry that is changed, missing or out of place."""
    problems: list[ChainProblem] = []
    entries = log.entries
    by_number: dict[int, LogEntry] = {}
    for entry in entries:
        if entry.number in by_number:
            problems.append(ChainProblem(f"Entry {entry.number} appears twice.", (entry.number,)))
        by_number.setdefault(entry.number, entry)
    changed = {e.number for e in entries if fingerprint(e) != e.fingerprint}
    problems += [
        ChainProblem(f"Entry {n} was changed after it was written.", (n,)) for n in sorted(changed)
    ]
    highest = max(by_number, default=0)
    missing = [n for n in range(1, highest + 1) if n not in by_number]
    problems += [ChainProblem(f"Entry {n} is missing: it was removed.", (n,)) for n in missing]
    numbers = [e.number for e in entries]
    for before, after in pairwise(numbers):
        if after < before:
            problems.append(
                ChainProblem(
                    f"Entry {after} comes after entry {before}: they were reordered.",
                    (after, before),
                )
            )
    for entry in entries:
        earlier = by_number.get(entry.number - 1)
        expected = earlier.fingerprint if earlier else GENESIS
        if entry.number - 1 in missing or entry.number - 1 in changed:
            continue  # already named
        if entry.previous != expected:
            which = f"entry {entry.number - 1}" if entry.number > 1 else "the start"
            problems.append(
                ChainProblem(
                    f"Entry {entry.number} does not follow {which}: {which} was changed or "
                    "replaced after it was written.",
                    (entry.number - 1, entry.number) if entry.number > 1 else (entry.number,),
                )
            )
    last = by_number.get(highest)
    head = last.fingerprint if last else GENESIS
    if head != log.head:
        problems.append(
            ChainProblem(
                f"One or more entries written after entry {highest} were removed."
                if highest
                else "Every entry was removed.",
                (highest,) if highest else (),
            )
        )
    return ChainCheck(count=len(entries), head=head, problems=tuple(problems))


def append(log: IncidentLog, draft: dict[str, Any], copies: dict[str, bytes]) -> IncidentLog:
    """``log`` with ``draft`` written as its next entry and ``copies`` kept beside it."""
    entry = link(draft, log)
    return log.model_copy(
        update={
            "entries": (*log.entries, entry),
            "head": entry.fingerprint,
            "copies": {**log.copies, **copies},
        }
    )
