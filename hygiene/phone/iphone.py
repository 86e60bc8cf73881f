"""An iPhone's list of apps, read with ``ideviceinstaller`` or ``pymobiledevice3``.

An iPhone has no shell: without jailbreaking it, a computer can list the apps and little
else. This reads that list (each tool only lists; neither is asked to change anything)
and says plainly what an iPhone check cannot see, because the commonest ways into an
iPhone do not show up as an app at all.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence

from hygiene.errors import CheckUnavailable
from hygiene.phone import androidtext
from hygiene.phone.model import App, Collection

TIMEOUT_SECONDS = 120
LIMITS = (
    "An iPhone check lists the apps only. It cannot see what apps do, their data, or "
    "configuration profiles, and it cannot see the most common way in: the other person "
    "signing in to the iCloud account (check Settings > your name for devices you do not "
    "know, and change the Apple ID password when it is safe). Location shared through Find My "
    "and a hidden AirTag do not show up either.",
)
PHONE_SHOWS = (
    'Unlock the iPhone; the first time it asks "Trust This Computer?": tap Trust and enter '
    "the passcode. Nothing is installed or changed. When you are done you can remove the "
    "trust again (Settings > General > Transfer or Reset iPhone > Reset > Reset Location & "
    "Privacy; menu names are not confirmed for every iOS version)."
)


def _run(args: Sequence[str]) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            list(args), capture_output=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT_SECONDS
        )
    except (subprocess.TimeoutExpired, OSError):
        return None


def collect() -> Collection:
    """The apps on the one iPhone connected over USB."""
    if shutil.which("ideviceinstaller"):
        for args in (["ideviceinstaller", "list"], ["ideviceinstaller", "-l"]):
            done = _run(args)
            if done is not None and done.returncode == 0:
                return _collection(_ideviceinstaller(done.stdout.decode("utf-8", "replace")))
    elif shutil.which("pymobiledevice3"):
        done = _run(["pymobiledevice3", "apps", "list"])
        if done is not None and done.returncode == 0:
            return _collection(_pymobiledevice3(done.stdout.decode("utf-8", "replace")))
    else:
        raise CheckUnavailable(
            "Neither ideviceinstaller nor pymobiledevice3 is installed, so the iPhone could "
            "not be read (on Debian or Ubuntu: sudo apt install ideviceinstaller)."
        )
    raise CheckUnavailable(
        "The iPhone did not answer. Unlock it, tap Trust if it asks, and try again."
    )


def _collection(apps: list[App]) -> Collection:
    if not apps:
        raise CheckUnavailable("The iPhone listed no apps, so it could not be checked.")
    return Collection(
        platform="iphone", source="the iPhone connected over USB", apps=tuple(apps), limits=LIMITS
    )


def _ideviceinstaller(text: str) -> list[App]:
    """``com.example.app, "2.4.1", "Example"`` lines (the first is a header)."""
    apps = []
    for line in text.splitlines():
        bundle, _, rest = line.partition(",")
        bundle = bundle.strip()
        if not androidtext.BUNDLE_RE.match(bundle) or bundle == "CFBundleIdentifier":
            continue
        parts = [p.strip().strip('"') for p in rest.split(",")]
        apps.append(App(id=bundle, label=_printable(parts[-1]) if len(parts) >= 2 else None))
    return apps


def _pymobiledevice3(text: str) -> list[App]:
    """JSON keyed by bundle id, each with its Info.plist keys."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise CheckUnavailable("pymobiledevice3 printed something hygiene cannot read.") from None
    if not isinstance(data, dict):
        raise CheckUnavailable("pymobiledevice3 printed something hygiene cannot read.")
    apps = []
    for bundle, info in data.items():
        if not isinstance(bundle, str) or not androidtext.BUNDLE_RE.match(bundle):
            continue
        label = None
        if isinstance(info, dict):
            name = info.get("CFBundleDisplayName") or info.get("CFBundleName")
            label = _printable(name) if isinstance(name, str) else None
        apps.append(App(id=bundle, label=label))
    return apps


def _printable(name: str) -> str | None:
    """An app's name as the phone gave it, without control or direction-changing characters."""
    return "".join(ch for ch in name if ch.isprintable())[:80] or None
