"""LastPass CSV: ``url,username,password,totp,extra,name,grouping,fav`` (older: no ``totp``).

Secure notes are rows whose URL is ``http://sn``; they are not logins. The browser
extension's export writes ``&amp;``, ``&lt;`` and ``&gt;`` inside passwords, so a
password holding one may not be what the site expects: it is flagged, never rewritten.
"""

from __future__ import annotations

import re

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, SkipKind, Skipped

SECURE_NOTE_URL = "http://sn"
ENTITY = re.compile(r"&(amp|lt|gt|quot|#\d+);")


def _row(row: Row) -> Item:
    url = row.get("url").strip()
    if url.lower() == SECURE_NOTE_URL:
        return Skipped(row.number, SkipKind.NOT_LOGIN, "a secure note, not a login")
    password = row.get("password")
    return login(
        row,
        title=row.get("name"),
        username=row.get("username"),
        password=password,
        urls=[url],
        entity_like=bool(ENTITY.search(password)),
    )


CSV = CsvLayout(
    name="lastpass-csv",
    label="LastPass CSV",
    required=frozenset({"url", "username", "password", "extra", "name", "grouping"}),
    convert=_row,
)
