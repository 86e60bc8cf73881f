"""Signs of monitoring beyond the lists, each labelled with how sure it is.

The lists only know apps someone has already researched; these signs catch what the
lists miss, at the price of false alarms, so each one says what was seen, how sure it
is, and what innocent thing it may be. The signs follow what the clinics' tools look at
(described in the project's reference on devices), reimplemented from those facts:
installed from outside an app store, accessibility services and notification listeners,
device administrators and owners, app scanning turned off, no icon, a monitoring name,
and rooting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from hygiene.phone.model import App, Collection


class Sureness(StrEnum):
    """How sure a sign is, said in words next to every sign."""

    HIGH = "strong sign"
    MEDIUM = "possible sign"
    LOW = "weak sign"


@dataclass(frozen=True)
class Sign:
    id: str  # stable, for --json and tests
    sureness: Sureness
    seen: str  # what was seen, one sentence
    innocent: str  # what else it may be


# Stores whose apps count as "from a store". Google Play is the one the clinics' tools
# agree on; the makers' own stores are added so a Samsung or Huawei phone is not flagged
# app by app (their ids are from those makers' phones; not confirmed on every model).
STORES = frozenset(
    {
        "com.android.vending",  # Google Play
        "com.sec.android.app.samsungapps",  # Samsung Galaxy Store
        "com.amazon.venezia",  # Amazon Appstore
        "com.huawei.appmarket",  # Huawei AppGallery
        "com.xiaomi.market",  # Xiaomi GetApps
        "com.xiaomi.mipicks",
    }
)
ALTERNATIVE_STORES = frozenset({"org.fdroid.fdroid", "com.aurora.store"})
HAND_INSTALLERS = frozenset({"com.google.android.packageinstaller", "com.android.packageinstaller"})
ROOT_APPS = frozenset(
    {
        "com.topjohnwu.magisk",
        "eu.chainfire.supersu",
        "com.noshufou.android.su",
        "com.koushikdutta.superuser",
        "com.kingroot.kinguser",
        "com.kingo.root",
    }
)
# Settings that, when present with this value, mean Android's own app scanning is off.
SCANNING_OFF = {
    "package_verifier_enable": "0",
    "verifier_verify_adb_installs": "0",
    "package_verifier_user_consent": "-1",
}
_MONITORING = re.compile(r"spy|track|keylog|cheat", re.IGNORECASE)
_ANTI = re.compile(r"anti.*(spy|track|keylog)|(spy|track|keylog).*remov[ea]", re.IGNORECASE)


def app_signs(app: App, phone: Collection) -> tuple[Sign, ...]:
    """The signs about one app. System apps are left alone: they came with the phone."""
    if app.system:
        return ()
    signs = [sign for sign in (_store(app), _name(app)) if sign]
    if phone.owners is not None and app.id in phone.owners:
        signs.append(
            Sign(
                "device_owner",
                Sureness.HIGH,
                "It controls the whole phone (it is the device or profile owner).",
                "A work phone managed by an employer has one.",
            )
        )
    elif phone.admins is not None and app.id in phone.admins:
        signs.append(
            Sign(
                "device_admin",
                Sureness.MEDIUM,
                "It is a device administrator: it is hard to uninstall, and can lock or wipe "
                "the phone.",
                "Work email and find-my-phone apps ask for this too.",
            )
        )
    if phone.accessibility is not None and app.id in phone.accessibility:
        signs.append(
            Sign(
                "accessibility",
                Sureness.MEDIUM,
                "Its accessibility service is on: it can read what is on the screen and press "
                "buttons.",
                "Password managers and aids for disabilities use this too.",
            )
        )
    if phone.listeners is not None and app.id in phone.listeners:
        signs.append(
            Sign(
                "notification_listener",
                Sureness.MEDIUM,
                "It reads every notification, including messages and sign-in codes.",
                "Smartwatch and fitness-band apps do this too.",
            )
        )
    if phone.launchable is not None and app.id not in phone.launchable and not app.disabled:
        signs.append(
            Sign(
                "hidden_icon",
                Sureness.LOW,
                "It has no icon in the list of apps.",
                "Keyboards, widgets and plug-ins have none either.",
            )
        )
    return tuple(signs)


def phone_signs(phone: Collection) -> tuple[Sign, ...]:
    """Signs about the phone as a whole: its app scanning, and rooting."""
    signs: list[Sign] = []
    off = sorted(k for k, v in SCANNING_OFF.items() if phone.setting(k) == v)
    if off:
        signs.append(
            Sign(
                "app_scanning_off",
                Sureness.MEDIUM,
                "Google Play Protect's scanning of apps is turned off "
                f"({', '.join(off)}): someone may have turned it off to install an app.",
                "Some phones come with it off.",
            )
        )
    if phone.root_binaries:
        signs.append(
            Sign(
                "rooted",
                Sureness.HIGH,
                "The phone is rooted (tools that give apps full control were found), so an "
                "app can read other apps' messages.",
                "The owner may have rooted it themselves.",
            )
        )
    elif any(app.id in ROOT_APPS for app in phone.apps):
        signs.append(
            Sign(
                "rooted",
                Sureness.MEDIUM,
                "An app used to root phones is installed, so an app may be able to read "
                "other apps' messages.",
                "The owner may have rooted it themselves.",
            )
        )
    return tuple(signs)


def _store(app: App) -> Sign | None:
    if app.installer in STORES:
        return None
    innocent = "Apps some people install by hand, and some phone makers' own apps."
    if app.installer is None:
        seen = "It was installed by hand (from a file or over a cable), not from an app store."
        return Sign("outside_store", Sureness.MEDIUM, seen, innocent)
    if app.installer in HAND_INSTALLERS:
        seen = "It was installed by hand from a downloaded file, not from an app store."
        return Sign("outside_store", Sureness.MEDIUM, seen, innocent)
    if app.installer in ALTERNATIVE_STORES:
        seen = f"It came from an alternative app store ({app.installer})."
        return Sign("outside_store", Sureness.LOW, seen, "Privacy-minded people use these.")
    seen = f"It was installed by {app.installer}, which is not an app store hygiene knows."
    return Sign("outside_store", Sureness.LOW, seen, "Another maker's own app store.")


def _name(app: App) -> Sign | None:
    names = [app.id, app.label or ""]
    if any(_MONITORING.search(n) and not _ANTI.search(n) for n in names):
        return Sign(
            "monitoring_name",
            Sureness.LOW,
            "Its name speaks of spying or tracking.",
            "Fitness, parcel and anti-spyware apps have such names too.",
        )
    return None
