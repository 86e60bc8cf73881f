"""Kaspersky Password Manager's printable export: a text file of ``Key: value`` blocks.

Sections are headed ``Websites``, ``Applications``, ``Other Accounts`` and ``Notes``;
each entry is a block of ``Website name:``, ``Website URL:``, ``Login name:``,
``Login:``, ``Password:`` and ``Comment:`` lines (``Application:`` for apps), and
blocks end with a line ``---``. A comment runs to the end of its block, so it is never
read as fields. Notes hold no login and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hygiene.exports.csvlayout import Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import read_bounded
from hygiene.exports.text import decode

SECTIONS = {"websites", "applications", "other accounts", "notes"}
END_OF_BLOCK = "---"
LAST_KEYS = ("comment", "text")  # free text to the end of the block


@dataclass(frozen=True)
class Block:
    line: int  # where the block starts, counted as a text editor shows it
    section: str
    values: dict[str, str]


def blocks(text: str) -> Iterator[Block]:
    section, values, start, free = "", dict[str, str](), 0, False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped == END_OF_BLOCK:
            if values:
                yield Block(start, section, values)
            values, free = {}, False
            continue
        if free:
            continue
        if not values and stripped.lower() in SECTIONS:
            section = stripped.lower()
            continue
        key, colon, value = line.partition(":")
        if not colon:
            continue
        if not values:
            start = number
        key = key.strip().lower()
        values.setdefault(key, value[1:] if value.startswith(" ") else value)
        free = key in LAST_KEYS
    if values:
        yield Block(start, section, values)


def _item(block: Block) -> Item:
    if block.section == "notes" or "password" not in block.values:
        return Skipped(block.line, SkipKind.NOT_LOGIN, "a note, not a login")
    values = block.values
    title = values.get("website name") or values.get("application") or values.get("name", "")
    return login(
        Row(block.line, values),
        title=title,
        username=values.get("login", ""),
        password=values.get("password", ""),
        urls=[values.get("website url", "")],
    )


@dataclass(frozen=True)
class TextLayout:
    """Row numbers are the line each entry starts on."""

    name: str = "kaspersky-txt"
    label: str = "Kaspersky Password Manager text export"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "csv" and probe.header[:1] in (("websites",), ("applications",))

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        with probe.open() as binary:
            text, _ = decode(read_bounded(binary, path, "this text file"))
        for block in blocks(text):
            yield _item(block)


TXT = TextLayout()
