"""Parsers for the text Android prints: settings, getprop, dumpsys sections, pm and dpm.

The same text arrives from an androidqf collection (saved to files) and from a live adb
session, so each shape is parsed once, here. Every parser takes text written on a phone
that may be controlled by the other person: none raises on odd input, unknown lines are
skipped, and a package name is accepted only if it looks like one (so nothing odd is
carried into a report).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_PACKAGE = r"[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*"
PACKAGE_RE = re.compile(rf"^{_PACKAGE}$")
BUNDLE_RE = re.compile(r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")  # iPhone ids may have "-"
_COMPONENT = re.compile(rf"\{{?({_PACKAGE})/[^\s,}}:]+")
_ENABLED_A11Y = re.compile(r"^\s*Enabled services:\s*\{(.*)\}\s*$")
_OWNER = re.compile(rf"admin=(?:ComponentInfo\{{)?({_PACKAGE})/")
_ADMIN_ENTRY = re.compile(rf"^\s+({_PACKAGE})/\S+:\s*$")
_RESOLVER_ENTRY = re.compile(rf"^\s+[0-9a-f]+ ({_PACKAGE})/\S+(?: filter [0-9a-f]+)?\s*$")
_LAUNCHER = '"android.intent.category.LAUNCHER"'


def key_values(text: str) -> dict[str, str]:
    """``key=value`` lines (``cmd settings list``), split at the first ``=``."""
    values: dict[str, str] = {}
    for line in text.split("\n"):
        key, sep, value = line.partition("=")
        key = key.strip()
        if sep and key and " " not in key:
            values[key] = value.strip()
    return values


def getprop(text: str) -> dict[str, str]:
    """``[name]: [value]`` lines."""
    found = re.findall(r"^\[([^\]\n]+)\]: \[([^\]\n]*)\]\s*$", text, re.MULTILINE)
    return dict(found)


def component_packages(value: str | None) -> frozenset[str]:
    """The apps of a colon-separated component list (``pkg/.Service:pkg2/.Other``)."""
    if not value or value.strip() == "null":
        return frozenset()
    return frozenset(match.group(1) for match in _COMPONENT.finditer(value))


def sections(lines: Iterable[str], wanted: Iterable[str]) -> dict[str, list[str]]:
    """The ``DUMP OF SERVICE name:`` sections of a full ``dumpsys`` that are ``wanted``.

    Only those sections are kept, so a dumpsys of tens of megabytes is read in one pass
    without holding it all.
    """
    names = set(wanted)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("DUMP OF SERVICE "):
            name = line[len("DUMP OF SERVICE ") :].strip().rstrip(":")
            current = found.setdefault(name, []) if name in names else None
        elif current is not None:
            current.append(line.rstrip("\r\n"))
    return found


def enabled_accessibility(lines: Iterable[str]) -> frozenset[str] | None:
    """Apps in the ``Enabled services:{{pkg/svc}, ...}`` line of ``dumpsys accessibility``.

    ``None`` when the line is missing: older Android prints only the *installed* services,
    which are not a sign of anything, so they are not counted.
    """
    for line in lines:
        match = _ENABLED_A11Y.match(line)
        if match:
            return component_packages(match.group(1))
    return None


def device_policy(lines: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(admin apps, owner apps) from ``dumpsys device_policy``.

    Owners are the ``admin=`` lines under "Device Owner" and "Profile Owner"; admins are
    the ``pkg/Receiver:`` entries under "Enabled Device Admins".
    """
    admins: set[str] = set()
    owners: set[str] = set()
    block, depth = "", 0
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped.startswith(("Device Owner", "Profile Owner")):
            block, depth = "owner", indent
        elif stripped.startswith("Enabled Device Admins"):
            block, depth = "admins", indent
        elif stripped and indent <= depth:
            block = ""  # a sibling heading: the block has ended
        if block == "owner":
            match = _OWNER.search(line)
            if match:
                owners.add(match.group(1))
        elif block == "admins":
            match = _ADMIN_ENTRY.match(line)
            if match:
                admins.add(match.group(1))
    return frozenset(admins), frozenset(owners)


def dpm_owners(text: str) -> frozenset[str]:
    """Owner apps from ``dpm list-owners`` (``User 0: admin=pkg/.Admin,DeviceOwner``)."""
    return frozenset(match.group(1) for match in _OWNER.finditer(text))


def launcher_packages(lines: Iterable[str]) -> frozenset[str]:
    """Apps with an activity filed under the LAUNCHER category: the ones with an icon.

    Read from the activity resolver table that ``dumpsys package`` prints: an entry line
    (``<hash> pkg/.Activity filter <hash>``) followed by its ``Category:`` lines.
    """
    found: set[str] = set()
    current: str | None = None
    for line in lines:
        match = _RESOLVER_ENTRY.match(line)
        if match:
            current = match.group(1)
        elif current and line.strip() == f"Category: {_LAUNCHER}":
            found.add(current)
    return frozenset(found)


def installer_of(lines: Iterable[str]) -> str | None:
    """``installerPackageName=`` from ``dumpsys package <pkg>``; None when none or "null"."""
    for line in lines:
        key, sep, value = line.strip().partition("=")
        if sep and key == "installerPackageName":
            value = value.strip()
            return value if PACKAGE_RE.match(value) and value != "null" else None
    return None


def pm_packages(text: str | None) -> Iterator[tuple[str, str | None]]:
    """(package, installer) from ``pm list packages [-U] [-u] [-i]`` lines.

    A line is ``package:NAME installer=X uid:N``; the installer is None when pm says
    ``null`` or did not print one.
    """
    for line in (text or "").split("\n"):
        if not line.startswith("package:"):
            continue
        fields = line[len("package:") :].split()
        if not fields or not PACKAGE_RE.match(fields[0]):
            continue
        installer = None
        for item in fields[1:]:
            if item.startswith("installer="):
                value = item[len("installer=") :]
                installer = value if PACKAGE_RE.match(value) and value != "null" else None
        yield fields[0], installer
