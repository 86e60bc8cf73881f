"""NordPass CSV: every header version, one row per item of any kind.

The oldest header is ``name,url,username,password,note,cardholdername,cardnumber,cvc,
expirydate,zipcode,folder,full_name,phone_number,email,address1,…,state``; later ones add
``type`` (``password``, ``credit_card``, ``note``, ``identity``), ``additional_urls`` (a
JSON list) and ``custom_fields``. Without ``type``, a row that is only a name (and a
folder) is a folder, and a row with a card number is a card. Its columns include
Chrome's, so this layout is tried first, and the file is reported as NordPass.
"""

from __future__ import annotations

import json

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, SkipKind, Skipped

KINDS = {"credit_card": "card", "note": "secure note", "identity": "identity"}


def _extra_urls(value: str) -> list[str]:
    try:
        parsed = json.loads(value) if value.strip() else []
    except (ValueError, RecursionError):
        return []
    return [u for u in parsed if isinstance(u, str)] if isinstance(parsed, list) else []


def _row(row: Row) -> Item:
    kind = row.get("type").strip().lower()
    if kind and kind != "password":
        what = KINDS.get(kind, "non-login")
        return Skipped(row.number, SkipKind.NOT_LOGIN, f"a {what} item, not a login")
    if not kind:
        if row.get("cardnumber"):
            return Skipped(row.number, SkipKind.NOT_LOGIN, "a card, not a login")
        if not (row.get("url") or row.get("username") or row.get("password") or row.get("note")):
            return Skipped(row.number, SkipKind.NOT_LOGIN, "a folder, not a login")
    return login(
        row,
        title=row.get("name"),
        username=row.get("username", "email"),
        password=row.get("password"),
        urls=[row.get("url"), *_extra_urls(row.get("additional_urls"))],
    )


CSV = CsvLayout(
    name="nordpass-csv",
    label="NordPass CSV",
    required=frozenset(
        {"name", "url", "username", "password", "note", "cardnumber", "folder", "full_name"}
    ),
    convert=_row,
)
