"""KeePass: the KeePass 2 XML export, and the ``.kdbx`` database itself, read directly.

Reading the database with its password (``pykeepass``) spares a KeePass user from
writing every password to a plaintext export at all. The password is asked for only
when a database is opened, used once, and dropped with the library's object; a wrong
password or a damaged file is refused in plain words, and the library's own message
(which could quote the file) is never passed on. Both forms skip the recycle bin and
each entry's history. (A KeePass 1 database, ``.kdb``, is named and refused in
``source``.)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from hygiene.exports.csvlayout import Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import load_xml, read_bounded, refuse
from hygiene.secret import Secret

PRODUCT = "KeePass"
RECYCLE_BIN = "recycle bin"
HOW = (
    "Open it in KeePassXC or KeePass and export it (Database, Export, CSV file), or run "
    "hygiene on the .kdbx file itself and type its password when asked."
)
Unlock = Callable[[], Secret]


def _strings(entry: Element) -> tuple[dict[str, str], bool]:
    """An entry's fields by lower-case key, and whether any value is still encrypted."""
    values: dict[str, str] = {}
    sealed = False
    for string in entry.findall("String"):
        key = (string.findtext("Key") or "").strip().lower()
        value = string.find("Value")
        if value is None or not key:
            continue
        sealed |= (value.get("Protected") or "").lower() == "true"
        values[key] = value.text or ""
    return values, sealed


def _groups(root: Element, bin_uuid: str) -> Iterator[tuple[Element, bool]]:
    """Every group with whether it lies in the recycle bin, walked with a list."""
    pending = [(group, False) for group in reversed(root.findall("Group"))]
    while pending:
        group, binned = pending.pop()
        uuid = (group.findtext("UUID") or "").strip()
        name = (group.findtext("Name") or "").strip().lower()
        binned = binned or (bool(bin_uuid) and uuid == bin_uuid) or name == RECYCLE_BIN
        yield group, binned
        pending.extend((child, binned) for child in reversed(group.findall("Group")))


def _xml_entries(document: Element) -> Iterator[Item]:
    meta = document.find("Meta")
    bin_uuid = (meta.findtext("RecycleBinUUID") or "").strip() if meta is not None else ""
    if not bin_uuid.strip("A="):
        bin_uuid = ""  # all zeros: there is no recycle bin
    root = document.find("Root")
    number = 0
    for group, binned in _groups(root if root is not None else document, bin_uuid):
        for entry in group.findall("Entry"):  # direct children: history lies deeper
            number += 1
            values, sealed = _strings(entry)
            if binned:
                yield Skipped(number, SkipKind.TRASHED, "in the recycle bin")
            elif sealed:
                yield Skipped(
                    number, SkipKind.MALFORMED, "this password is still encrypted in the file"
                )
            else:
                yield _login(number, values)


def _login(number: int, values: dict[str, str]) -> Item:
    return login(
        Row(number, values),
        title=values.get("title", ""),
        username=values.get("username", ""),
        password=values.get("password", ""),
        urls=[values.get("url", "")],
    )


@dataclass(frozen=True)
class XmlLayout:
    name: str = "keepass-xml"
    label: str = "KeePass 2 XML"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "xml" and "KeePassFile" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        yield from _xml_entries(load_xml(probe, path))


def _open(probe: Probe, path: Path, password: Secret) -> Any:
    from pykeepass import PyKeePass
    from pykeepass.exceptions import CredentialsError

    with probe.open() as binary:
        data = read_bounded(binary, path, "this KeePass database")
    try:
        return PyKeePass(io.BytesIO(data), password=password.reveal())
    except CredentialsError:
        raise refuse(
            path,
            "the password for this KeePass database is not right (or the database also "
            "needs a key file, which hygiene does not take). Nothing was checked.",
            "wrong_password",
            PRODUCT,
        ) from None
    except Exception:
        # The library's message can quote the file; a plain one says what matters.
        raise refuse(
            path,
            "this KeePass database could not be opened: it may be damaged, or a version "
            "hygiene cannot read. " + HOW,
            "damaged",
            PRODUCT,
        ) from None


def _kdbx_entries(database: Any) -> list[Item]:
    binned = database.recyclebin_group
    items: list[Item] = []
    for number, entry in enumerate(database.entries, start=1):
        group = entry.group
        in_bin = False
        while group is not None and binned is not None:
            if group.uuid == binned.uuid:
                in_bin = True
                break
            group = group.parentgroup
        if in_bin:
            items.append(Skipped(number, SkipKind.TRASHED, "in the recycle bin"))
            continue
        items.append(
            _login(
                number,
                {
                    "title": entry.title or "",
                    "username": entry.username or "",
                    "password": entry.password or "",
                    "url": entry.url or "",
                },
            )
        )
    return items


@dataclass(frozen=True)
class KdbxLayout:
    """Opened at once, not lazily: the password is asked before any progress is drawn."""

    unlock: Unlock | None = None
    name: str = "kdbx"
    label: str = "KeePass database (.kdbx)"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "kdbx"

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        if self.unlock is None:
            raise refuse(
                path,
                "this is a KeePass database (.kdbx). hygiene reads it with its password, "
                "asked for at a hidden prompt or read from standard input.",
                "needs_password",
                PRODUCT,
            )
        database = _open(probe, path, self.unlock())
        try:
            return iter(_kdbx_entries(database))
        finally:
            del database


KDBX = KdbxLayout()
XML = XmlLayout()
