"""How the terminal prints: the one place every command's output goes through.

Two jobs, both about fitting the words to the screen in front of the person, never about
what is safe to print (the rendering layer escapes hostile strings before they get here):

- every paragraph is wrapped to the window's width (80 columns when the output is not a
  terminal), lines indented under their list marker, so no word is split at the edge;
- no character ever crashes the output: where the output's encoding cannot show one (a
  Windows code page, a plain ASCII pipe), a plain stand-in is written instead (``->`` for
  an arrow, ``*`` for a bullet), so a run never ends in a traceback over a symbol.

Machine formats (JSON, Graphviz) go through ``raw``: never wrapped, still never a crash.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
import textwrap
import unicodedata
from typing import TextIO

DEFAULT_WIDTH = 80
# Narrower than this, wrapping would leave a word or two a line; better to let it overflow.
NARROWEST = 20
ERRORS = "hygiene-plain"
STAND_INS = {
    "\u2192": "->",
    "\u2190": "<-",
    "\u2194": "<->",
    "\u21d2": "=>",
    "\u2022": "*",
    "\u00b7": "*",
    "\u2026": "...",
    "\u2014": "-",
    "\u2013": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2713": "yes",
    "\u2717": "no",
    "\u00d7": "x",
    "\u2248": "~",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u00a3": "GBP ",
    "\u20ac": "EUR ",
    "\u00a0": " ",
}
# A list marker or quote at the start of a line: continuation lines are indented past it.
MARKER = re.compile(r"(\s*(?:(?:[-*+>]|\d+[.)]|\[[ x]\])\s+)?)")
FENCE = "```"


def plain(char: str) -> str:
    """An ASCII stand-in for one character: a named one, its letters without accents, or ?."""
    if char in STAND_INS:
        return STAND_INS[char]
    stripped = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return stripped or "?"


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(plain(char) for char in text), error.end


def install() -> None:
    """Make standard output and error write stand-ins instead of failing on a character."""
    codecs.register_error(ERRORS, _stand_in)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ERRORS)


def width(stream: TextIO) -> int:
    """The window's width when ``stream`` is a terminal; COLUMNS when set; else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return DEFAULT_WIDTH


def _wrap_line(line: str, columns: int) -> list[str]:
    match = MARKER.match(line)
    prefix = match.group(1) if match else ""
    room = columns - len(prefix)
    if room < NARROWEST:
        return [line]
    # textwrap, not rich: rich's public wrapping either folds or crops a word longer than
    # the line, and that would cut an address or a link the person needs to copy whole.
    return textwrap.wrap(
        line,
        columns,
        initial_indent="",
        subsequent_indent=" " * len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [line]


def wrap(text: str, columns: int) -> str:
    """``text`` with every long line wrapped at ``columns``; tables, headings and code kept."""
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        if line.lstrip().startswith(FENCE):
            in_code = not in_code
        keep = in_code or len(line) <= columns or line.lstrip().startswith(("|", "#", FENCE))
        out.extend([line] if keep else _wrap_line(line, columns))
    return "\n".join(out)


def _stream(err: bool, stream: TextIO | None) -> TextIO:
    if stream is not None:
        return stream
    return sys.stderr if err else sys.stdout


def echo(
    text: str = "", *, err: bool = False, nl: bool = True, stream: TextIO | None = None
) -> None:
    """Print prose: wrapped to the window, one paragraph or many lines at once."""
    target = _stream(err, stream)
    target.write(wrap(text, width(target)) + ("\n" if nl else ""))
    target.flush()


def raw(text: str, *, nl: bool = True, stream: TextIO | None = None) -> None:
    """Print a machine format as it is: no wrapping, which would change its meaning."""
    target = _stream(False, stream)
    target.write(text + ("\n" if nl else ""))
    target.flush()


def clear_screen(stream: TextIO | None = None) -> None:
    """Wipe the window and its scrollback, so nothing is left to read over a shoulder."""
    from hygiene.cli.render import unguarded

    # hygiene's own control sequence: written under the guard that shows any other raw.
    target = unguarded(stream or sys.stdout)
    if target.isatty():
        # Clear the screen first, then the scrollback: terminals such as tmux move a
        # cleared screen into the scrollback, so the other order would keep it readable.
        target.write("\033[H\033[2J\033[3J")
        target.flush()
