"""Enpass JSON: ``folders`` and ``items``, each item a list of typed ``fields``.

A login's username is its first ``username`` (or ``email``) field, its password its
first ``password`` field, its addresses every ``url`` field. ``template_type`` says
what the item is (``login.default``, ``password.default``, ``creditcard.…``); an item
of another kind that still holds a password is audited too, as Enpass's own importers
do. ``trashed`` and ``archived`` items are skipped. The top level has ``items`` like
Bitwarden's, so the item shape decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import listed, refuse

LOGIN_TEMPLATES = ("login.", "password.")
SHAPE_SAMPLE = 20


def _values(fields: list[Any], *kinds: str) -> list[str]:
    found = []
    for field in fields:
        if isinstance(field, dict) and field.get("type") in kinds:
            value = field.get("value")
            if isinstance(value, str) and value.strip():
                found.append(value)
    return found


def _item(number: int, item: Any) -> Item:
    if not isinstance(item, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    if item.get("trashed") or item.get("archived"):
        return Skipped(number, SkipKind.TRASHED, "in the trash or archived")
    fields = listed(item.get("fields"))
    template = str(item.get("template_type") or item.get("category") or "")
    passwords = _values(fields, "password")
    if not template.startswith(LOGIN_TEMPLATES) and not passwords:
        return Skipped(number, SkipKind.NOT_LOGIN, "not a login")
    usernames = _values(fields, "username", "email")
    return login(
        Row(number, {}),
        title=str(item.get("title") or ""),
        username=usernames[0] if usernames else "",
        password=passwords[0] if passwords else "",
        urls=_values(fields, "url"),
    )


def _is_enpass(probe: Probe) -> bool:
    if probe.kind != "json" or "items" not in probe.names:
        return False
    items = listed(probe.document.get("items"))
    sample = [i for i in items[:SHAPE_SAMPLE] if isinstance(i, dict)]
    return (
        bool(sample)
        and all(
            isinstance(i.get("fields", []), list) and "title" in i and "uuid" in i for i in sample
        )
        and any("template_type" in i or "category" in i for i in sample)
    )


@dataclass(frozen=True)
class JsonLayout:
    name: str = "enpass-json"
    label: str = "Enpass JSON"

    def detect(self, probe: Probe) -> bool:
        return _is_enpass(probe)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        items = probe.document.get("items") if isinstance(probe.document, dict) else None
        if not isinstance(items, list):
            raise refuse(path, "this Enpass export has no list of items.")
        for number, item in enumerate(items, start=1):
            yield _item(number, item)


JSON = JsonLayout()
