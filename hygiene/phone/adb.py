"""A read-only look at an Android phone over USB with ``adb``.

Only the commands listed in ``READ_ONLY`` ever run, each checked against that list just
before it runs: they list apps and read settings and system state. Nothing is
installed, uninstalled, granted or changed on the phone, and no file is pulled from it.
What each command printed can be kept as evidence (``save_evidence``), with the exact
command lines, the time, and a SHA-256 of each file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hygiene.errors import CheckUnavailable, HygieneError, InputError
from hygiene.phone import androidtext
from hygiene.phone.model import App, Collection

TIMEOUT_SECONDS = 120
SETTINGS = ("secure", "global", "system")
# Every command line hygiene may send, after "adb". "{package}" is one app id from the
# phone's own list, checked to be an app id before it is put in.
READ_ONLY: tuple[tuple[str, ...], ...] = (
    ("devices",),
    ("shell", "pm", "list", "packages", "-U", "-u", "-i"),
    ("shell", "pm", "list", "packages", "-U", "-u"),
    ("shell", "pm", "list", "packages", "-s"),
    ("shell", "pm", "list", "packages", "-d"),
    *(("shell", "cmd", "settings", "list", namespace) for namespace in SETTINGS),
    ("shell", "dumpsys", "accessibility"),
    ("shell", "dumpsys", "device_policy"),
    ("shell", "dpm", "list-owners"),
    ("shell", "getprop"),
    ("shell", "dumpsys", "package", "{package}"),
)
PHONE_SHOWS = (
    "The phone must have Developer options and USB debugging turned on, be unlocked, and "
    'the first time it asks "Allow USB debugging?" for this computer: tap Allow. Nothing '
    "else appears on the phone while hygiene reads it, and nothing is installed or changed."
)
AFTERWARDS = (
    "When you are done, turn USB debugging off again and revoke this computer's permission "
    '(in Settings, under System > Developer options: "Revoke USB debugging '
    'authorisations", then turn Developer options off). Someone who checks the phone could '
    "otherwise see it was looked at. Menu names differ by phone maker and are not confirmed "
    "for yours."
)
LIMITS = (
    "Over adb hygiene sees which apps exist and what Android granted them, not other apps' "
    "data; signing keys are not read, so only app ids are compared with the lists (an "
    "androidqf collection with its APKs compares keys too), and rooting shows only as an "
    "app used to root phones.",
)


@dataclass
class AdbRun:
    """The commands that ran and what each printed, in order: the evidence."""

    outputs: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)  # args, time, out


Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[bytes]"]


def _allowed(args: Sequence[str]) -> bool:
    for allowed in READ_ONLY:
        if len(allowed) != len(args):
            continue
        pairs = zip(allowed, args, strict=True)
        if all(a == b or (a == "{package}" and androidtext.PACKAGE_RE.match(b)) for a, b in pairs):
            return True
    return False


def _run_adb(args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    adb = shutil.which("adb")
    if adb is None:
        raise CheckUnavailable(
            "adb is not installed on this computer, so the phone could not be read. "
            "Install it (on Debian or Ubuntu: sudo apt install adb), or use androidqf and "
            "check its folder."
        )
    try:
        return subprocess.run(
            [adb, *args], capture_output=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise CheckUnavailable(
            "The phone stopped answering (adb timed out). Check the cable and that the phone "
            "is unlocked, then try again."
        ) from None
    except OSError as exc:
        raise CheckUnavailable(f"adb could not be started ({exc.strerror}).") from None


class _Session:
    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.run = AdbRun()

    def __call__(self, *args: str, check: bool = True) -> str | None:
        if not _allowed(args):
            # A programming error, never reached by input: refuse rather than run it.
            raise HygieneError(f"refused to send a command that is not read-only: {args[:3]}")
        done = self.runner(args)
        text = done.stdout.decode("utf-8", "replace")
        when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.run.outputs.append((tuple(args), when, text))
        if done.returncode != 0:
            if check:
                raise CheckUnavailable(
                    f"The phone refused to answer 'adb {' '.join(args)}', so it could not be "
                    "read. Unlock it, check USB debugging is allowed, and try again."
                )
            return None
        return text


def collect(runner: Runner = _run_adb) -> tuple[Collection, AdbRun]:
    """Read the one phone connected over USB, with the read-only commands only."""
    adb = _Session(runner)
    _one_ready_phone(adb("devices") or "")
    listing = adb("shell", "pm", "list", "packages", "-U", "-u", "-i", check=False)
    if not listing or "package:" not in listing:
        listing = adb("shell", "pm", "list", "packages", "-U", "-u") or ""
    ids = [name for name, _ in androidtext.pm_packages(listing)]
    if not ids:
        raise CheckUnavailable(
            "The phone listed no apps, so it could not be checked. Unlock it and try again."
        )
    system = {n for n, _ in androidtext.pm_packages(adb("shell", "pm", "list", "packages", "-s"))}
    disabled = {n for n, _ in androidtext.pm_packages(adb("shell", "pm", "list", "packages", "-d"))}
    settings = {}
    for namespace in SETTINGS:
        text = adb("shell", "cmd", "settings", "list", namespace, check=False)
        if text is not None:
            settings[namespace] = androidtext.key_values(text)
    secure = settings.get("secure")
    a11y_dump = adb("shell", "dumpsys", "accessibility", check=False)
    if secure is not None:
        accessibility: frozenset[str] | None = androidtext.component_packages(
            secure.get("enabled_accessibility_services")
        )
        listeners: frozenset[str] | None = androidtext.component_packages(
            secure.get("enabled_notification_listeners")
        )
    else:
        listeners = None
        accessibility = (
            androidtext.enabled_accessibility(a11y_dump.splitlines()) if a11y_dump else None
        )
    policy = adb("shell", "dumpsys", "device_policy", check=False)
    owners_text = adb("shell", "dpm", "list-owners", check=False)
    admins = owners = None
    if policy is not None:
        admins, owners = androidtext.device_policy(policy.splitlines())
    if owners_text is not None:
        owners = (owners or frozenset()) | androidtext.dpm_owners(owners_text)
    adb("shell", "getprop", check=False)  # the phone's make, model and version, for the evidence
    apps: list[App] = []
    launchable: set[str] = set()
    for app_id in ids:
        installer = None
        if app_id not in system:
            dump = (adb("shell", "dumpsys", "package", app_id, check=False) or "").splitlines()
            installer = androidtext.installer_of(dump)
            launchable |= androidtext.launcher_packages(dump)
        apps.append(App(app_id, installer, system=app_id in system, disabled=app_id in disabled))
    collection = Collection(
        platform="android",
        source="the phone connected over USB (adb)",
        apps=tuple(apps),
        settings=settings,
        accessibility=accessibility,
        listeners=listeners,
        admins=admins,
        owners=owners,
        # Only third-party apps were asked about; system apps count as having an icon.
        launchable=frozenset(launchable | system),
        root_binaries_readable=False,
        limits=LIMITS,
    )
    return collection, adb.run


def _one_ready_phone(text: str) -> None:
    states = [line.split()[1] for line in text.splitlines()[1:] if len(line.split()) >= 2]
    if not states:
        raise CheckUnavailable(
            "No phone is connected over USB (adb sees none). Connect it with a data cable, "
            "unlock it, and turn on USB debugging."
        )
    if len(states) > 1:
        raise InputError("More than one phone is connected; unplug all but the one to check.")
    if states[0] == "unauthorized":
        raise CheckUnavailable(
            "The phone has not allowed this computer yet. Unlock it and tap Allow when it "
            'asks "Allow USB debugging?", then run this again.'
        )
    if states[0] != "device":
        raise CheckUnavailable(
            f"The phone is connected but not ready (adb says '{states[0][:20]}'). Unplug it, "
            "unlock it and connect it again."
        )


def save_evidence(run: AdbRun, folder: Path) -> list[Path]:
    """Each command's output as a file in a new ``folder``, a log of the exact commands and
    times, and SHA-256 sums, readable by this user alone. An existing folder with files in
    it is refused rather than mixed with."""
    from hygiene.safefile import write_private

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(
            "already exists and is not an empty folder; name a new one", source=str(folder)
        )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot be made ({exc.strerror})", source=str(folder)) from None
    written, log, sums = [], [], []
    for number, (args, when, text) in enumerate(run.outputs, start=1):
        name = f"{number:03d}-" + "-".join(a.strip("-") for a in args if a != "shell")[:80] + ".txt"
        data = text.encode("utf-8")
        write_private(folder / name, data)
        written.append(folder / name)
        log.append(f"{when}\tadb {' '.join(args)}\t{name}")
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}")
    for name, lines in (("commands.log", log), ("SHA256SUMS", sums)):
        write_private(folder / name, ("\n".join(lines) + "\n").encode("utf-8"))
        written.append(folder / name)
    return written
