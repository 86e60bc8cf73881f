"""A device recorded in a meeting reaches the chains and the plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripted import ScriptedPrompter
from test_session_flow import ACCOUNTS, EMAIL_PLAN, FINISH, KEEP, LOG, SAFE, SIGNS

from hygiene.breach.builtin import BuiltinSource
from hygiene.session import run_session
from hygiene.vault import Vault

OLD_IPHONE = ["1", "Old iPhone", "2", "2", "1", "1", "1", "8"]  # held by them; Gmail on it


@pytest.fixture
def home(memory_home: Path) -> Path:
    return memory_home


def test_a_phone_they_held_is_in_the_chains_and_the_plan(home: Path, cli) -> None:
    assert ACCOUNTS[-1] == "8"
    answers = [*SAFE, *KEEP, *SIGNS, "", "", *ACCOUNTS[:-1], *OLD_IPHONE, *LOG, *EMAIL_PLAN]
    prompter = ScriptedPrompter([*answers, *FINISH])
    run_session(prompter, breach=BuiltinSource())
    assert prompter.unused == []
    said = "\n".join(prompter.transcript)
    assert "Gmail is signed in on Old iPhone, which they have held and can unlock." in said

    saved = Vault.with_keyring().load("Sam")
    [device] = saved.inventory.devices
    assert (device.label, device.signed_in, device.bought_by) == ("Old iPhone", ["gmail"], "them")

    result = cli("plan", "Sam", "--json")
    plan = json.loads(result.stdout)
    text = json.dumps(plan)
    assert "device_open_to_them" in text and "tracker_alerts_check" in text
    assert "Old iPhone: the other person can get into it" in text
    assert "abuser" not in text
