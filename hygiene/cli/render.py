"""How every command prints: the guarded terminal streams, and JSON.

While a command runs, standard output and standard error are wrapped so that no control
character or escape sequence in anything printed reaches the terminal raw: a title
planted in an export cannot clear the screen, set the window title, write the clipboard
or make a link. hygiene's own control sequences (clearing the screen on a quick exit,
redrawing the progress bar) are written through ``unguarded`` on purpose.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from hygiene.cli import console
from hygiene.render import json_safe, visible_lines


class GuardedStream:
    """A text stream that writes every control character out visibly, except lines and tabs.

    It has no ``buffer``, so nothing can reach the bytes underneath around it.
    """

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible_lines(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.inner, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:
        return getattr(self.inner, "errors", None)

    def writable(self) -> bool:
        return True


def unguarded(stream: TextIO | GuardedStream) -> TextIO:
    """The stream under the guard, for hygiene's own control sequences only."""
    return stream.inner if isinstance(stream, GuardedStream) else stream


@contextmanager
def guarded_output() -> Iterator[None]:
    """Guard standard output and standard error while a command runs."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, GuardedStream):
        sys.stdout = GuardedStream(sys.stdout)
    if not isinstance(sys.stderr, GuardedStream):
        sys.stderr = GuardedStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def tell_old_names(names: Iterable[str], source: object) -> None:
    """Say, on standard error, which old names a file still uses; they keep working."""
    names = list(names)
    if names:
        console.echo(
            f"note: {source} uses old names: {'; '.join(names)}. They still work; "
            "hygiene writes the new ones.",
            err=True,
        )


def print_json(data: Any) -> None:
    console.raw(json_safe(json.dumps(data, indent=2, ensure_ascii=False)))
