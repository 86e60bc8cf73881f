"""Dashlane exports: the zip of CSVs (``credentials.csv``), that CSV on its own, and legacy ones.

Usernames may sit in ``username``, ``username2`` or ``username3``; URLs may be missing or
lack a scheme. Older Dashlane wrote a headerless CSV (``title,url,username,password,note``
with rows of uneven length), recognised by its shape, and an unsecured JSON archive with
an ``AUTHENTIFIANT`` list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import headerless_records, open_zip, probe_bytes, refuse, zip_member

CREDENTIALS = "credentials.csv"
LEGACY_COLUMNS = ("title", "url", "username", "password", "note")


def _row(row: Row) -> Item:
    return login(
        row,
        title=row.get("title"),
        username=row.get("username", "username2", "username3", "login", "email"),
        password=row.get("password"),
        urls=[row.get("url", "domain")],
    )


CSV = CsvLayout(
    name="dashlane-csv",
    label="Dashlane CSV",
    required=frozenset({"username", "username2", "title", "password", "url"}),
    convert=_row,
)


@dataclass(frozen=True)
class ZipLayout:
    name: str = "dashlane-zip"
    label: str = "Dashlane zip of CSV files"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "zip" and any(n.endswith(CREDENTIALS) for n in probe.names)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        with open_zip(probe, path) as archive:
            member = next((n for n in archive.namelist() if n.endswith(CREDENTIALS)), None)
            if member is None:
                raise refuse(path, f"this Dashlane archive has no {CREDENTIALS}.")
            data = zip_member(archive, member, path)
        yield from CSV.read(path, probe_bytes(data, path, member))


@dataclass(frozen=True)
class LegacyCsvLayout:
    """Headerless: a row is data from row 1, so row numbers are the file's own."""

    name: str = "dashlane-legacy-csv"
    label: str = "Dashlane legacy CSV (no header)"

    def detect(self, probe: Probe) -> bool:
        # A first row that reads like column names is a header: some other product's.
        if probe.kind != "csv" or len(probe.shape) < 2 or probe.header_like:
            return False
        if any(width > len(LEGACY_COLUMNS) + 2 for width, _ in probe.shape):
            return False
        wide = [column for width, column in probe.shape if width >= 4]
        return bool(wide) and sum(1 for c in wide if c == 1) * 2 >= len(wide)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from LEGACY_CSV_ROWS.read_records(headerless_records(probe, LEGACY_COLUMNS), path)


LEGACY_CSV_ROWS = CsvLayout(
    name="dashlane-legacy-csv",
    label="Dashlane legacy CSV",
    required=frozenset(LEGACY_COLUMNS),
    convert=_row,
    ragged=True,
)


def _json_item(number: int, item: Any) -> Item:
    if not isinstance(item, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    values = {k.lower(): v for k, v in item.items() if isinstance(v, str)}
    return _row(Row(number, values))


@dataclass(frozen=True)
class JsonLayout:
    name: str = "dashlane-json"
    label: str = "Dashlane legacy JSON"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "json" and "AUTHENTIFIANT" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        logins = probe.document.get("AUTHENTIFIANT") if isinstance(probe.document, dict) else None
        if not isinstance(logins, list):
            raise refuse(path, "this Dashlane archive has no list of logins.")
        for number, item in enumerate(logins, start=1):
            yield _json_item(number, item)


ZIP = ZipLayout()
LEGACY_CSV = LegacyCsvLayout()
JSON = JsonLayout()
