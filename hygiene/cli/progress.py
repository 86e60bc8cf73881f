"""A one-line progress bar on standard error, drawn from the core's progress observer.

The core reports ``(stage, done, total)``; this draws it, and only when standard error is
a terminal, so redirected output and scripts never see control characters. The bar is a
row of ``#`` with the words and numbers beside it, so it reads without colour: rich's
bar is not used because it tells done from not yet done by colour alone. The line is cut to
the window's width, since a wrapped line could not be redrawn in place.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

from hygiene.cli import console
from hygiene.cli.render import unguarded

if TYPE_CHECKING:
    from hygiene.breach.interface import Progress

WIDTH = 24
INTERVAL = 0.1  # seconds between redraws; a bar redrawn per row would slow the run
LABELS = {
    "read": "Reading the export",
    "strength": "Checking strength",
    "breach": "Checking breaches",
    "reuse": "Finding reuse",
    "corpus": "Reading the corpus",
}


class ProgressBar:
    def __init__(self, stream: TextIO | None = None) -> None:
        # The bar's own "\r" and erase-line are meant: written past the output guard.
        self.stream = unguarded(stream or sys.stderr)
        self.last = 0.0
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < INTERVAL and done != total:
            return
        self.last = now
        label = LABELS.get(stage, stage)
        if total:
            filled = WIDTH * done // total
            line = f"{label}: [{'#' * filled}{'.' * (WIDTH - filled)}] {done} of {total}"
        else:
            line = f"{label}: {done}"
        self.stream.write("\r\033[K" + line[: console.width(self.stream) - 1])
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def stage_progress(stage: str) -> Progress | None:
    """A bar for one stage of work, cleared when it is done; nothing when not on a terminal."""
    if not sys.stderr.isatty():
        return None
    bar = ProgressBar()

    def show(done: int, total: int) -> None:
        bar(stage, done, total)
        if total and done >= total:
            bar.close()

    return show
