"""What ``hygiene doctor`` lists: each pluggable part, whether it can be used, and why.

Breach sources report here today; any other part with alternatives (a keyring backend)
adds a section of the same shape, so the listing reads alike for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Availability:
    """One option for a part: usable or not, the plain reason, and whether it is in use."""

    name: str
    usable: bool
    detail: str
    chosen: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "usable": self.usable,
            "detail": self.detail,
            "chosen": self.chosen,
        }


@dataclass(frozen=True)
class Section:
    """A part of hygiene (for example "breach check") and its options in priority order."""

    title: str
    options: list[Availability]

    def to_dict(self) -> dict[str, object]:
        return {"title": self.title, "options": [o.to_dict() for o in self.options]}
