"""The breach-check interface: three result types and the abstract ``BreachSource``.

A lookup ends in exactly one of ``Found``, ``NotFound`` or ``Unknown``. An expected miss
(no network, a broken corpus) is data, an ``Unknown`` with a plain reason, never an
exception and never mistaken for ``NotFound``. Sources report progress through an
optional observer, so the core never imports anything from the terminal.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from hygiene.secret import Secret

Status = Literal["found", "not_found", "unknown"]


@dataclass(frozen=True)
class Found:
    """The password is in the corpus. ``count`` is how often it was seen in breaches;
    ``None`` when the source knows only that it is listed (the built-in list)."""

    count: int | None
    source: str
    status: Status = "found"

    def describe(self) -> str:
        if self.count is None:
            return "in the list of common passwords"
        times = "once" if self.count == 1 else f"{self.count:,} times"
        return f"found in data breaches, seen {times}"

    def to_dict(self) -> dict[str, object]:
        return {"status": self.status, "count": self.count, "source": self.source, "reason": None}


@dataclass(frozen=True)
class NotFound:
    """The source was fully searched and the password is not in it."""

    source: str
    status: Status = "not_found"

    def describe(self) -> str:
        return "not found in the breach corpus"

    def to_dict(self) -> dict[str, object]:
        return {"status": self.status, "count": None, "source": self.source, "reason": None}


@dataclass(frozen=True)
class Unknown:
    """The check could not give an answer; ``reason`` says why in plain words. Never safe."""

    reason: str
    source: str
    status: Status = "unknown"

    def describe(self) -> str:
        return f"could not check: {self.reason}"

    def to_dict(self) -> dict[str, object]:
        return {"status": self.status, "count": None, "source": self.source, "reason": self.reason}


Result = Found | NotFound | Unknown


class Progress(Protocol):
    """Told after each finished lookup: ``done`` of ``total`` are answered."""

    def __call__(self, done: int, total: int) -> None: ...


class BreachSource(ABC):
    """Somewhere a password can be looked up. Subclasses set ``name`` and implement ``check``;
    a source that can batch (the range API: one request per hash prefix) overrides
    ``check_many``."""

    name: str = "source"

    @abstractmethod
    def check(self, secret: Secret) -> Result:
        """Look one password up."""

    def check_many(
        self, secrets: Sequence[Secret], progress: Progress | None = None
    ) -> list[Result]:
        """Look many passwords up; results in the order given."""
        results: list[Result] = []
        for secret in secrets:
            results.append(self.check(secret))
            if progress is not None:
                progress(len(results), len(secrets))
        return results

    def unusable_reason(self) -> str | None:
        """Why this source cannot answer at all, in plain words; ``None`` when it can."""
        return None

    def describe(self) -> str:
        """One plain line saying what this source is (for listings, never a password)."""
        return self.name

    def close(self) -> None:  # noqa: B027 (optional hook; most sources hold nothing)
        """Release files and connections; the default holds none."""

    def __enter__(self) -> BreachSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
