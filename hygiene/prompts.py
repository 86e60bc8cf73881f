"""The one seam through which every interactive flow talks to a person.

Flows (the accounts review, the email plan, the session) take a ``Prompter`` and never
touch the terminal themselves: the terminal's prompter lives in ``hygiene.cli.prompter``,
and tests drive the flows with a scripted one and no terminal at all. Questions are plain
and numbered so they read well to a screen reader and on a printout; nothing relies on
colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from hygiene.secret import Secret


class Prompter(Protocol):
    def say(self, text: str) -> None:
        """Show a line of text."""

    def ask(self, question: str, default: str | None = None) -> str:
        """A free-text answer; the default when the answer is empty."""

    def choose(self, question: str, options: Sequence[str], default: int | None = None) -> int:
        """The index of one of ``options``, shown numbered from 1."""

    def confirm(self, question: str, default: bool = False) -> bool:
        """Yes or no."""

    def secret(self, question: str) -> Secret:
        """A hidden answer: never echoed, never recorded."""
