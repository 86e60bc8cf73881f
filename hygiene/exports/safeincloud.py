"""SafeInCloud XML: a ``database`` of ``card`` elements, each with typed ``field`` elements.

A card's title is its ``title`` attribute; its fields carry a ``type`` (``login``,
``password`` or ``secret``, ``website`` or ``weblogin``, ``email``…). Cards marked
``deleted`` are in the trash; templates and ``type="note"`` cards are not logins. A
card may hold several passwords: the one named like a password is audited, else the
first. The CSV export is read in ``plaincsv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from hygiene.exports.csvlayout import Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import load_xml


def _card(number: int, card: Element) -> Item:
    if (card.get("template") or "").lower() == "true":
        return Skipped(number, SkipKind.NOT_LOGIN, "a template, not a login")
    if (card.get("deleted") or "").lower() == "true":
        return Skipped(number, SkipKind.TRASHED, "in the trash")
    if (card.get("type") or "").lower() == "note":
        return Skipped(number, SkipKind.NOT_LOGIN, "a note, not a login")
    values: dict[str, list[tuple[str, str]]] = {}
    for field in card.findall("field"):
        kind = (field.get("type") or "").lower()
        values.setdefault(kind, []).append(((field.get("name") or "").lower(), field.text or ""))
    passwords = values.get("password", []) + values.get("secret", [])
    if not passwords:
        return Skipped(number, SkipKind.NOT_LOGIN, "a card without a password, not a login")
    named = [text for name, text in passwords if "password" in name]
    usernames = [text for _, text in values.get("login", []) + values.get("email", [])]
    return login(
        Row(number, {}),
        title=card.get("title") or "",
        username=usernames[0] if usernames else "",
        password=(named or [passwords[0][1]])[0],
        urls=[text for _, text in values.get("website", []) + values.get("weblogin", [])],
    )


@dataclass(frozen=True)
class XmlLayout:
    name: str = "safeincloud-xml"
    label: str = "SafeInCloud XML"

    def detect(self, probe: Probe) -> bool:
        return probe.kind == "xml" and "database" in probe.names

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        for number, card in enumerate(load_xml(probe, path).findall("card"), start=1):
            yield _card(number, card)


XML = XmlLayout()
