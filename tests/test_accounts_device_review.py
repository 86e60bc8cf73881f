"""The devices review through the prompt seam: what is asked, what is kept, and leaving."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from scripted import ScriptedPrompter

from hygiene.accounts.check import check_inventory
from hygiene.accounts.device_review import KINDS, review_devices
from hygiene.accounts.devices import DeviceKind
from hygiene.accounts.inventory import Account, Inventory, load_inventory, save_inventory
from hygiene.errors import Interrupted

PHONE, CAR, DONE = "1", "5", "8"
OLD_IPHONE = [
    PHONE,
    "",
    "Old iPhone",  # a name is asked again until one is given
    "2",
    "2",  # bought by them, paid by them
    "1",
    "1",  # they know the PIN; they have held it
    "1, 2, 9",
    "2,1,1",  # 9 is not an account: asked again; repeats are kept once
]


def inventory() -> Inventory:
    return Inventory(
        account=[
            Account(
                id="gmail",
                label="Gmail",
                category="email",
                login="sam@example.org",
                password_known_to_them="no",
                unknown_sessions="no",
            ),
            Account(
                id="bank",
                label="Bank",
                password_known_to_them="no",
                unknown_sessions="no",
                two_factor=["key"],
            ),
        ]
    )


def test_every_kind_of_device_can_be_chosen():
    assert {kind for _, kind in KINDS} == set(get_args(DeviceKind))


def test_a_device_is_recorded_and_kept_after_each(tmp_path: Path):
    inv = inventory()
    kept: list[int] = []
    prompter = ScriptedPrompter([*OLD_IPHONE, CAR, "Car", "3", "3", "2", "3", DONE])
    review_devices(prompter, inv, lambda inv, device: kept.append(len(inv.devices)))
    assert prompter.unused == [] and kept == [1, 2]
    phone, car = inv.devices
    assert (phone.id, phone.kind, phone.bought_by, phone.paid_by) == (
        "old_iphone",
        "phone",
        "them",
        "them",
    )
    assert (phone.pin_known_to_them, phone.held_by_them) == ("yes", "yes")
    assert phone.signed_in == ["bank", "gmail"]
    assert (car.kind, car.bought_by, car.pin_known_to_them, car.held_by_them, car.signed_in) == (
        "car",
        "shared",
        "no",
        "maybe",
        [],
    )
    text = " ".join(prompter.transcript)
    assert "nothing on the device is changed" in text
    assert "Please type numbers from 1 to 2" in text
    result = check_inventory(inv)
    assert {r.account for r in result.analysis.reachable} == {"gmail", "bank"}


def test_leaving_keeps_the_devices_already_saved(tmp_path: Path):
    path = tmp_path / "accounts.toml"
    inv = inventory()
    prompter = ScriptedPrompter([*OLD_IPHONE, PHONE, "New phone", "<quit>"])
    with pytest.raises(Interrupted):
        review_devices(prompter, inv, lambda inv, device: save_inventory(inv, path))
    assert [d.label for d in load_inventory(path).devices] == ["Old iPhone"]


def test_the_same_name_twice_is_asked_again():
    inv = inventory()
    prompter = ScriptedPrompter(
        [*OLD_IPHONE, PHONE, "old iphone", "Old iPhone 2", "1", "1", "2", "2", "", DONE]
    )
    review_devices(prompter, inv, lambda inv, device: None)
    assert [d.id for d in inv.devices] == ["old_iphone", "old_iphone_2"]
    assert "different from the devices already listed" in " ".join(prompter.transcript)
