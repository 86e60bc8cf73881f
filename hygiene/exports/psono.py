"""Psono JSON: folders within folders, and items whose keys start with their type.

A ``website_password`` item holds ``website_password_username``, ``…_password``,
``…_url`` and ``…_title``; an ``application_password`` the same under its own prefix.
Other types (notes, cards, bookmarks) are not logins. Folders nest without a fixed
depth, so they are walked with a list, never by recursion.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hygiene.exports.csvlayout import Row, login
from hygiene.exports.interface import Item, Probe, SkipKind, Skipped
from hygiene.exports.source import fields_of, refuse

LOGIN_TYPES = ("website_password", "application_password")
SHAPE_SAMPLE = 50


def _items(document: Any) -> Iterator[Any]:
    """Every item of the document, folder by folder, in the order Psono wrote them."""
    pending = [document]
    while pending:
        folder = pending.pop()
        yield from fields_of(folder, "items")
        pending.extend(reversed(fields_of(folder, "folders")))


def _is_psono_item(item: Any) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("type"), str):
        return False
    prefix = item["type"] + "_"
    return any(isinstance(key, str) and key.startswith(prefix) for key in item)


def _item(number: int, item: Any) -> Item:
    if not isinstance(item, dict):
        return Skipped(number, SkipKind.MALFORMED, "this item could not be read")
    kind = item.get("type")
    if kind not in LOGIN_TYPES:
        return Skipped(number, SkipKind.NOT_LOGIN, "not a login")
    values = {k: v for k, v in item.items() if isinstance(v, str)}

    def value(field: str) -> str:
        return values.get(f"{kind}_{field}", "")

    return login(
        Row(number, {}),
        title=values.get("name") or value("title"),
        username=value("username"),
        password=value("password"),
        urls=[value("url")],
    )


@dataclass(frozen=True)
class JsonLayout:
    name: str = "psono-json"
    label: str = "Psono JSON"

    def detect(self, probe: Probe) -> bool:
        if probe.kind != "json" or not ({"items", "folders"} & probe.names):
            return False
        sample = [i for _, i in zip(range(SHAPE_SAMPLE), _items(probe.document), strict=False)]
        return bool(sample) and all(_is_psono_item(i) for i in sample)

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        if not isinstance(probe.document, dict):
            raise refuse(path, "this Psono export has no folders or items.")
        for number, item in enumerate(_items(probe.document), start=1):
            yield _item(number, item)


JSON = JsonLayout()
