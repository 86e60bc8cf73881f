"""`hygiene phone check` on androidqf collections: the lists, the signs, the refusals."""

from __future__ import annotations

import json
import os
import struct
import zipfile

import pytest
from phone_support import (
    STALKER_ID,
    STALKER_KEY,
    WATCH_ID,
    Phone,
    Pkg,
    zip_folder,
)

NOTHING = "No known stalkerware found; this does not mean the phone is clean."


def run_json(cli, *args: str):
    result = cli("phone", "check", *args, "--json")
    return result, json.loads(result.stdout) if result.stdout.strip() else None


def ids(data) -> list[str]:
    return [f["id"] for f in data["findings"]]


def test_a_known_stalkerware_app_is_urgent_and_says_keep_evidence_first(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", key=STALKER_KEY, launcher=False))
    phone.accessibility = [f"{STALKER_ID}/.Sync"]
    folder = phone.write(tmp_path / "3f1c2a9e-acq")

    result = cli("phone", "check", str(folder))

    assert result.exit_code == 1
    out = result.stdout
    assert f"[URGENT] Known stalkerware on the phone: TheTruthSpy ({STALKER_ID})" in out
    assert "signed with the same key" in out and "strong sign" in out
    assert "can alert the person who installed it" in out and "destroy evidence" in out
    assert "talk to an advocate or the police" in out
    assert "Do not remove it yet" in out and "When it is safe to remove" in out
    assert "Its accessibility service is on" in out  # the signs it also shows
    assert "CC BY 4.0" in out and "a04c5c1958bff93fec3b1b56edbb412b209f2a38" in out
    assert NOTHING not in out


def test_a_renamed_app_signed_with_a_known_key_still_matches(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg("com.android.battery.helper", installer="null", key=STALKER_KEY))
    result, data = run_json(cli, str(phone.write(tmp_path / "acq")))
    assert result.exit_code == 1
    assert ids(data) == ["phone_known_stalkerware"]
    assert data["findings"][0]["severity"] == "urgent"


def test_a_generic_id_without_its_key_is_only_a_possible_match(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg("com.fone", installer="null"))
    _, data = run_json(cli, str(phone.write(tmp_path / "acq")))
    finding = data["findings"][0]
    assert finding["id"] == "phone_known_stalkerware"
    assert "possible sign" in finding["why"] and "shared by an unrelated app" in finding["why"]


def test_a_known_id_signed_by_another_key_says_it_may_be_unrelated(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", key="ab" * 20))
    _, data = run_json(cli, str(phone.write(tmp_path / "acq")))
    assert "signed with a different key" in data["findings"][0]["why"]
    assert "possible sign" in data["findings"][0]["why"]


def test_a_watchware_app_is_reported_apart_as_a_monitoring_app(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg(WATCH_ID))
    result = cli("phone", "check", str(phone.write(tmp_path / "acq")))
    assert result.exit_code == 1
    assert "[HIGH] A monitoring app is on the phone: FamiSafe" in result.stdout
    assert "may be there for a good reason" in result.stdout
    assert "No known stalkerware found, but there are things to look at" in result.stdout
    assert "Known stalkerware on the phone" not in result.stdout


def test_signs_alone_are_labelled_with_how_sure_each_is(cli, tmp_path):
    phone = Phone(verifier="0")
    app = "com.example.syncservice"
    phone.apps.append(Pkg(app, installer="com.google.android.packageinstaller", launcher=False))
    phone.accessibility = [f"{app}/.Helper"]
    phone.listeners = [f"{app}/.Notes"]
    phone.admins = [f"{app}/.Admin"]
    phone.apps.append(Pkg("com.example.parceltracker", installer="com.android.vending"))
    result, data = run_json(cli, str(phone.write(tmp_path / "acq")))

    assert result.exit_code == 1
    by_subject = {f["subject"]: f for f in data["findings"]}
    sync = by_subject[app]
    assert sync["id"] == "phone_app_signs" and sync["severity"] == "high"
    for words in (
        "installed by hand from a downloaded file, not from an app store (possible sign",
        "accessibility service is on",
        "reads every notification",
        "device administrator",
        "no icon in the list of apps (weak sign",
    ):
        assert words in sync["why"]
    assert "it may be innocent" in sync["why"]
    tracker = by_subject["com.example.parceltracker"]
    assert tracker["severity"] == "low" and "spying or tracking (weak sign" in tracker["why"]
    scanning = by_subject["the phone"]
    assert scanning["id"] == "phone_app_scanning_off"
    assert "package_verifier_enable" in scanning["why"]
    assert not [f for f in data["findings"] if f["id"] == "phone_known_stalkerware"]
    assert data["summary"].endswith("this does not mean the phone is clean.")


def test_a_device_owner_and_root_are_strong_signs(cli, tmp_path):
    phone = Phone(owner="com.example.mdm/.Admin", root_binaries=["/system/xbin/su"])
    phone.apps.append(Pkg("com.example.mdm", installer="null"))
    _, data = run_json(cli, str(phone.write(tmp_path / "acq")))
    by_id = {f["id"]: f for f in data["findings"]}
    assert "controls the whole phone" in by_id["phone_app_signs"]["why"]
    assert by_id["phone_app_signs"]["severity"] == "high"
    assert by_id["phone_rooted"]["severity"] == "high"


def test_a_clean_phone_is_never_called_clean(cli, tmp_path):
    folder = Phone().write(tmp_path / "acq")
    result = cli("phone", "check", str(folder))
    assert result.exit_code == 0
    assert NOTHING in result.stdout
    assert "Other ways in do not show up here" in result.stdout
    assert "Signing keys were not in the collection" in result.stdout


def test_a_collection_missing_parts_says_what_was_not_checked_and_exits_unknown(cli, tmp_path):
    folder = Phone().write(tmp_path / "acq")
    (folder / "dumpsys.txt").unlink()
    (folder / "root_binaries.json").unlink()
    result, data = run_json(cli, str(folder))
    assert result.exit_code == 3
    assert "which apps are device administrators or owners" in data["not_checked"]
    assert "whether the phone is rooted" in data["not_checked"]
    assert data["summary"] == NOTHING


def test_a_zip_of_the_folder_reads_the_same_as_the_folder(cli, tmp_path):
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", key=STALKER_KEY))
    folder = phone.write(tmp_path / "src" / "acq")
    for inside in (True, False):
        archive = zip_folder(folder, tmp_path / f"acq-{inside}.zip", inside=inside)
        _, from_zip = run_json(cli, str(archive))
        _, from_folder = run_json(cli, str(folder))
        assert from_zip["findings"] == from_folder["findings"]
        assert ids(from_zip) == ["phone_known_stalkerware"]


def test_the_parent_folder_of_one_collection_is_accepted(cli, tmp_path):
    Phone().write(tmp_path / "out" / "3f1c")
    result = cli("phone", "check", str(tmp_path / "out"))
    assert result.exit_code == 0


def test_reading_a_collection_writes_nothing_anywhere(cli, tmp_path, monkeypatch):
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", key=STALKER_KEY))
    folder = phone.write(tmp_path / "evidence" / "acq")
    archive = zip_folder(folder, tmp_path / "evidence" / "acq.zip")
    home = tmp_path / "home"
    home.mkdir()
    for name in (
        "HOME",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
        "TMPDIR",
    ):
        monkeypatch.setenv(name, str(home))
    monkeypatch.chdir(home)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    for target in (folder, archive):
        assert cli("phone", "check", str(target)).exit_code == 1
        assert cli("phone", "check", str(target), "--json").exit_code == 1
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    assert after == before


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (
            lambda f: (f / "packages.json").write_text('[{"name": "com.a", "installer": '),
            "packages.json is damaged",
        ),
        (lambda f: (f / "packages.json").write_text("[]"), "lists no apps"),
        (lambda f: (f / "packages.json").write_text('{"name": "x"}'), "packages.json is damaged"),
        (
            lambda f: (f / "packages.json").write_text('[{"name": "com.a; rm -rf /"}]'),
            "packages.json is damaged",
        ),
        (lambda f: (f / "packages.json").unlink(), "did not finish"),
        (lambda f: (f / "root_binaries.json").write_text("{{"), "root_binaries.json is damaged"),
    ],
)
def test_a_damaged_collection_is_refused_plainly(cli, tmp_path, damage, words):
    folder = Phone().write(tmp_path / "acq")
    damage(folder)
    result = cli("phone", "check", str(folder))
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr and NOTHING not in result.stdout


def test_a_folder_that_is_no_collection_is_refused(cli, tmp_path):
    (tmp_path / "photos").mkdir()
    result = cli("phone", "check", str(tmp_path / "photos"))
    assert result.exit_code == 2 and "not an androidqf collection" in result.stderr


def test_an_encrypted_collection_is_refused_with_how_to_decrypt(cli, tmp_path):
    age = tmp_path / "3f1c.zip.age"
    age.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\nxyz\n")
    result = cli("phone", "check", str(age))
    assert result.exit_code == 2
    assert "encrypted androidqf collection" in result.stderr and "age --decrypt" in result.stderr


def test_a_password_protected_zip_is_refused(cli, tmp_path):
    archive = zip_folder(Phone().write(tmp_path / "acq"), tmp_path / "acq.zip")
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            flags = struct.unpack_from("<H", data, start + offset)[0]
            struct.pack_into("<H", data, start + offset, flags | 1)
            start += 4
    archive.write_bytes(bytes(data))
    result = cli("phone", "check", str(archive))
    assert result.exit_code == 2 and "password-protected zip" in result.stderr


def test_a_damaged_zip_is_refused(cli, tmp_path):
    archive = zip_folder(Phone().write(tmp_path / "acq"), tmp_path / "acq.zip")
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(archive.read_bytes()[:300])
    result = cli("phone", "check", str(truncated))
    assert result.exit_code == 2 and "zip is damaged" in result.stderr

    # A member whose bytes were changed fails its checksum.
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("acq/packages.json")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(archive.read_bytes())
    data[start + 10] ^= 0xFF
    archive.write_bytes(bytes(data))
    result = cli("phone", "check", str(archive))
    assert result.exit_code == 2 and "damaged" in result.stderr


def test_one_source_is_asked_for(cli, tmp_path):
    assert cli("phone", "check").exit_code == 2
    folder = Phone().write(tmp_path / "acq")
    result = cli("phone", "check", str(folder), "--adb")
    assert result.exit_code == 2 and "give one of" in result.stderr


def test_no_path_of_this_machine_or_secret_leaks_into_json(cli, tmp_path):
    _, data = run_json(cli, str(Phone().write(tmp_path / "acq")))
    assert str(tmp_path) not in json.dumps(data)
    assert os.fspath(tmp_path) not in data["source"]


def test_a_phone_check_makes_no_connection(cli, tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a phone check tried to connect")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    phone = Phone()
    phone.apps.append(Pkg(STALKER_ID, installer="null", key=STALKER_KEY))
    assert cli("phone", "check", str(phone.write(tmp_path / "acq"))).exit_code == 1
