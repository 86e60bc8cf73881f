"""Asking on the terminal: questions with real line editing, hidden secrets, quick exit.

Line editing comes from the standard library's ``readline`` (GNU readline, or libedit on
macOS): once it is imported, ``input()`` understands the arrow keys, Home, End and Delete,
with no new dependency. prompt_toolkit would draw the same, but it is a large library to
ship for one prompt, and on Windows, where ``readline`` is absent, the console already
edits a line before handing it over. Answers are kept out of readline's history, even the
in-memory one, and no history file is ever read or written: what a person typed cannot be
brought back with the up arrow by whoever sits down next.

Typing q (or pressing Ctrl-C) at any question leaves at once.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence
from typing import TextIO

from hygiene.cli import console
from hygiene.errors import Interrupted
from hygiene.render import visible_lines
from hygiene.secret import Secret

try:
    import readline
except ImportError:  # Windows: the console edits the line itself
    pass
else:
    readline.set_auto_history(False)

QUIT_WORDS = frozenset({"q", "quit", "exit"})


class TerminalPrompter:
    """The ``Prompter`` of a person at a terminal; ``out`` is where questions are shown."""

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out

    @property
    def out(self) -> TextIO:
        return self._out or sys.stdout

    def say(self, text: str) -> None:
        console.echo(text, stream=self.out)

    def _read(self, prompt: str) -> str:
        # A long question is wrapped; only its last line is the prompt that readline redraws
        # as the answer is edited.
        *above, last = console.wrap(prompt, console.width(self.out)).split("\n")
        if above:
            console.raw("\n".join(above), stream=self.out)
            last += prompt[len(prompt.rstrip()) :]
        try:
            if self.out is sys.stdout:
                # input() on a terminal writes its prompt itself, around the output guard.
                answer = input(visible_lines(last))
            else:
                # input() shows its prompt on standard output, which may be carrying JSON.
                console.raw(last, nl=False, stream=self.out)
                answer = input()
        except (KeyboardInterrupt, EOFError) as exc:
            raise Interrupted() from exc
        answer = answer.strip()
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


def offer_to_clear(prompter: TerminalPrompter) -> None:
    """At a normal finish, offer what Ctrl-C does at once: wipe the window and scrollback."""
    if prompter.out.isatty() and prompter.confirm(
        "Clear this window now, so what was typed here cannot be read on it later?",
        default=True,
    ):
        console.clear_screen(prompter.out)
