"""KeePassXC CSV: the 10-column layout of 2.6 and later, and the 6-column one before it.

Every field is quoted; ``Group`` is the full group path. The recycle bin is exported like
any group, so entries under it are skipped as trashed. ``Last Modified`` is the entry's
date, not the password's, so it is not used as a password age.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, Row, plain_login
from hygiene.exports.interface import Item, SkipKind, Skipped

RECYCLE_BIN = "recycle bin"


def _row(row: Row) -> Item:
    groups = [g.strip().lower() for g in row.get("group").split("/")]
    if RECYCLE_BIN in groups:
        return Skipped(row.number, SkipKind.TRASHED, "in the recycle bin")
    return plain_login(row)


CSV = CsvLayout(
    name="keepassxc-csv",
    label="KeePassXC CSV",
    required=frozenset({"group", "title", "username", "password", "url", "notes"}),
    convert=_row,
)
