"""Every export layout hygiene reads, and how one is chosen for a file.

Detection looks at the container (CSV, JSON, zip) and the header or top-level names, and
takes the first layout in ``LAYOUTS`` that claims the file; the order puts the stricter
layouts first where headers overlap (Dashlane before Apple, Apple before Chrome). A zip
archive no product's layout claims is searched, folders and zips within it included, for
the one export it holds. A name given with ``--format`` skips detection. An unknown
layout is refused with the header that was seen and the names that are known. How the
file was read (its encoding, separator, the file inside a zip) comes back as notes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hygiene.errors import InputError, Problem
from hygiene.exports import (
    apple,
    bitwarden,
    chromium,
    dashlane,
    enpass,
    firefox,
    kaspersky,
    keepass,
    keepassxc,
    keeper,
    lastpass,
    nordpass,
    onepassword,
    plaincsv,
    protonpass,
    psono,
    safeincloud,
    zoho,
)
from hygiene.exports.csvlayout import CsvLayout
from hygiene.exports.interface import Item, Layout, Probe, Refused
from hygiene.exports.source import (
    open_zip,
    probe,
    probe_bytes,
    refuse,
    refuse_encrypted,
    zip_member,
)
from hygiene.exports.text import DELIMITER_NAMES

LAYOUTS: tuple[Layout, ...] = (
    onepassword.CSV4,
    bitwarden.CSV,
    firefox.CSV,
    keepassxc.CSV,
    lastpass.CSV,
    onepassword.CSV8,
    onepassword.CSV6,
    onepassword.CSV7_WINDOWS,
    onepassword.CSV7_MAC,
    nordpass.CSV,
    protonpass.CSV,
    zoho.CSV,
    zoho.OLDEST_CSV,
    plaincsv.KEEPASS,
    plaincsv.SAFEINCLOUD,
    plaincsv.ROBOFORM,
    plaincsv.BUTTERCUP,
    plaincsv.PADLOCK,
    dashlane.CSV,
    apple.CSV,
    chromium.CSV,
    kaspersky.TXT,
    dashlane.LEGACY_CSV,
    keeper.CSV,
    bitwarden.JSON,
    enpass.JSON,
    psono.JSON,
    keeper.JSON,
    protonpass.JSON,
    dashlane.JSON,
    keepass.XML,
    safeincloud.XML,
    keepass.KDBX,
    onepassword.PUX,
    protonpass.ZIP,
    dashlane.ZIP,
    bitwarden.ZIP,
)
# Layouts that are a password manager's own encrypted store, not a plaintext export.
STORES = frozenset({keepass.KDBX.name})
BY_NAME: dict[str, Layout] = {layout.name: layout for layout in LAYOUTS}

# Only a first row made mostly of column names hygiene knows is echoed, and only those
# names: a headerless file's first row is data, and a password must never be printed.
COMMON_COLUMNS = frozenset(
    {
        "name",
        "title",
        "url",
        "website",
        "web site",
        "address",
        "username",
        "user",
        "user name",
        "login",
        "login name",
        "email",
        "password",
        "pass",
        "note",
        "notes",
        "comment",
        "comments",
        "folder",
        "group",
        "tags",
        "type",
        "category",
        "totp",
        "otp",
        "favorite",
        "favourite",
        "created",
        "modified",
        "id",
        "uuid",
        "description",
        "phone",
        "site",
        "account",
        "extra",
        "label",
        "vault",
    }
)
_MAX_SHOWN = 15
# Files inside a zip worth looking at: exports, and archives that may hold one.
MEMBER_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".xml", ".zip", ".1pux", ".data")
MAX_ZIP_DEPTH = 3
MAX_PROBED_MEMBERS = 50


@dataclass(frozen=True)
class Export:
    """An opened export: its layout, its rows as logins and skips (streamed), and notes
    on how the file was read that the person should hear."""

    layout: Layout
    items: Iterator[Item]
    notes: tuple[str, ...] = field(default=())

    @property
    def plaintext(self) -> bool:
        """Whether the file holds every password in plain text (and should be deleted)."""
        return self.layout.name not in STORES


def known_names() -> str:
    return ", ".join(BY_NAME)


def _column_words() -> frozenset[str]:
    words = set(COMMON_COLUMNS)
    for layout in LAYOUTS:
        if isinstance(layout, CsvLayout):
            words |= layout.required | layout.excluded | set(layout.exact or ())
    return frozenset(words)


def _seen(found: Probe) -> str:
    known = _column_words()
    header = found.header[:_MAX_SHOWN]
    if found.kind == "csv" and sum(1 for n in header if n in known) * 2 < max(len(header), 1):
        # Mostly not column names: the first row is data and may hold a password, so its
        # size is said, never its text.
        return (
            f"a file of {len(found.header)} columns separated by "
            f"{DELIMITER_NAMES[found.delimiter]}, whose first row is not column names "
            "(it is not shown: it may hold a password)"
        )
    if found.kind == "csv":
        shown = [n if n in known else "…" for n in header]
        more = ", …" if len(found.header) > _MAX_SHOWN else ""
        return f"a CSV file whose first row is: {', '.join(shown)}{more}"
    if found.kind == "json":
        return "a JSON file with top-level names: " + ", ".join(sorted(found.names)[:_MAX_SHOWN])
    if found.kind == "zip":
        return "a zip archive holding: " + ", ".join(sorted(found.names)[:_MAX_SHOWN])
    if found.kind == "xml":
        return "an XML file whose top element is " + ", ".join(sorted(found.names)[:1])
    if found.kind == "kdbx":
        return "a KeePass database"
    return "a file of an unknown kind"


def _detect(found: Probe) -> Layout | None:
    return next((layout for layout in LAYOUTS if layout.detect(found)), None)


def _worth_probing(name: str) -> bool:
    parts = PurePosixPath(name).parts
    hidden = any(p.startswith(".") or p == "__MACOSX" for p in parts)
    return not hidden and name.lower().endswith(MEMBER_SUFFIXES)


def _inside(
    archive_probe: Probe, path: Path, depth: int = 1, budget: list[int] | None = None
) -> list[tuple[Probe, Layout]]:
    """Every recognisable export in a zip archive, at any folder depth and in inner zips.

    ``budget`` counts the files left to open across every level: each may be read up to
    the document limit, so a crafted archive of thousands must not be read in full.
    """
    budget = [MAX_PROBED_MEMBERS] if budget is None else budget
    found: list[tuple[Probe, Layout]] = []
    prefix = f"{archive_probe.member}/" if archive_probe.member else ""
    with open_zip(archive_probe, path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not _worth_probing(info.filename):
                continue
            budget[0] -= 1
            if budget[0] < 0:
                raise refuse(
                    path,
                    f"this zip archive holds more than {MAX_PROBED_MEMBERS} files that could "
                    "be an export. Unzip it and give hygiene the export itself.",
                    "too_large",
                )
            try:
                data = zip_member(archive, info.filename, path)
                member = probe_bytes(data, path, prefix + info.filename)
            except InputError:
                continue  # unreadable, or not an export: the others may still be one
            layout = _detect(member)
            if layout is not None:
                found.append((member, layout))
            elif member.kind == "zip" and depth < MAX_ZIP_DEPTH:
                found += _inside(member, path, depth + 1, budget)
    return found


def _notes(found: Probe) -> tuple[str, ...]:
    notes = []
    if found.member:
        notes.append(f"Read from '{found.member}' inside the zip archive.")
    if found.encoding.note and found.kind in ("csv", "json"):
        notes.append(found.encoding.note)
    if found.kind == "csv" and found.delimiter != ",":
        notes.append(f"Its columns are separated by {DELIMITER_NAMES[found.delimiter]}.")
    return tuple(notes)


def open_export(
    path: Path, layout_name: str | None = None, unlock: keepass.Unlock | None = None
) -> Export:
    """Detect (or take) the layout of ``path`` and start reading it. ``unlock`` gives the
    password of a KeePass database, asked for only if the file is one."""
    if layout_name is not None and layout_name not in BY_NAME:
        raise Refused(
            Problem(f"'{layout_name}' is not a layout hygiene knows. Known: {known_names()}."),
            "unknown_layout",
        )
    found = probe(path)
    if found.kind == "pgp":
        # Proton Pass is the one exporter known to write PGP.
        raise refuse_encrypted(path, "Proton Pass", protonpass.HOW)
    if layout_name is not None:
        layout = BY_NAME[layout_name]
        # --format overrides a header, never the kind of file: a zip or a database read
        # as text would only yield noise.
        if found.kind != "csv" and not layout.detect(found):
            raise refuse(
                path,
                f"this file is {_seen(found)}, which the {layout.label} layout cannot read. "
                "Run the audit without --format and hygiene will tell what it is.",
                "not_this_layout",
            )
    else:
        detected = _detect(found)
        if detected is None and found.kind == "zip":
            inner = _inside(found, path)
            if len(inner) > 1:
                names = ", ".join(sorted(member.member or "" for member, _ in inner))
                raise refuse(
                    path,
                    f"this zip archive holds more than one export ({names}). Unzip it and "
                    "give hygiene one of them.",
                    "several_exports",
                )
            if inner:
                found, detected = inner[0]
        if detected is None:
            raise refuse(
                path,
                f"hygiene does not recognise this export. It is {_seen(found)}. Export "
                "again from the password manager, as CSV where it offers it, or export the "
                "passwords saved in your browser (Chrome, Edge, Firefox or Safari). "
                f"Layouts hygiene reads: {known_names()}.",
                "unrecognised",
            )
        layout = detected
    if isinstance(layout, keepass.KdbxLayout):
        layout = dataclasses.replace(layout, unlock=unlock)
    return Export(layout, layout.read(path, found), _notes(found))
