"""What a phone check read from a phone, whichever way it was read.

An androidqf folder, a live adb session and an iPhone app list all become one
``Collection``; the matching and the heuristics read only this. A part that could not be
read is ``None`` (not an empty set), so "not checked" can never pass for "nothing found".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Platform = Literal["android", "iphone"]


@dataclass(frozen=True)
class App:
    """One installed app (Android package or iPhone bundle)."""

    id: str
    installer: str | None = None  # None when the phone named no installer
    system: bool = False
    disabled: bool = False
    certificates: frozenset[str] = frozenset()  # upper-case SHA-1s of the signing keys
    label: str | None = None  # the name on screen, where the phone gave it


@dataclass(frozen=True)
class Collection:
    """Everything read from one phone. ``None`` means that part was not read."""

    platform: Platform
    source: str  # where it came from, in words ("the androidqf folder 3f1c...")
    apps: tuple[App, ...]
    settings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # namespace -> key
    accessibility: frozenset[str] | None = None  # apps with an enabled accessibility service
    listeners: frozenset[str] | None = None  # apps reading every notification
    admins: frozenset[str] | None = None  # device administrator apps
    owners: frozenset[str] | None = None  # device or profile owner apps
    launchable: frozenset[str] | None = None  # apps with an icon in the app drawer
    root_binaries: tuple[str, ...] | None = None  # None: not read
    root_binaries_readable: bool = True  # False where the way of reading cannot look for them
    certificates_read: bool = False
    limits: tuple[str, ...] = ()  # what this way of reading cannot see, in plain words

    def setting(self, key: str) -> str | None:
        for values in self.settings.values():
            if key in values:
                return values[key]
        return None
