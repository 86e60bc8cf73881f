"""Keeper exports: the CSV, which has no header, and the JSON.

The CSV's columns are folder, title, login, password, website address, notes, shared
folder, then custom fields as name and value pairs; it is recognised by that shape (a
web address in the fifth column) and never when the first row reads like a header. The
JSON holds ``records``, each with a ``$type``; every record that carries a password is
audited (a Wi-Fi or server password can matter as much as a website's), and the rest
are skipped as not logins.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import headerless_records, listed, refuse

COLUMNS = ("folder", "title", "login", "password", "url", "notes", "shared folder")
URL_COLUMN = COLUMNS.index("url")
MIN_WIDTH = 6  # Keeper's own importer skips shorter rows


def _row(row: Row) -> Item:
    return login(
        row,
        title=row.get("title"),
        username=row.get("login"),
        password=row.get("password"),
        urls=[row.get("url")],
    )


ROWS = CsvLayout(
    name="keeper-csv",
    label="Keeper CSV (no header)",
    required=frozenset(COLUMNS[:MIN_WIDTH]),
    convert=_row,
    spills=True,
    ragged=True,
)


@dataclass(frozen=True)
class CsvLayoutNoHeader:
    """Headerless: a row is data from row 1, so row numbers are the file's own."""

    name: str = "keeper-csv"
    label: str = "Keeper CSV (no header)"

    def detect(self, probe: Probe) -> bool:
        if probe.kind != "csv" or probe.header_like or not probe.shape:
            return False
        if any(width < MIN_WIDTH for width, _ in probe.shape):
            return False
        with_url = [column for _, column in probe.shape if column >= 0]
        return bool(with_url) and sum(1 for c in with_url if c == URL_COLUMN) * 2 > len(with_url)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from ROWS.read_records(headerless_records(probe, COLUMNS), path)


def _record(number: int, record: Any) -> Item:
    if not isinstance(record, dict):
        return Skipped(number, SkipKind.MALFORMED, "this record could not be read")
    kind = str(record.get("$type") or "login")
    password = record.get("password")
    if not isinstance(password, str) or not password:
        if kind == "login":
            return Skipped(number, SkipKind.NO_PASSWORD, "this login has no password")
        return Skipped(number, SkipKind.NOT_LOGIN, "a record without a password, not a login")
    url = record.get("login_url")
    return login(
        Row(number, {}),
        title=str(record.get("title") or ""),
        username=str(record.get("login") or ""),
        password=password,
        urls=[url] if isinstance(url, str) else [],
    )


@dataclass(frozen=True)
class JsonLayout:
    name: str = "keeper-json"
    label: str = "Keeper JSON"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "json" and "records" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        records = probe.document.get("records") if isinstance(probe.document, dict) else None
        if not isinstance(records, list):
            raise refuse(path, "this Keeper export has no list of records.")
        for number, record in enumerate(listed(records), start=1):
            yield _record(number, record)


CSV = CsvLayoutNoHeader()
JSON = JsonLayout()
