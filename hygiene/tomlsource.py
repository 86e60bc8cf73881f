"""TOML files written by hand, with errors that say where.

``tomllib`` reports syntax errors with a line, but once parsed a value no longer knows
where it came from. ``TomlDocument`` keeps the text beside the data and finds the line of
a key (inside the n-th ``[[table]]`` where there is one) so that every validation error
can name file, line and field, all at once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.errors import InputError, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
# A facts file or inventory nests three or four deep; far more is a planted file.
MAX_DEPTH = 16
TOO_DEEP = (
    f"nests lists or tables more than {MAX_DEPTH} deep, which no facts file or inventory "
    "does; it was not read"
)


@dataclass(frozen=True)
class TomlDocument:
    path: Path
    text: str
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.path)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line where the value at ``loc`` (keys and list indexes) is written, if found."""
        lines = self.text.splitlines()
        start = 0
        key: str | None = None
        parts = list(loc)
        # An array of tables: [[account]] ... the index picks the n-th header.
        if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
            header = re.compile(rf"^\s*\[\[\s*{re.escape(parts[0])}\s*\]\]")
            seen = -1
            for number, line in enumerate(lines):
                if header.match(line):
                    seen += 1
                    if seen == parts[1]:
                        start = number
                        break
            else:
                start = -1
            if start >= 0:
                parts = parts[2:]
                if not parts:
                    return start + 1
        keys = [p for p in parts if isinstance(p, str)]
        if start < 0:
            start = 0
        if keys:
            key = keys[0]
        if key is None:
            return start + 1 if start else None
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start, len(lines)):
            if number > start and lines[number].lstrip().startswith("[["):
                break
            if pattern.match(lines[number]):
                return number + 1
        return start + 1 if start else None

    def problem(self, loc: Sequence[str | int], message: str) -> Problem:
        where = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in loc)
        where = where.replace(".[", "[")
        return Problem(message, source=self.name, line=self.line_of(loc), where=where or None)


def read_text(path: Path, limit: int, too_large: str) -> str:
    """The UTF-8 text of ``path``, read no further than ``limit`` bytes; a missing,
    unreadable, oversized or non-UTF-8 file is an ``InputError`` (``too_large`` says why
    a file over the limit is refused)."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", source=source) from None
    if len(raw) > limit:
        raise InputError(too_large, source=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=source) from None


def load_toml(path: Path) -> TomlDocument:
    """Read and parse ``path``; a missing, unreadable or malformed file is an ``InputError``."""
    source = str(path)
    text = read_text(path, MAX_FILE_BYTES, "is too large to be a hand-written file (over 5 MB)")
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib reads nested lists and tables by recursion; thousands of ``[`` exhaust it.
        raise InputError(TOO_DEEP, source=source) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        if match:
            line: int | None = int(match.group(1))
        elif "(at end of document)" in str(exc):
            # Something left open (a list, a string) runs to the end: name the last line.
            line = max(1, len(text.splitlines()))
        else:
            line = None
        message = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(exc))
        message = f"is not valid TOML: {message}"
        raise InputError(Problem(message, source=source, line=line)) from None
    if _depth(data) > MAX_DEPTH:
        raise InputError(TOO_DEEP, source=source)
    return TomlDocument(path=path, text=text, data=data)


def _depth(data: object) -> int:
    """How deeply lists and tables nest in ``data``, counted without recursion."""
    deepest, todo = 0, [(data, 0)]
    while todo:
        value, depth = todo.pop()
        deepest = max(deepest, depth)
        if isinstance(value, dict):
            todo.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            todo.extend((child, depth + 1) for child in value)
    return deepest


def validation_problems(doc: TomlDocument, error: Any) -> list[Problem]:
    """Every error of a pydantic ``ValidationError`` as a located ``Problem``."""
    problems = []
    for item in error.errors():
        loc = [p for p in item["loc"] if isinstance(p, (str, int))]
        message = str(item["msg"])
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        problems.append(doc.problem(loc, message))
    return problems
