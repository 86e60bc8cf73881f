"""1Password exports: 1PUX (the 8 archive), the 8 CSV, and the older 7 (Mac, Windows), 6 and 4 CSVs.

1PUX is a zip holding ``export.data`` (JSON: accounts, vaults, items). Login (``001``) and
Password (``005``) items are audited; archived and trashed ones are skipped. The 8 CSV
carries an ``Archived`` flag. The 7 Mac CSV escapes quotes with a backslash (``\\"``)
instead of doubling them, and names columns ``label(key)``; its ``Type`` column says
which rows are logins. The 6 "all fields" CSV puts every field name of every item kind
in its header (``ainfo``, ``autosubmit``, ``scope``…) and fills ``Type`` with the
item's folder, so a row is skipped only for a kind that is known not to be a login.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import CsvLayout, Row, epoch, login, plain_login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import fields_of, listed, open_zip, parse_json, refuse, zip_member

LOGIN_CATEGORIES = {"001": "login", "005": "password"}
INACTIVE = {"archived": "archived", "trashed": "in the trash", "deleted": "in the trash"}
NOT_LOGINS = frozenset(
    {
        "secure note",
        "credit card",
        "identity",
        "bank account",
        "document",
        "driver license",
        "membership",
        "passport",
        "reward program",
        "social security number",
        "software license",
        "wireless router",
        "email account",
        "outdoor license",
        "database",
        "server",
        "note",
    }
)


def _csv8_row(row: Row) -> Item:
    if row.get("archived").strip().lower() == "true":
        return Skipped(row.number, SkipKind.TRASHED, "archived")
    return plain_login(row)


def _csv7_row(row: Row) -> Item:
    kind = row.get("type").strip().lower()
    if kind in NOT_LOGINS:
        return Skipped(row.number, SkipKind.NOT_LOGIN, f"a {kind} item, not a login")
    return login(
        row,
        title=row.get("title"),
        username=row.get("username"),
        password=row.get("password"),
        urls=[row.get("url"), *re.split(r"[\n,]", row.get("urls"))],
    )


CSV8 = CsvLayout(
    name="1password-csv",
    label="1Password 8 CSV",
    required=frozenset({"title", "url", "username", "password", "archived"}),
    convert=_csv8_row,
)
CSV7_MAC = CsvLayout(
    name="1password7-mac-csv",
    label="1Password 7 Mac CSV",
    required=frozenset({"title", "type", "url", "username", "password", "notes"}),
    excluded=frozenset({"uuid"}),
    convert=_csv7_row,
    escapechar="\\",
)
CSV7_WINDOWS = CsvLayout(
    name="1password7-windows-csv",
    label="1Password 7 Windows CSV",
    required=frozenset({"uuid", "title", "username", "password", "url"}),
    convert=_csv7_row,
)
CSV6 = CsvLayout(
    name="1password6-csv",
    label="1Password 6 CSV",
    required=frozenset({"ainfo", "autosubmit", "title", "username", "password", "url"}),
    convert=_csv7_row,
)
CSV4 = CsvLayout(
    name="1password4-csv",
    label="1Password 4 CSV",
    required=frozenset({"title", "notes", "username", "password", "url"}),
    exact=("title", "notes", "username", "password", "url"),
    convert=_csv8_row,
)


def _designated(fields: Any, designation: str) -> str:
    for field in fields if isinstance(fields, list) else []:
        if isinstance(field, dict) and field.get("designation") == designation:
            value = field.get("value")
            return value if isinstance(value, str) else ""
    return ""


def _item(number: int, item: Any) -> Item:
    if not isinstance(item, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    state = str(item.get("state") or "").lower()
    if state in INACTIVE or item.get("trashed") is True:
        return Skipped(number, SkipKind.TRASHED, INACTIVE.get(state, "in the trash"))
    category = str(item.get("categoryUuid") or "")
    if category not in LOGIN_CATEGORIES:
        return Skipped(number, SkipKind.NOT_LOGIN, "not a login or password item")
    details = item.get("details") if isinstance(item.get("details"), dict) else {}
    overview = item.get("overview") if isinstance(item.get("overview"), dict) else {}
    assert isinstance(details, dict) and isinstance(overview, dict)
    fields = details.get("loginFields")
    password = _designated(fields, "password") or str(details.get("password") or "")
    urls = [str(overview.get("url") or "")]
    for link in listed(overview.get("urls")):
        if isinstance(link, dict) and isinstance(link.get("url"), str):
            urls.append(link["url"])
    history = listed(details.get("passwordHistory"))
    times = [epoch(h.get("time")) for h in history if isinstance(h, dict)]
    return login(
        Row(number, {}),
        title=str(overview.get("title") or ""),
        username=_designated(fields, "username"),
        password=password,
        urls=list(dict.fromkeys(urls)),
        changed=max((t for t in times if t is not None), default=None),
    )


def _items(document: Any) -> Iterator[Any]:
    for account in fields_of(document, "accounts"):
        for vault in fields_of(account, "vaults"):
            yield from fields_of(vault, "items")


@dataclass(frozen=True)
class PuxLayout:
    name: str = "1pux"
    label: str = "1Password 1PUX"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "zip" and "export.data" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        with open_zip(probe, path) as archive:
            document = parse_json(zip_member(archive, "export.data", path), path)
        if not isinstance(document, dict):
            raise refuse(path, "this 1PUX archive has no accounts in it.")
        for number, item in enumerate(_items(document), start=1):
            yield _item(number, item)


PUX = PuxLayout()
