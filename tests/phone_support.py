"""Phones made up for the tests: androidqf collections written the way androidqf writes
them (the layout in the project's reference on devices), and the text a phone prints."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# An id and a signing key from the shipped stalkerware list (TheTruthSpy), and a
# watchware app (FamiSafe).
STALKER_ID = "com.ispyoo.traceyou"
STALKER_KEY = "31A6ECECD97CF39BC4126B8745CD94A7C30BF81C"
WATCH_ID = "com.wondershare.famisafe"
PLAY = "com.android.vending"


@dataclass
class Pkg:
    name: str
    installer: str = PLAY
    system: bool = False
    disabled: bool = False
    key: str = ""  # signing-key SHA-1, lower case as androidqf writes it; "" = not pulled
    launcher: bool = True

    def entry(self) -> dict[str, object]:
        cert = {
            "Md5": "",
            "Sha1": self.key.lower(),
            "Sha256": "",
            "ValidFrom": "0001-01-01T00:00:00Z",
            "ValidTo": "0001-01-01T00:00:00Z",
            "Issuer": "CN=Example" if self.key else "",
            "Subject": "CN=Example" if self.key else "",
            "SignatureAlgorithm": "SHA256-RSA" if self.key else "",
            "SerialNumber": 12345 if self.key else 0,
        }
        return {
            "name": self.name,
            "installer": self.installer,
            "uid": 10234,
            "disabled": self.disabled,
            "system": self.system,
            "third_party": not self.system,
            "files": [
                {
                    "path": f"/data/app/~~Ab==/{self.name}-Xy==/base.apk",
                    "local_name": "",
                    "md5": "",
                    "sha1": "",
                    "sha256": "",
                    "sha512": "",
                    "error": "",
                    "verified_certificate": bool(self.key),
                    "certificate_error": "",
                    "trusted_certificate": False,
                    "certificate": cert,
                }
            ],
        }


BASE_APPS = [
    Pkg("com.android.settings", installer="null", system=True),
    Pkg("com.google.android.gms", installer=PLAY, system=True),
    Pkg("com.android.systemui", installer="null", system=True, launcher=False),
    Pkg("com.whatsapp"),
    Pkg("org.mozilla.firefox"),
]


@dataclass
class Phone:
    apps: list[Pkg] = field(default_factory=lambda: list(BASE_APPS))
    accessibility: list[str] = field(default_factory=list)  # "pkg/.Service"
    listeners: list[str] = field(default_factory=list)
    admins: list[str] = field(default_factory=list)  # "pkg/.Receiver"
    owner: str | None = None
    verifier: str = "1"
    root_binaries: list[str] = field(default_factory=list)

    def settings_secure(self) -> str:
        lines = [
            "android_id=5f2e1d0c9b8a7f6e",
            f"enabled_accessibility_services={':'.join(self.accessibility) or 'null'}",
            f"enabled_notification_listeners={':'.join(self.listeners)}",
            "accessibility_enabled=" + ("1" if self.accessibility else "0"),
            "install_non_market_apps=1",
        ]
        return "\n".join(lines) + "\n"

    def settings_global(self) -> str:
        return (
            "adb_enabled=1\n"
            f"package_verifier_enable={self.verifier}\n"
            "verifier_verify_adb_installs=1\n"
            "upload_apk_enable=1\n"
        )

    def package_dump(self, only: str | None = None) -> str:
        """``dumpsys package`` text: the activity resolver table and each package block."""
        lines = [
            "Activity Resolver Table:",
            "  Non-Data Actions:",
            "      android.intent.action.MAIN:",
        ]
        for number, app in enumerate(self.apps):
            if only and app.name != only:
                continue
            lines.append(
                f"        {number + 0x4F2A1C:x} {app.name}/.MainActivity"
                f" filter {number + 0x8B1E2D:x}"
            )
            lines.append('          Action: "android.intent.action.MAIN"')
            category = "LAUNCHER" if app.launcher else "DEFAULT"
            lines.append(f'          Category: "android.intent.category.{category}"')
        lines.append("")
        lines.append("Packages:")
        for app in self.apps:
            if only and app.name != only:
                continue
            lines += [
                f"  Package [{app.name}] (4f2a1c):",
                "    userId=10234",
                f"    installerPackageName={app.installer}",
                "    firstInstallTime=2024-03-02 21:14:09",
                "    flags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]",
            ]
        return "\n".join(lines) + "\n"

    def accessibility_dump(self) -> str:
        enabled = ", ".join("{" + c + "}" for c in self.accessibility)
        head = "ACCESSIBILITY MANAGER (dumpsys accessibility)\n\nUser state[\n"
        return f"{head}  Enabled services:{{{enabled}}}\n]\n"

    def policy_dump(self) -> str:
        lines = ["Current Device Policy Manager state:"]
        if self.owner:
            pkg = self.owner.split("/")[0]
            lines += [
                "  Device Owner: ",
                f"    admin=ComponentInfo{{{self.owner.replace('/.', '/' + pkg + '.')}}}",
                "    name=",
                f"    package={pkg}",
                "",
            ]
        lines.append("  Enabled Device Admins (User 0, provisioningState: 3):")
        for admin in self.admins:
            lines += [f"    {admin}:", "      uid=10234", "      testOnlyAdmin=false"]
        lines.append("  Constants:")
        lines.append("    DAS_DIED_SERVICE_RECONNECT_BACKOFF_SEC: 3600")
        return "\n".join(lines) + "\n"

    def dpm_owners(self) -> str:
        if not self.owner:
            return "no owners\n"
        return f"User 0: admin={self.owner},DeviceOwner\n"

    def pm_list(self, flag: str = "") -> str:
        lines = []
        for app in self.apps:
            if (flag == "-s" and not app.system) or (flag == "-d" and not app.disabled):
                continue
            if flag:
                lines.append(f"package:{app.name}")
            else:
                lines.append(f"package:{app.name} installer={app.installer} uid:10234")
        return "\n".join(lines) + "\n"

    def write(self, folder: Path) -> Path:
        """The androidqf output folder for this phone."""
        folder.mkdir(parents=True)
        (folder / "acquisition.json").write_text(
            json.dumps(
                {
                    "uuid": folder.name,
                    "androidqf_version": "v1.7.0",
                    "storage_path": str(folder),
                    "started": "2026-11-30T10:02:11Z",
                    "completed": "2026-11-30T10:09:40Z",
                    "collector": None,
                    "tmp_dir": "/data/local/tmp/",
                    "sdcard": "/sdcard/",
                    "cpu": "arm64-v8a",
                    "streaming_mode": False,
                },
                indent=1,
            )
        )
        (folder / "packages.json").write_text(json.dumps([a.entry() for a in self.apps], indent=4))
        (folder / "settings_secure.txt").write_text(self.settings_secure())
        (folder / "settings_global.txt").write_text(self.settings_global())
        (folder / "settings_system.txt").write_text("screen_brightness=102\n")
        (folder / "getprop.txt").write_text("[ro.build.version.security_patch]: [2024-01-05]\n")
        (folder / "root_binaries.json").write_text(json.dumps(self.root_binaries, indent=4))
        (folder / "dumpsys.txt").write_text(
            "DUMP OF SERVICE accessibility:\n"
            + self.accessibility_dump()
            + "DUMP OF SERVICE device_policy:\n"
            + self.policy_dump()
            + "DUMP OF SERVICE package:\n"
            + self.package_dump()
            + "DUMP OF SERVICE wifi:\nWi-Fi is enabled\n"
        )
        (folder / "processes.txt").write_text("USER PID PPID VSZ RSS WCHAN ADDR S NAME\n")
        return folder


def zip_folder(folder: Path, target: Path, *, inside: bool = True) -> Path:
    """A zip of an androidqf folder, with the folder itself at the top (as a worker zips it)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent if inside else folder)
            archive.write(path, str(name))
    return target
