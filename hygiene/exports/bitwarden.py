"""Bitwarden exports: CSV (personal and organisation), unencrypted JSON, and the zip export.

The CSV holds logins and notes only; ``login_uri`` joins every URI with commas. The JSON
holds every item kind, trashed items (``deletedDate``) and ``passwordHistory``, whose
latest ``lastUsedDate`` is when the current password replaced the one before: the only
real password-change date Bitwarden writes. Encrypted exports are refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import CsvLayout, Row, iso, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import (
    listed,
    open_zip,
    parse_json,
    refuse,
    refuse_encrypted,
    zip_member,
)

HOW = (
    "In Bitwarden choose Export vault, File format '.json' or '.csv' (not the encrypted "
    "one), then run the audit on that file."
)
KINDS = {1: "login", 2: "secure note", 3: "card", 4: "identity", 5: "SSH key"}


def _csv_row(row: Row) -> Item:
    kind = row.get("type").strip().lower()
    if kind != "login":
        what = "secure note" if kind == "note" else (kind or "untyped") + " item"
        return Skipped(row.number, SkipKind.NOT_LOGIN, f"a {what}, not a login")
    return login(
        row,
        title=row.get("name"),
        username=row.get("login_username"),
        password=row.get("login_password"),
        urls=row.get("login_uri").split(","),
    )


CSV = CsvLayout(
    name="bitwarden-csv",
    label="Bitwarden CSV",
    required=frozenset({"type", "name", "login_uri", "login_username", "login_password"}),
    convert=_csv_row,
)


def _item(number: int, item: Any) -> Item:
    row = Row(number, {})
    if not isinstance(item, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    if item.get("deletedDate"):
        return Skipped(number, SkipKind.TRASHED, "in the trash")
    kind = item.get("type")
    if kind != 1:
        what = KINDS.get(kind, "non-login") if isinstance(kind, int) else "non-login"
        return Skipped(number, SkipKind.NOT_LOGIN, f"a {what} item, not a login")
    fields = item.get("login")
    if not isinstance(fields, dict):
        return Skipped(number, SkipKind.MALFORMED, "this login has no login details")
    uris = listed(fields.get("uris"))
    urls = [u["uri"] for u in uris if isinstance(u, dict) and isinstance(u.get("uri"), str)]
    history = listed(item.get("passwordHistory"))
    used = [iso(h.get("lastUsedDate")) for h in history if isinstance(h, dict)]
    changed = max((d for d in used if d is not None), default=None)
    password = fields.get("password")
    return login(
        row,
        title=str(item.get("name") or ""),
        username=str(fields.get("username") or ""),
        password=password if isinstance(password, str) else "",
        urls=urls,
        changed=changed,
    )


def read_document(document: Any, path: Path | str) -> Iterator[Item]:
    # A password-protected export has no items at all, so say why before looking for them.
    if isinstance(document, dict) and document.get("passwordProtected"):
        raise refuse_encrypted(path, "Bitwarden", HOW)
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise refuse(path, "this Bitwarden export has no list of items.")
    if document.get("encrypted") is True or "encKeyValidation_DO_NOT_EDIT" in document:
        raise refuse_encrypted(path, "Bitwarden", HOW)
    for number, item in enumerate(document["items"], start=1):
        yield _item(number, item)


SHAPE_SAMPLE = 20


def _is_json(probe: Probe) -> bool:
    """Bitwarden's shape, not only its ``items`` key (Enpass and Psono have one too):
    each item an object with a numeric ``type``; an empty vault still has ``folders``."""
    if probe.kind != "json" or "items" not in probe.names or "vaults" in probe.names:
        return False
    items = listed(probe.document.get("items"))
    if not items:
        return "folders" in probe.names or "encrypted" in probe.names
    objects = [item for item in items[:SHAPE_SAMPLE] if isinstance(item, dict)]
    return bool(objects) and all(
        isinstance(item.get("type"), int) and not isinstance(item.get("type"), bool)
        for item in objects
    )


@dataclass(frozen=True)
class JsonLayout:
    name: str = "bitwarden-json"
    label: str = "Bitwarden JSON"

    def detect(self, probe: Probe) -> bool:
        return _is_json(probe) or (probe.kind == "json" and "passwordProtected" in probe.names)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from read_document(probe.document, path)


@dataclass(frozen=True)
class ZipLayout:
    """The zip export is the JSON export plus attachments; attachments are not opened."""

    name: str = "bitwarden-zip"
    label: str = "Bitwarden zip (JSON with attachments)"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "zip" and "data.json" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        with open_zip(probe, path) as archive:
            document = parse_json(zip_member(archive, "data.json", path), path)
        yield from read_document(document, path)


JSON = JsonLayout()
ZIP = ZipLayout()
