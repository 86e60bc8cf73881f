"""`hygiene phone check --adb` against a stand-in `adb` on PATH that records every command
line it is given and replays what a phone prints: only read-only commands ever run."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from phone_support import STALKER_ID, Phone, Pkg

from hygiene.phone.adb import READ_ONLY

STAND_IN = f"""#!{sys.executable}
import json, os, sys
args = sys.argv[1:]
with open(os.environ["ADB_LOG"], "a") as log:
    log.write(json.dumps(args) + "\\n")
replies = json.load(open(os.environ["ADB_REPLIES"]))
reply = replies.get(" ".join(args))
if reply is None:
    sys.stderr.write("unknown command\\n")
    sys.exit(1)
sys.stdout.write(reply["out"])
sys.exit(reply.get("rc", 0))
"""


def replies_for(phone: Phone, devices: str = "R58M123ABC\tdevice") -> dict[str, dict[str, object]]:
    replies: dict[str, dict[str, object]] = {
        "devices": {"out": f"List of devices attached\n{devices}\n\n"},
        "shell pm list packages -U -u -i": {"out": phone.pm_list()},
        "shell pm list packages -s": {"out": phone.pm_list("-s")},
        "shell pm list packages -d": {"out": phone.pm_list("-d")},
        "shell cmd settings list secure": {"out": phone.settings_secure()},
        "shell cmd settings list global": {"out": phone.settings_global()},
        "shell cmd settings list system": {"out": "screen_brightness=102\n"},
        "shell dumpsys accessibility": {"out": phone.accessibility_dump()},
        "shell dumpsys device_policy": {"out": phone.policy_dump()},
        "shell dpm list-owners": {"out": phone.dpm_owners()},
        "shell getprop": {"out": "[ro.product.model]: [Pixel 7]\n"},
    }
    for app in phone.apps:
        replies[f"shell dumpsys package {app.name}"] = {"out": phone.package_dump(app.name)}
    return replies


@pytest.fixture
def fake_adb(tmp_path, monkeypatch):
    """Install the stand-in and return (write the replies, read the command lines)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    adb = bin_dir / "adb"
    adb.write_text(STAND_IN)
    adb.chmod(adb.stat().st_mode | stat.S_IXUSR)
    log, replies = tmp_path / "adb.log", tmp_path / "replies.json"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("ADB_LOG", str(log))
    monkeypatch.setenv("ADB_REPLIES", str(replies))

    def setup(data: dict[str, dict[str, object]]) -> None:
        replies.write_text(json.dumps(data))

    def commands() -> list[list[str]]:
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    return setup, commands


def read_only(args: list[str]) -> bool:
    for allowed in READ_ONLY:
        if len(allowed) == len(args) and all(
            a == b or (a == "{package}" and b) for a, b in zip(allowed, args, strict=True)
        ):
            return True
    return False


def test_only_read_only_commands_run_and_stalkerware_is_found(cli, fake_adb, tmp_path):
    setup, commands = fake_adb
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", launcher=False))
    phone.accessibility = [f"{STALKER_ID}/.Sync"]
    setup(replies_for(phone))

    result = cli("phone", "check", "--adb")

    assert result.exit_code == 1
    assert f"Known stalkerware on the phone: TheTruthSpy ({STALKER_ID})" in result.stdout
    assert "Allow USB debugging?" in result.stdout and "nothing is installed" in result.stdout
    assert "turn USB debugging off again" in result.stdout
    assert "only app ids are compared" in result.stdout
    ran = commands()
    assert ran[0] == ["devices"]
    assert all(read_only(args) for args in ran), ran
    flat = " ".join(" ".join(args) for args in ran)
    for word in ("install", "uninstall", "pull", "push", "clear", "put", "rm ", "reboot"):
        assert f" {word}" not in f" {flat}".replace("-i", "")
    # Only apps that did not come with the phone are asked about one by one.
    asked = [args[-1] for args in ran if args[:3] == ["shell", "dumpsys", "package"]]
    assert sorted(asked) == sorted(a.name for a in phone.apps if not a.system)


def test_the_commands_are_exactly_these(cli, fake_adb):
    setup, commands = fake_adb
    phone = Phone()
    setup(replies_for(phone))
    result = cli("phone", "check", "--adb", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"].endswith("does not mean the phone is clean.")
    assert commands() == [
        ["devices"],
        ["shell", "pm", "list", "packages", "-U", "-u", "-i"],
        ["shell", "pm", "list", "packages", "-s"],
        ["shell", "pm", "list", "packages", "-d"],
        ["shell", "cmd", "settings", "list", "secure"],
        ["shell", "cmd", "settings", "list", "global"],
        ["shell", "cmd", "settings", "list", "system"],
        ["shell", "dumpsys", "accessibility"],
        ["shell", "dumpsys", "device_policy"],
        ["shell", "dpm", "list-owners"],
        ["shell", "getprop"],
        *[["shell", "dumpsys", "package", a.name] for a in phone.apps if not a.system],
    ]


def test_without_the_installer_flag_the_list_is_read_again_without_it(cli, fake_adb):
    setup, commands = fake_adb
    phone = Phone()
    phone.apps.append(Pkg("com.example.sync", installer="null"))
    phone.listeners = ["com.example.sync/.N"]
    replies = replies_for(phone)
    del replies["shell pm list packages -U -u -i"]
    replies["shell pm list packages -U -u"] = {"out": phone.pm_list("")}
    setup(replies)
    result = cli("phone", "check", "--adb", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert ["shell", "pm", "list", "packages", "-U", "-u"] in commands()
    sync = next(f for f in data["findings"] if f["subject"] == "com.example.sync")
    assert "installed by hand" in sync["why"]  # read from dumpsys package instead


@pytest.mark.parametrize(
    ("devices", "code", "words"),
    [
        ("", 3, "No phone is connected"),
        ("R58M123ABC\tunauthorized", 3, "has not allowed this computer"),
        ("R58M123ABC\toffline", 3, "not ready"),
        ("A\tdevice\nB\tdevice", 2, "More than one phone"),
    ],
)
def test_a_phone_not_ready_is_unknown_never_clean(cli, fake_adb, devices, code, words):
    setup, commands = fake_adb
    setup(replies_for(Phone(), devices=devices))
    result = cli("phone", "check", "--adb")
    assert result.exit_code == code
    assert words in result.stderr
    assert "does not mean the phone is clean" not in result.stdout
    assert commands() == [["devices"]]


def test_a_phone_that_lists_no_apps_is_unknown(cli, fake_adb):
    setup, _ = fake_adb
    replies = replies_for(Phone())
    replies["shell pm list packages -U -u -i"] = {"out": ""}
    replies["shell pm list packages -U -u"] = {"out": "", "rc": 1}
    setup(replies)
    result = cli("phone", "check", "--adb")
    assert result.exit_code == 3


def test_no_adb_installed_is_unknown_with_how_to_install(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = cli("phone", "check", "--adb")
    assert result.exit_code == 3 and "adb is not installed" in result.stderr


def test_what_the_phone_printed_is_kept_as_evidence(cli, fake_adb, tmp_path):
    setup, commands = fake_adb
    phone = Phone()
    setup(replies_for(phone))
    evidence = tmp_path / "evidence"
    result = cli("phone", "check", "--adb", "--save-evidence", str(evidence))
    assert result.exit_code == 0, result.stderr
    log = (evidence / "commands.log").read_text().splitlines()
    assert len(log) == len(commands())
    assert log[1].split("\t")[1] == "adb shell pm list packages -U -u -i"
    sums = (evidence / "SHA256SUMS").read_text().splitlines()
    import hashlib

    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((evidence / name).read_bytes()).hexdigest() == digest
    assert stat.S_IMODE(evidence.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in evidence.iterdir())
    # An existing folder with files is never mixed with.
    again = cli("phone", "check", "--adb", "--save-evidence", str(evidence))
    assert again.exit_code == 2 and "not an empty folder" in again.stderr


def test_save_evidence_goes_with_adb_only(cli, tmp_path):
    folder = Phone().write(tmp_path / "acq")
    result = cli("phone", "check", str(folder), "--save-evidence", str(tmp_path / "e"))
    assert result.exit_code == 2
    assert not Path(tmp_path / "e").exists()
