"""Devices in the inventory: who has held them, what they open, and the tracker steps."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.accounts.check import check_inventory
from hygiene.accounts.graph import analyse, build_graph
from hygiene.accounts.inventory import dump_inventory, load_inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.trackers import TRACKER_ALERTS

ACCOUNTS = """\
[[account]]
label = "Personal Gmail"
provider = "google"
category = "email"
login = "jen@example.com"
password_known_to_them = "no"
unknown_sessions = "no"
two_factor = ["key"]

[[account]]
label = "Bank"
provider = "uk_bank"
category = "financial"
recovery_emails = ["jen@example.com"]
password_known_to_them = "no"
unknown_sessions = "no"
two_factor = ["key"]
"""


def write(tmp_path: Path, devices: str) -> Path:
    path = tmp_path / "accounts.toml"
    path.write_text(ACCOUNTS + devices)
    return path


def test_a_phone_they_held_opens_its_accounts_and_the_chains_beyond(cli, tmp_path):
    path = write(
        tmp_path,
        '[[device]]\nlabel = "Old iPhone"\nkind = "phone"\nheld_by_them = "yes"\n'
        'pin_known_to_them = "no"\nsigned_in = ["personal_gmail"]\n',
    )
    result = cli("accounts", "check", str(path), "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    chains = {r["account_id"]: r for r in data["reachable"]}
    assert chains["bank"]["chain"] == [
        "Old iPhone",
        "Personal Gmail (jen@example.com)",
        "Bank",
    ]
    assert chains["bank"]["certain"] is True
    assert "signed in on Old iPhone, which they have held" in chains["bank"]["explanation"]
    device = next(f for f in data["findings"] if f["id"] == "device_open_to_them")
    assert device["topic"] == "devices" and device["severity"] == "urgent"
    assert "2 accounts: Personal Gmail (signed in on it) and, through it, Bank" in device["why"]
    assert "keep evidence first" in device["safety"].lower()
    assert "abuser" not in json.dumps(device)


def test_a_device_nobody_has_answered_for_may_open_its_accounts(cli, tmp_path):
    path = write(
        tmp_path, '[[device]]\nlabel = "Laptop"\nkind = "computer"\nsigned_in = ["bank"]\n'
    )
    data = json.loads(cli("accounts", "check", str(path), "--json").stdout)
    [reach] = data["reachable"]
    assert reach["account_id"] == "bank" and reach["certain"] is False
    assert "nobody has said" in reach["explanation"]


def test_a_device_they_pay_for_may_be_managed_through_their_account():
    inv = load_inventory_text(
        '[[device]]\nlabel = "Work phone"\nkind = "phone"\npaid_by = "them"\n'
        'held_by_them = "no"\npin_known_to_them = "no"\nsigned_in = ["bank"]\n'
    )
    [reach] = analyse(build_graph(inv)).reachable
    assert not reach.certain


def test_a_device_only_they_never_held_opens_nothing():
    inv = load_inventory_text(
        '[[device]]\nlabel = "New phone"\nkind = "phone"\nbought_by = "self"\npaid_by = "self"\n'
        'held_by_them = "no"\npin_known_to_them = "no"\nsigned_in = ["bank", "personal_gmail"]\n'
    )
    result = check_inventory(inv, shipped_catalogue())
    assert result.analysis.reachable == ()
    assert not [f for f in result.findings if f.id == "device_open_to_them"]


def test_the_codes_app_on_a_device_entry_is_that_device():
    inv = load_inventory_text(
        '[[device]]\nlabel = "Old iPad"\nkind = "tablet"\nheld_by_them = "yes"\n',
        two_factor='["app:old ipad"]',
    )
    result = check_inventory(inv)
    nodes = [n for n in result.analysis.graph.nodes.values() if n.kind == "device"]
    assert [(n.label, n.held) for n in nodes] == [("Old iPad", True)]
    reach = result.analysis.reach_of("personal_gmail")
    assert reach is not None and reach.certain
    assert "which they have held" in result.sentences["personal_gmail"]


def test_trackers_and_the_car_are_steps_in_the_plan(cli, tmp_path):
    path = write(
        tmp_path,
        '[[device]]\nlabel = "Car"\nkind = "car"\nbought_by = "them"\n',
    )
    data = json.loads(cli("accounts", "check", str(path), "--json").stdout)
    by_id = {f["id"]: f for f in data["findings"]}
    assert by_id["car_tracker_check"]["severity"] == "high"
    car_fix = by_id["car_tracker_check"]["fix"]
    assert "GPS tracking device" in car_fix and "taxi or bus" in car_fix
    alerts = by_id["tracker_alerts_check"]
    assert "Unknown tracker alerts" in alerts["fix"] and "AirTag" in alerts["fix"]
    trackers = shipped_catalogue().get("trackers")
    assert trackers is not None
    unconfirmed = any(i.unconfirmed for i in trackers.items if i.id in TRACKER_ALERTS)
    assert ("not confirmed" in alerts["fix"]) == unconfirmed
    assert "Keep evidence first" in alerts["safety"]
    assert by_id["device_open_to_them"]["why"].endswith("its app, its account or a key.")


def test_no_devices_no_device_steps(cli, tmp_path):
    data = json.loads(cli("accounts", "check", str(write(tmp_path, "")), "--json").stdout)
    assert not [f for f in data["findings"] if f["topic"] == "devices"]


def test_device_mistakes_are_listed_at_once_with_their_lines(cli, tmp_path):
    path = write(
        tmp_path,
        '[[device]]\nlabel = "Old iPhone"\nkind = "spaceship"\nsigned_in = ["gmail"]\n'
        '[[device]]\nlabel = "Old iPhone"\nheld_by_them = "often"\n',
    )
    result = cli("accounts", "check", str(path))
    assert result.exit_code == 2
    err = result.stderr
    assert "'gmail' is not the id of an account" in err
    assert "another device has the same id" in err
    assert "device[1].kind" in err and "device[2].held_by_them" in err
    assert err.count("error:") == 4


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "label": st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,15}", fullmatch=True),
                "kind": st.sampled_from(["phone", "car", "other"]),
                "bought_by": st.sampled_from(["self", "them", "shared", "unknown"]),
                "held_by_them": st.sampled_from(["yes", "no", "maybe"]),
                "signed_in": st.lists(st.sampled_from(["bank", "personal_gmail"]), unique=True),
            }
        ),
        max_size=4,
        unique_by=lambda d: d["label"].strip().lower(),
    )
)
def test_devices_round_trip_through_the_written_file(tmp_path_factory, devices):
    from hygiene.accounts.inventory import Inventory, slug

    devices = [d for d in devices if slug(d["label"])]
    ids = [slug(d["label"]) for d in devices]
    if len(set(ids)) != len(ids):
        return
    inv = Inventory.model_validate(
        {**load_inventory_text("").model_dump(by_alias=True), "device": devices}
    )
    path = tmp_path_factory.mktemp("inv") / "accounts.toml"
    path.write_text(dump_inventory(inv))
    again = load_inventory(path)
    assert again.devices == inv.devices


def load_inventory_text(devices: str, two_factor: str = '["key"]'):
    import tempfile

    text = ACCOUNTS.replace('two_factor = ["key"]', f"two_factor = {two_factor}", 1)
    if two_factor != '["key"]':  # the codes matter only with a password they know
        text = text.replace('password_known_to_them = "no"', 'password_known_to_them = "yes"', 1)
    text += devices
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "accounts.toml"
        path.write_text(text)
        return load_inventory(path)
