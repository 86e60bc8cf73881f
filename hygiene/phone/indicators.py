"""Echap's stalkerware and watchware lists: loaded, validated, and indexed for matching.

The shipped snapshot lives in ``checks/stalkerware/`` as the unmodified upstream YAML,
with ``snapshot.toml`` saying which commit and date it is and the CC BY 4.0 attribution
every result carries. A worker may give a newer ``ioc.yaml`` they downloaded themselves;
hygiene never fetches one. A file is hostile until checked: it is read with YAML's safe
loader, refused if it uses anchors (a few lines of aliases can expand into gigabytes),
and every problem is listed at once with its line, so a damaged download is never half
used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from hygiene.catalogue import load_files
from hygiene.content import checks_dir
from hygiene.errors import InputError, Problem
from hygiene.phone.androidtext import BUNDLE_RE, PACKAGE_RE
from hygiene.tomlsource import read_text

MAX_FILE_BYTES = 16 * 1024 * 1024  # the upstream ioc.yaml is under 100 KB
AppType = Literal["stalkerware", "watchware"]

# The loader with libyaml's C parser when the wheel has it: several times faster, same rules.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class IndicatorApp(BaseModel):
    """One app of the lists. Fields hygiene does not match on are kept loose on purpose:
    upstream adds them from time to time, and a new one must not break a worker's file."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    names: tuple[str, ...] = ()
    type: AppType
    packages: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    ios_bundles: tuple[str, ...] = ()

    @field_validator("name", "names")
    @classmethod
    def _printable(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        # A name reaches the terminal and the plan: no control or direction characters.
        for name in (value,) if isinstance(value, str) else value:
            if not name.isprintable():
                raise ValueError("a name holds control characters")
        return value

    @field_validator("packages", "ios_bundles")
    @classmethod
    def _package_ids(cls, values: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        pattern = BUNDLE_RE if info.field_name == "ios_bundles" else PACKAGE_RE
        for value in values:
            if not pattern.match(value) or len(value) > 255:
                raise ValueError(f"'{value[:80]}' is not an app id (like com.example.app)")
        return values

    @field_validator("certificates")
    @classmethod
    def _sha1s(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not re.fullmatch(r"[0-9A-Fa-f]{40}", value):
                raise ValueError(f"'{value[:80]}' is not a SHA-1 (40 hexadecimal characters)")
        # Upstream writes upper case, androidqf lower case: compare in one case.
        return tuple(v.upper() for v in values)


class Snapshot(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    date: dt.date
    files: tuple[str, ...] = Field(min_length=1)
    attribution: str = Field(min_length=1)


@dataclass(frozen=True)
class Indicators:
    """The lists in use, indexed by app id and by signing-certificate SHA-1."""

    apps: tuple[IndicatorApp, ...]
    origin: str  # said with every result: which lists, from where, of when
    attribution: str
    by_package: dict[str, tuple[IndicatorApp, ...]] = field(repr=False)
    by_certificate: dict[str, tuple[IndicatorApp, ...]] = field(repr=False)
    by_bundle: dict[str, tuple[IndicatorApp, ...]] = field(repr=False)

    @classmethod
    def of(cls, apps: Sequence[IndicatorApp], origin: str, attribution: str) -> Indicators:
        return cls(
            apps=tuple(apps),
            origin=origin,
            attribution=attribution,
            by_package=_index(apps, lambda a: a.packages, str.lower),
            by_certificate=_index(apps, lambda a: a.certificates, str.upper),
            by_bundle=_index(apps, lambda a: a.ios_bundles, str.lower),
        )

    def count(self, kind: AppType) -> int:
        return sum(1 for app in self.apps if app.type == kind)

    def with_newer(self, files: Sequence[Path]) -> Indicators:
        """These lists, with each type the worker's files hold replaced by theirs.

        A newer ``ioc.yaml`` replaces the shipped stalkerware list and leaves the shipped
        watchware list in place (and the other way round), so an app upstream removed as
        a mistake is not kept alive by the old copy.
        """
        given = [app for path in files for app in load_indicator_file(path)]
        kinds = {app.type for app in given}
        kept = [app for app in self.apps if app.type not in kinds]
        names = ", ".join(path.name for path in files)
        origin = f"{names} (given)"
        if kept:
            other = "watchware" if "stalkerware" in kinds else "stalkerware"
            origin += f", and the shipped {other} list ({self.origin})"
        return Indicators.of([*given, *kept], origin, self.attribution)


def _index(
    apps: Iterable[IndicatorApp], keys: Any, normalise: Any
) -> dict[str, tuple[IndicatorApp, ...]]:
    index: dict[str, list[IndicatorApp]] = {}
    for app in apps:
        for key in keys(app):
            found = index.setdefault(normalise(key), [])
            if app not in found:
                found.append(app)
    return {key: tuple(value) for key, value in index.items()}


def load_indicator_file(path: Path) -> list[IndicatorApp]:
    """Every app of one Echap YAML file, or one ``InputError`` listing every problem."""
    source = str(path)
    text = read_text(path, MAX_FILE_BYTES, "is too large to be an indicator list (over 16 MB)")
    root, data = _parse(text, source)
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise InputError(
            "is not an indicator list: Echap's files are a list of apps (`- name: ...`)",
            source=source,
        )
    apps: list[IndicatorApp] = []
    problems: list[Problem] = []
    for number, (node, item) in enumerate(zip(root.value, data, strict=True), start=1):
        try:
            apps.append(IndicatorApp.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors():
                loc = [p for p in error["loc"] if isinstance(p, (str, int))]
                message = str(error["msg"]).removeprefix("Value error, ")
                where = f"app {number}" + "".join(
                    f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc
                )
                problems.append(Problem(message, source=source, line=_line(node, loc), where=where))
    if problems:
        raise InputError(problems)
    if not apps:
        raise InputError("lists no apps", source=source)
    return apps


def _parse(text: str, source: str) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _refuse_aliases(root, source)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            Problem(f"is not valid YAML: {exc.problem}", source=source, line=line)
        ) from None
    except (yaml.YAMLError, RecursionError):
        raise InputError("is not valid YAML, or is nested too deeply", source=source) from None
    finally:
        loader.dispose()
    return root, data


def _refuse_aliases(root: yaml.Node, source: str) -> None:
    """Indicator lists never repeat a node; one that does may be built to exhaust memory."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > 20:
            raise InputError(
                Problem(
                    "uses YAML anchors or deep nesting, which Echap's lists never do",
                    source=source,
                    line=node.start_mark.line + 1,
                )
            )
        seen.add(id(node))
        stack.extend((child, depth + 1) for child in _children(node))


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _line(node: yaml.Node, loc: Sequence[str | int]) -> int:
    """The line of the value at ``loc`` inside one app's node, as near as it can be found."""
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


@cache
def shipped_indicators() -> Indicators:
    """The snapshot in ``checks/stalkerware/``, validated once per run."""
    folder = checks_dir() / "stalkerware"
    snapshot = load_files([folder / "snapshot.toml"], Snapshot)[0]
    apps = [app for name in snapshot.files for app in load_indicator_file(folder / name)]
    origin = f"Echap's lists as of {snapshot.date.isoformat()} (shipped with hygiene)"
    return Indicators.of(apps, origin, snapshot.attribution)
