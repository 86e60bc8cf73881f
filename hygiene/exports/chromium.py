"""Chrome, Edge and Brave: the Chromium password CSV, ``name,url,username,password,note``.

Older builds write the first four columns only. Chromium writes one row per affiliated
site of a credential (an Android app and its website, for instance), so one login can
appear on several rows; the reuse analysis, not this reader, decides what counts as the
same login. Android rows carry ``android://…@package/`` as their URL.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, Row, plain_login
from hygiene.exports.interface import Item


def _row(row: Row) -> Item:
    return plain_login(row, "name")


CSV = CsvLayout(
    name="chrome-csv",
    label="Chrome, Edge or Brave CSV",
    required=frozenset({"name", "url", "username", "password"}),
    excluded=frozenset({"type", "grouping", "httprealm", "title", "vault", "category"}),
    convert=_row,
)
