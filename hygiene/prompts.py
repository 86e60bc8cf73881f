"""The one seam through which every interactive flow talks to a person.

Flows (the accounts review, the email plan, the session) take a ``Prompter`` and never
touch the terminal themselves, so tests drive them with ``ScriptedPrompter`` and no
terminal at all. Questions are plain and numbered so they read well to a screen reader
and on a printout; nothing relies on colour.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterable, Sequence
from typing import Protocol, TextIO

from hygiene.errors import Interrupted
from hygiene.render import visible_lines
from hygiene.secret import Secret

QUIT_WORDS = frozenset({"q", "quit", "exit"})


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


class TerminalPrompter:
    """Asks on the terminal. Typing q (or Ctrl-C) at any question leaves at once."""

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out or sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self._out, flush=True)

    def _read(self, prompt: str) -> str:
        try:
            # input() on a terminal writes the prompt itself, around the output guard.
            answer = input(visible_lines(prompt)).strip()
        except (KeyboardInterrupt, EOFError) as exc:
            raise Interrupted() from exc
        if answer.lower() in QUIT_WORDS:
            raise Interrupted()
        return answer

    def ask(self, question: str, default: str | None = None) -> str:
        hint = f" [{default}]" if default else ""
        answer = self._read(f"{question}{hint}: ")
        return answer or (default or "")

    def choose(self, question: str, options: Sequence[str], default: int | None = None) -> int:
        self.say(question)
        for number, option in enumerate(options, start=1):
            self.say(f"  {number}. {option}")
        hint = f" [{default + 1}]" if default is not None else ""
        while True:
            answer = self._read(f"Type a number{hint}: ")
            if not answer and default is not None:
                return default
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            self.say(f"Please type a number from 1 to {len(options)}, or q to leave.")

    def confirm(self, question: str, default: bool = False) -> bool:
        hint = "Y/n" if default else "y/N"
        while True:
            answer = self._read(f"{question} ({hint}): ").lower()
            if not answer:
                return default
            if answer in {"y", "yes"}:
                return True
            if answer in {"n", "no"}:
                return False
            self.say("Please answer y or n, or q to leave.")

    def secret(self, question: str) -> Secret:
        try:
            return Secret(getpass.getpass(visible_lines(f"{question} (hidden): ")))
        except (KeyboardInterrupt, EOFError) as exc:
            raise Interrupted() from exc


class ScriptedPrompter:
    """Answers from a list, for tests and for scripted runs; keeps a transcript of what was shown.

    Each answer is a string (``ask``, ``secret``), a 1-based number as text (``choose``), or
    ``y``/``n`` (``confirm``); an empty string takes the default. The string ``"<quit>"``
    acts as the person leaving. Secrets are never put in the transcript.
    """

    def __init__(self, answers: Iterable[str]) -> None:
        self._answers = list(answers)
        self.transcript: list[str] = []

    def _next(self, question: str) -> str:
        self.transcript.append(question)
        if not self._answers:
            raise AssertionError(f"no scripted answer left for: {question}")
        answer = self._answers.pop(0)
        if answer == "<quit>":
            raise Interrupted()
        return answer

    @property
    def unused(self) -> list[str]:
        return list(self._answers)

    def say(self, text: str) -> None:
        self.transcript.append(text)

    def ask(self, question: str, default: str | None = None) -> str:
        return self._next(question) or (default or "")

    def choose(self, question: str, options: Sequence[str], default: int | None = None) -> int:
        self.transcript.extend([question, *options])
        answer = self._next(question)
        if not answer and default is not None:
            return default
        index = int(answer) - 1
        if not 0 <= index < len(options):
            raise AssertionError(f"scripted choice {answer} out of range for: {question}")
        return index

    def confirm(self, question: str, default: bool = False) -> bool:
        answer = self._next(question).lower()
        return default if not answer else answer in {"y", "yes"}

    def secret(self, question: str) -> Secret:
        return Secret(self._next(question))
