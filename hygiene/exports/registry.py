"""Every export layout hygiene reads, and how one is chosen for a file.

Detection looks at the container (CSV, JSON, zip) and the header or top-level names, and
takes the first layout in ``LAYOUTS`` that claims the file; the order puts the stricter
layouts first where headers overlap (Dashlane before Apple, Apple before Chrome). A name
given with ``--format`` skips detection. An unknown layout is refused with the header
that was seen and the names that are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hygiene.errors import InputError, Problem
from hygiene.exports import (
    apple,
    bitwarden,
    chromium,
    dashlane,
    firefox,
    keepassxc,
    lastpass,
    onepassword,
    protonpass,
)
from hygiene.exports.interface import Item, Layout, Probe
from hygiene.exports.source import probe, refuse, refuse_encrypted

LAYOUTS: tuple[Layout, ...] = (
    onepassword.CSV4,
    bitwarden.CSV,
    firefox.CSV,
    keepassxc.CSV,
    lastpass.CSV,
    onepassword.CSV8,
    onepassword.CSV7_WINDOWS,
    onepassword.CSV7_MAC,
    protonpass.CSV,
    dashlane.CSV,
    apple.CSV,
    chromium.CSV,
    dashlane.LEGACY_CSV,
    bitwarden.JSON,
    protonpass.JSON,
    dashlane.JSON,
    onepassword.PUX,
    protonpass.ZIP,
    dashlane.ZIP,
    bitwarden.ZIP,
)
BY_NAME: dict[str, Layout] = {layout.name: layout for layout in LAYOUTS}

# Only plain words are echoed from a header: a headerless file's first row is data, and
# a password must never be printed.
_SHOWABLE = re.compile(r"^[A-Za-z][A-Za-z _\-()/]{0,31}$")
_MAX_SHOWN = 15


@dataclass(frozen=True)
class Export:
    """An opened export: which layout it is, and its rows as logins and skips (streamed)."""

    layout: Layout
    items: Iterator[Item]


def known_names() -> str:
    return ", ".join(BY_NAME)


def _seen(found: Probe) -> str:
    if found.kind == "csv":
        shown = [n if _SHOWABLE.match(n) else "…" for n in found.header[:_MAX_SHOWN]]
        more = ", …" if len(found.header) > _MAX_SHOWN else ""
        return f"a CSV file whose first row is: {', '.join(shown)}{more}"
    if found.kind == "json":
        return "a JSON file with top-level names: " + ", ".join(sorted(found.names)[:_MAX_SHOWN])
    if found.kind == "zip":
        return "a zip archive holding: " + ", ".join(sorted(found.names)[:_MAX_SHOWN])
    return "a file of an unknown kind"


def open_export(path: Path, layout_name: str | None = None) -> Export:
    """Detect (or take) the layout of ``path`` and start reading it."""
    if layout_name is not None and layout_name not in BY_NAME:
        raise InputError(
            Problem(f"'{layout_name}' is not a layout hygiene knows. Known: {known_names()}.")
        )
    found = probe(path)
    if found.kind == "pgp":
        # Proton Pass is the one exporter known to write PGP.
        raise refuse_encrypted(path, "Proton Pass", protonpass.HOW)
    if layout_name is not None:
        layout = BY_NAME[layout_name]
    else:
        detected = next((layout for layout in LAYOUTS if layout.detect(found)), None)
        if detected is None:
            raise refuse(
                path,
                f"hygiene does not recognise this export. It is {_seen(found)}. "
                f"Layouts it knows: {known_names()}. If you know which one it is, "
                "give it with --format.",
            )
        layout = detected
    return Export(layout, layout.read(path, found))
