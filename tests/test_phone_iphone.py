"""`hygiene phone check --iphone` with stand-in ideviceinstaller / pymobiledevice3 on PATH."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest


def stand_in(tmp_path, monkeypatch, name: str, out: str, rc: int = 0) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    tool = bin_dir / name
    tool.write_text(f"#!{sys.executable}\nimport sys\nsys.stdout.write({out!r})\nsys.exit({rc})\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")


def test_a_watchware_bundle_is_found_and_the_limits_are_said(cli, tmp_path, monkeypatch):
    stand_in(
        tmp_path,
        monkeypatch,
        "ideviceinstaller",
        "CFBundleIdentifier, CFBundleShortVersionString, CFBundleDisplayName\n"
        'com.life360.safetymap, "24.1.0", "Life360"\n'
        'com.apple.Pages, "14.0", "Pages"\n'
        'com.example.mail, "1.0", "\x1b]0;owned\x07Mail\u202e"\n',
    )
    result = cli("phone", "check", "--iphone")
    assert result.exit_code == 1
    assert "A monitoring app is on the phone: Life360 (com.life360.safetymap)" in result.stdout
    assert "cannot see the most common way in" in result.stdout and "iCloud" in result.stdout
    assert "Trust This Computer?" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_pymobiledevice3_json_is_read_when_ideviceinstaller_is_missing(cli, tmp_path, monkeypatch):
    apps = {
        "com.example.notes": {"CFBundleDisplayName": "Notes"},
        "com.spyapp.x": {"CFBundleName": "Hidden"},
    }
    stand_in(tmp_path, monkeypatch, "pymobiledevice3", json.dumps(apps))
    result = cli("phone", "check", "--iphone", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [f["subject"] for f in data["findings"]] == ["com.spyapp.x"]
    assert data["platform"] == "iphone" and data["not_checked"] == []


@pytest.mark.parametrize(("out", "rc"), [("", 0), ("", 1)])
def test_an_iphone_that_lists_nothing_is_unknown(cli, tmp_path, monkeypatch, out, rc):
    stand_in(tmp_path, monkeypatch, "ideviceinstaller", out, rc)
    result = cli("phone", "check", "--iphone")
    assert result.exit_code == 3
    assert "does not mean the phone is clean" not in result.stdout


def test_no_iphone_tool_is_unknown(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = cli("phone", "check", "--iphone")
    assert result.exit_code == 3 and "ideviceinstaller" in result.stderr
