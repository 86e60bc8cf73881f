"""Proton Pass exports: the zip (``Proton Pass/data.json``), that JSON alone, and the CSV.

An item with ``state`` 2 is in the trash. Logins name the user ``username`` (older) or
``itemUsername`` and ``itemEmail`` (newer). ``modifyTime`` is the item's, not the
password's, so it is not used as a password age. The encrypted export (``data.pgp``) is
refused with how to make a readable one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import (
    fields_of,
    listed,
    open_zip,
    parse_json,
    refuse,
    refuse_encrypted,
    zip_member,
)

HOW = (
    "In Proton Pass choose Settings, Export, and the JSON or CSV format without "
    "encryption, then run the audit on that file."
)
TRASHED = 2


def _csv_row(row: Row) -> Item:
    kind = row.get("type").strip().lower()
    if "type" in row.values and kind != "login":
        return Skipped(row.number, SkipKind.NOT_LOGIN, f"a {kind or 'untyped'} item, not a login")
    return login(
        row,
        title=row.get("name"),
        username=row.get("username", "email"),
        password=row.get("password"),
        urls=row.get("url").split(", "),
    )


CSV = CsvLayout(
    name="protonpass-csv",
    label="Proton Pass CSV",
    # Older exports have no email and no vault; these columns every version has.
    required=frozenset({"name", "url", "username", "password", "note", "totp"}),
    convert=_csv_row,
)


def _item(number: int, item: Any) -> Item:
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(item, dict) or not isinstance(data, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    if item.get("state") == TRASHED:
        return Skipped(number, SkipKind.TRASHED, "in the trash")
    if data.get("type") != "login":
        return Skipped(number, SkipKind.NOT_LOGIN, f"a {data.get('type') or 'non-login'} item")
    content = data.get("content") if isinstance(data.get("content"), dict) else {}
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    assert isinstance(content, dict) and isinstance(metadata, dict)
    values = {k: v for k, v in content.items() if isinstance(v, str)}
    urls = [u for u in listed(content.get("urls")) if isinstance(u, str)]
    for auto in listed(content.get("autofillUrls")):
        if isinstance(auto, dict) and isinstance(auto.get("url"), str):
            urls.append(auto["url"])
    row = Row(number, values)
    return login(
        row,
        title=str(metadata.get("name") or ""),
        username=row.get("itemUsername", "username", "itemEmail"),
        password=row.get("password"),
        urls=list(dict.fromkeys(urls)),
    )


def read_document(document: Any, path: Path | str) -> Iterator[Item]:
    if not isinstance(document, dict) or not isinstance(document.get("vaults"), dict):
        raise refuse(path, "this Proton Pass export has no vaults in it.")
    if document.get("encrypted") is True:
        raise refuse_encrypted(path, "Proton Pass", HOW)
    number = 0
    for vault in document["vaults"].values():
        for item in fields_of(vault, "items"):
            number += 1
            yield _item(number, item)


@dataclass(frozen=True)
class JsonLayout:
    name: str = "protonpass-json"
    label: str = "Proton Pass JSON"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "json" and "vaults" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from read_document(probe.document, path)


@dataclass(frozen=True)
class ZipLayout:
    name: str = "protonpass-zip"
    label: str = "Proton Pass zip"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "zip" and any(
            n.endswith(("data.json", "data.pgp")) and n.startswith("Proton Pass/")
            for n in probe.names
        )

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        with open_zip(probe, path) as archive:
            names = archive.namelist()
            if any(n.endswith("data.pgp") for n in names):
                raise refuse_encrypted(path, "Proton Pass", HOW)
            member = next((n for n in names if n.endswith("data.json")), None)
            if member is None:
                raise refuse(path, "this Proton Pass archive has no data.json.")
            document = parse_json(zip_member(archive, member, path), path)
        yield from read_document(document, path)


JSON = JsonLayout()
ZIP = ZipLayout()
