"""A CSV layout described by its header: which columns it needs, and how a row becomes a login.

Most products write a CSV with a header row; their readers differ only in column names and
in what a row means. ``CsvLayout`` holds that difference and does the rest once: header
matching (case-insensitive, whitespace-trimmed), missing columns named, ragged rows, and
row numbers that match what a spreadsheet shows (the header is row 1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hygiene.errors import InputError, Problem
from hygiene.exports.interface import Entry, Item, Probe, SkipKind, Skipped
from hygiene.exports.source import csv_records
from hygiene.exports.text import Record
from hygiene.secret import Secret


@dataclass(frozen=True)
class Row:
    """One data row, its fields by lower-case column name; absent columns read as ''."""

    number: int
    values: dict[str, str]
    # Fields past the header's last column, in layouts whose last column spills over.
    extra: tuple[str, ...] = ()

    def get(self, *names: str) -> str:
        """The first non-empty value among ``names`` (aliases of one column)."""
        for name in names:
            value = self.values.get(name, "")
            if value:
                return value
        return ""


Convert = Callable[[Row], Item]
CUT_OFF = "the file ends part-way through this row (it may have been cut off), so it was left out"


@dataclass(frozen=True)
class CsvLayout:
    """A header-defined CSV layout. ``exact`` pins the full header where sets collide;
    ``spills`` allows rows longer than the header (their last column runs on)."""

    name: str
    label: str
    required: frozenset[str]
    convert: Convert
    exact: tuple[str, ...] | None = None
    excluded: frozenset[str] = field(default_factory=frozenset)
    escapechar: str | None = None
    spills: bool = False
    # Rows may be shorter than the header by nature, so a short last row is no sign of a cut.
    ragged: bool = False

    def detect(self, probe: Probe) -> bool:
        if probe.kind != "csv":
            return False
        if self.exact is not None:
            return probe.header == self.exact
        columns = set(probe.header)
        return self.required <= columns and not (self.excluded & columns)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from self.read_records(csv_records(probe, escapechar=self.escapechar), path)

    def read_records(self, stream: Iterator[Record], path: Path | str) -> Iterator[Item]:
        """The rows of ``stream`` (its first record is the header) as logins and skips."""
        first = next(stream, None)
        header = [name.strip().lstrip("\ufeff").lower() for name in first.fields] if first else []
        missing = sorted(self.required - set(header))
        if missing:
            raise InputError(
                Problem(
                    f"this file is not a {self.label} export: the header lacks "
                    + ", ".join(missing),
                    str(path),
                    1,
                )
            )
        width = len(header)
        for record in stream:
            if record.problem:
                yield Skipped(record.row, SkipKind.MALFORMED, record.problem)
                continue
            fields = record.fields
            if not any(f.strip() for f in fields):
                continue  # a blank line
            if record.cut or (record.unterminated and not self.ragged and len(fields) < width):
                yield Skipped(record.row, SkipKind.MALFORMED, CUT_OFF)
                continue
            if not self.spills and len(fields) > width and any(f.strip() for f in fields[width:]):
                yield Skipped(
                    record.row,
                    SkipKind.MALFORMED,
                    f"this row has {len(fields)} fields and the header has {width}, "
                    "so its columns cannot be trusted",
                )
                continue
            values: dict[str, str] = {}
            for name, value in zip(header, fields, strict=False):
                if value or name not in values:  # a repeated column keeps a filled value
                    values[name] = value
            yield self.convert(Row(record.row, values, tuple(fields[width:])))


def login(
    row: Row,
    *,
    title: str,
    username: str,
    password: str,
    urls: tuple[str, ...] | list[str],
    changed: datetime | None = None,
    entity_like: bool = False,
) -> Item:
    """An Entry, or a skip when the login has no password to check."""
    if not password:
        return Skipped(row.number, SkipKind.NO_PASSWORD, "this login has no password")
    return Entry(
        title=title.strip(),
        username=username.strip(),
        urls=tuple(dict.fromkeys(u.strip() for u in urls if u and u.strip())),
        password=Secret(password),
        row=row.number,
        password_changed=changed,
        entity_like=entity_like,
    )


def plain_login(row: Row, title_column: str = "title") -> Item:
    """The login of a layout whose columns are a title, username, password and one URL."""
    return login(
        row,
        title=row.get(title_column),
        username=row.get("username"),
        password=row.get("password"),
        urls=[row.get("url")],
    )


def epoch(value: str | float | int | None, *, millis: bool = False) -> datetime | None:
    """A Unix time (seconds, or milliseconds) as an aware datetime; None when unusable."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if millis:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, UTC) if number > 0 else None
    except (OverflowError, OSError, ValueError):
        return None


def iso(value: object) -> datetime | None:
    """An ISO 8601 / RFC 3339 time as an aware datetime; None when absent or unusable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
