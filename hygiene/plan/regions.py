"""The helplines and legal routes of a region, read from ``checks/regions/`` for the plan.

A small reader of the region files the plan needs today; the catalogue's validated
loader replaces it when it lands.
"""

from __future__ import annotations

from dataclasses import dataclass

from hygiene.content import checks_dir
from hygiene.tomlsource import load_toml


@dataclass(frozen=True)
class Helpline:
    id: str
    name: str
    number: str
    when: str
    urgent: bool = False


@dataclass(frozen=True)
class LegalRoute:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    helplines: tuple[Helpline, ...]
    legal: tuple[LegalRoute, ...]


def load_region(region_id: str = "uk") -> Region:
    doc = load_toml(checks_dir() / "regions" / f"{region_id}.toml")
    data = doc.data
    return Region(
        id=str(data["id"]),
        name=str(data["name"]),
        helplines=tuple(
            Helpline(
                id=h["id"], name=h["name"], number=h["number"], when=h["when"],
                urgent=bool(h.get("urgent", False)),
            )
            for h in data.get("helpline", [])
        ),
        legal=tuple(
            LegalRoute(id=item["id"], title=item["title"], text=" ".join(item["text"].split()))
            for item in data.get("legal", [])
        ),
    )
