"""A prompter that answers from a list, so the interactive flows run without a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hygiene.errors import Interrupted
from hygiene.secret import Secret


class ScriptedPrompter:
    """Answers from a list and keeps a transcript of what was shown.

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
