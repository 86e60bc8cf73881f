"""One phone check: the lists matched, the signs read, and what could not be checked.

A match says an app with this id or signing key is on the phone (or was, with its data
kept); not who installed it, whether it runs, or whether the person agreed to it. The
signing key is the strong signal: a few ids on the lists are generic enough to collide
with unrelated apps. Every part the collection lacked is named in ``not_checked``, so a
result with nothing found is never read as "clean".
"""

from __future__ import annotations

from dataclasses import dataclass

from hygiene.phone.heuristics import Sign, Sureness, app_signs, phone_signs
from hygiene.phone.indicators import IndicatorApp, Indicators
from hygiene.phone.model import App, Collection

NOTHING_KNOWN = "No known stalkerware found; this does not mean the phone is clean."


@dataclass(frozen=True)
class Match:
    """An app on the phone that is on one of the lists."""

    app: App
    entry: IndicatorApp
    by_certificate: bool
    sureness: Sureness
    how: str  # how it matched, one sentence
    signs: tuple[Sign, ...]  # the heuristic signs it also shows


@dataclass(frozen=True)
class Flagged:
    """An app on no list that shows signs of monitoring."""

    app: App
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class PhoneResult:
    collection: Collection
    indicators: Indicators
    matches: tuple[Match, ...]
    flagged: tuple[Flagged, ...]
    phone: tuple[Sign, ...]
    not_checked: tuple[str, ...]  # parts that could not be read, in words

    @property
    def stalkerware(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.entry.type == "stalkerware")

    @property
    def watchware(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.entry.type == "watchware")

    @property
    def anything(self) -> bool:
        return bool(self.matches or self.flagged or self.phone)


def check_phone(collection: Collection, indicators: Indicators) -> PhoneResult:
    matches: list[Match] = []
    flagged: list[Flagged] = []
    for app in collection.apps:
        android = collection.platform == "android"
        signs = app_signs(app, collection) if android else _ios(app, collection)
        found = _matches(app, collection, indicators, signs)
        if found:
            matches.extend(found)
        elif signs:
            flagged.append(Flagged(app, signs))
    return PhoneResult(
        collection=collection,
        indicators=indicators,
        matches=tuple(sorted(matches, key=lambda m: (m.entry.type != "stalkerware", m.app.id))),
        flagged=tuple(sorted(flagged, key=_flag_order)),
        phone=phone_signs(collection) if collection.platform == "android" else (),
        not_checked=_not_checked(collection),
    )


def _ios(app: App, collection: Collection) -> tuple[Sign, ...]:
    # On an iPhone only the name is there to read; the rest of the signs need Android.
    return tuple(s for s in app_signs(app, collection) if s.id == "monitoring_name")


def _matches(
    app: App, phone: Collection, indicators: Indicators, signs: tuple[Sign, ...]
) -> list[Match]:
    by_id = (indicators.by_bundle if phone.platform == "iphone" else indicators.by_package).get(
        app.id.lower(), ()
    )
    by_key = {e.name: e for c in app.certificates for e in indicators.by_certificate.get(c, ())}
    entries = {e.name: e for e in by_id} | by_key
    found = []
    for name, entry in entries.items():
        if name in by_key:
            how = "It is signed with the same key as this app on the list."
            sureness = Sureness.HIGH
        elif app.certificates:
            how = (
                "Its app id is on the list, but it is signed with a different key: it may be "
                "a new version of it, or an unrelated app that uses the same id."
            )
            sureness = Sureness.MEDIUM
        elif app.id.count(".") < 2:
            how = (
                "Its app id is on the list; the id is short enough to be shared by an "
                "unrelated app, and the signing key was not collected to tell them apart."
            )
            sureness = Sureness.MEDIUM
        else:
            how = "Its app id is on the list (the signing key was not collected to compare)."
            sureness = Sureness.HIGH
        found.append(Match(app, entry, name in by_key, sureness, how, signs))
    return found


def _flag_order(flagged: Flagged) -> tuple[int, str]:
    return (min(list(Sureness).index(s.sureness) for s in flagged.signs), flagged.app.id)


def _not_checked(phone: Collection) -> tuple[str, ...]:
    if phone.platform != "android":
        return ()
    parts = [
        (phone.accessibility, "which apps have an accessibility service on"),
        (phone.listeners, "which apps read notifications"),
        (phone.admins, "which apps are device administrators or owners"),
        (phone.launchable, "which apps have no icon"),
        # adb cannot look for root tools with read-only commands; its limits say so.
        (
            phone.root_binaries if phone.root_binaries_readable else (),
            "whether the phone is rooted",
        ),
        (phone.settings or None, "whether Play Protect's app scanning is on"),
    ]
    return tuple(words for value, words in parts if value is None)
