"""The one error tree of hygiene.

Every failure the core expects is a ``HygieneError``; third-party errors are wrapped where
they occur with a plain-language message. Only the CLI turns them into exit codes. No
message here ever carries a password: callers pass structure (file, line, field), not
content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class HygieneError(Exception):
    """Something hygiene could not do, said in plain words."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file the person gave us, with where it is."""

    message: str
    source: str | None = None
    line: int | None = None
    where: str | None = None

    def __str__(self) -> str:
        place = self.source or ""
        if self.line is not None:
            place = f"{place}, line {self.line}" if place else f"line {self.line}"
        if self.where:
            place = f"{place} ({self.where})" if place else self.where
        return f"{place}: {self.message}" if place else self.message


class InputError(HygieneError):
    """A file or value given to hygiene is not usable; lists every problem at once."""

    def __init__(
        self, problems: Iterable[Problem] | Problem | str, *, source: Path | str | None = None
    ) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, source=str(source) if source else None)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CheckUnavailable(HygieneError):
    """A check could not run (no network, no corpus, no keyring): the answer is unknown."""


class Interrupted(HygieneError):
    """The person asked to stop at once (Ctrl-C, or 'quick exit')."""
