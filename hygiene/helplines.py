"""Where to get help: the helplines and legal routes of one region, from ``checks/regions/``.

Every plan ends with these, so they are content an organisation can review and change
without touching code. Each region file is validated like the rest of the catalogue. A
region may ``extends`` another: its helplines and legal routes replace the base ones
with the same id and add the rest, so a local service can put its own number beside
the national ones (or in place of one) in a few lines.

The default region, ``uk``, holds the numbers that work in every nation and points to
the four nations (``england``, ``scotland``, ``wales``, ``northern-ireland``), each with its
own helplines and its own law. A region is chosen by id in any case ("Scotland",
"Northern Ireland" and "northern_ireland" all find ``northern-ireland``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hygiene.catalogue import content_files, load_files
from hygiene.errors import InputError, Problem

DEFAULT_REGION = "uk"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# Region ids may also use hyphens, as the nations are usually written ("northern-ireland").
_REGION_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
# Digits, spaces and the few marks phone numbers are written with; words are for `when`.
_NUMBER = re.compile(r"^\+?[0-9][0-9 ()\-]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("must be lower-case snake_case (letters, digits, underscores)")
    return value


class Helpline(BaseModel):
    """One number to call, and when to call it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(min_length=1)
    number: str
    when: str = Field(min_length=1)
    urgent: bool = False
    source: str | None = None  # the official or charity page the number was checked against

    _id = field_validator("id")(_check_id)

    @field_validator("number")
    @classmethod
    def _dialable(cls, value: str) -> str:
        if not _NUMBER.match(value.strip()):
            raise ValueError("must be a phone number (digits, spaces, +, brackets or hyphens)")
        return value.strip()


class LegalRoute(BaseModel):
    """One legal option, said plainly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    source: str | None = None  # the official or charity page the law was checked against

    _id = field_validator("id")(_check_id)


_T = TypeVar("_T", Helpline, LegalRoute)


class Region(BaseModel):
    """The help available in one place, in the order it is shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(min_length=1)
    last_checked: date
    extends: str | None = None
    see_also: tuple[str, ...] = ()  # narrower regions with help of their own
    helpline: tuple[Helpline, ...] = ()
    legal: tuple[LegalRoute, ...] = ()

    @field_validator("id")
    @classmethod
    def _region_id(cls, value: str) -> str:
        if not _REGION_ID.match(value):
            raise ValueError(
                "must be lower-case snake_case or kebab-case (letters, digits, _ or -)"
            )
        return value

    @model_validator(mode="after")
    def _complete(self) -> Region:
        if not self.helpline and self.extends is None:
            raise ValueError("a region needs at least one [[helpline]]")
        for kind, items in (("helpline", self.helpline), ("legal", self.legal)):
            ids = [item.id for item in items]
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"{kind} id used twice: {', '.join(repeated)}")
        return self

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "last_checked": self.last_checked.isoformat(),
            "see_also": list(self.see_also),
            "helplines": [line.model_dump(mode="json") for line in self.helpline],
            "legal": [route.model_dump(mode="json") for route in self.legal],
        }


def load_regions(root: Path | None = None, extra: Path | None = None) -> dict[str, Region]:
    """Every region under ``root/regions`` (default: the shipped ``checks/``), resolved.

    ``extra`` is a folder of an organisation's own region files, read with the others.
    """
    paths = content_files("regions", root)
    if extra is not None:
        if not extra.is_dir():
            raise InputError(Problem("is not a folder of region files", source=str(extra)))
        paths += sorted(extra.glob("*.toml"))
    regions = load_files(paths, Region)
    by_id: dict[str, Region] = {}
    source: dict[str, Path] = {}
    problems: list[Problem] = []
    for path, region in zip(sorted(paths), regions, strict=True):
        if region.id in by_id:
            problems.append(
                Problem(
                    f"region id '{region.id}' is also used by {source[region.id].name}",
                    source=str(path),
                    where="id",
                )
            )
            continue
        by_id[region.id] = region
        source[region.id] = path
    for region_id, region in by_id.items():
        if region.extends is not None and region.extends not in by_id:
            problems.append(
                Problem(
                    f"extends '{region.extends}', but there is no region with that id",
                    source=str(source[region_id]),
                    where="extends",
                )
            )
        for other in region.see_also:
            if other not in by_id:
                problems.append(
                    Problem(
                        f"see_also names '{other}', but there is no region with that id",
                        source=str(source[region_id]),
                        where="see_also",
                    )
                )
    if problems:
        raise InputError(problems)
    resolved: dict[str, Region] = {}
    for region_id in by_id:
        resolved[region_id] = _resolve(region_id, by_id, source, [])
    return resolved


def _resolve(
    region_id: str, by_id: dict[str, Region], source: dict[str, Path], seen: list[str]
) -> Region:
    region = by_id[region_id]
    if region.extends is None:
        return region
    if region_id in seen:
        chain = " -> ".join([*seen, region_id])
        raise InputError(
            Problem(f"regions extend each other in a circle: {chain}", str(source[region_id]))
        )
    base = _resolve(region.extends, by_id, source, [*seen, region_id])
    return region.model_copy(
        update={
            "extends": None,
            "helpline": _merge(base.helpline, region.helpline),
            "legal": _merge(base.legal, region.legal),
        }
    )


def _merge(base: tuple[_T, ...], own: tuple[_T, ...]) -> tuple[_T, ...]:
    """Base entries in order, each replaced by the region's own of the same id; then new ones."""
    replacing: dict[str, _T] = {item.id: item for item in own}
    merged: list[_T] = [replacing.pop(item.id, item) for item in base]
    merged.extend(replacing.values())
    return tuple(merged)


def load_region(
    region_id: str = DEFAULT_REGION, root: Path | None = None, extra: Path | None = None
) -> Region:
    """The region ``region_id`` in any case, with spaces, hyphens and underscores alike.

    An unknown id is an ``InputError`` that lists the known ones.
    """
    regions = load_regions(root, extra)
    by_key = {_key(known): region for known, region in regions.items()}
    found = regions.get(region_id) or by_key.get(_key(region_id))
    if found is None:
        known = ", ".join(sorted(regions)) or "none"
        raise InputError(
            Problem(f"no region '{region_id}'; known regions: {known}", where="--region")
        )
    return found


def _key(region_id: str) -> str:
    return re.sub(r"[\s_-]+", "-", region_id.strip().casefold())


def help_lines(region: Region) -> list[str]:
    """The region as plain numbered text that reads the same aloud and on paper."""
    lines = [f"Where to get help ({region.name})", ""]
    for number, line in enumerate(region.helpline, start=1):
        lines.append(f"{number}. {line.name}: {line.number}")
        lines.append(f"   {line.when}")
    if region.legal:
        lines += ["", "What the law offers"]
        for number, route in enumerate(region.legal, start=1):
            lines.append(f"{number}. {route.title}")
            lines.append(f"   {route.text}")
    if region.see_also:
        lines += ["", _see_also(region)]
    return lines


def _see_also(region: Region) -> str:
    return (
        f"Each nation has its own helplines and law; choose one of: {', '.join(region.see_also)}."
    )


def help_markdown(region: Region, given: tuple[Helpline, ...] = ()) -> str:
    """The region as a Markdown section, for the end of a plan; the helplines ``given``
    already (an emergency number at the top) are not said again."""
    from hygiene.render import markdown_text as md

    lines = [f"## Where to get help ({md(region.name)})", ""]
    for line in region.helpline:
        if line in given:
            continue
        lines.append(f"- **{md(line.name)}: {md(line.number)}**. {md(line.when)}")
    if region.legal:
        lines += ["", "### What the law offers", ""]
        for route in region.legal:
            lines.append(f"- **{md(route.title)}.** {md(route.text)}")
    if region.see_also:
        lines += ["", _see_also(region)]
    return "\n".join(lines) + "\n"
