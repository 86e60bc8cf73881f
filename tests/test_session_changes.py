"""A resumed meeting puts an earlier answer right, and the plan follows at once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import assert_no_leak
from scripted import ScriptedPrompter
from test_session_flow import KEEP, SAFE, SIGNS, menu

from hygiene.breach.builtin import BuiltinSource
from hygiene.errors import Interrupted
from hygiene.plan import to_data
from hygiene.plan.saved import plan_of
from hygiene.session import run_session
from hygiene.vault import Vault

NEW_PASSWORD = "Fluffy2019!"

# Gmail, whose sign-in prompts go to "my phone", which she said (wrongly) they hold.
GMAIL = [
    menu("Google (Gmail)"),
    "Gmail",
    "sam.home@example.org",
    "",
    "",
    "2",  # an app or a prompt on a device
    "my phone",
    "n",
    "2",  # they do not know the password
    "2",  # the sessions are all hers
    "n",
]
THEY_HOLD_MY_PHONE = ["3", ""]  # 'Who holds the device "my phone"?' Them; no note
MINE = ["1", ""]  # Only me; no note
FIRST_MEETING = [
    *SAFE,
    *KEEP,
    *SIGNS,
    "",  # no facts
    "",  # no passwords
    *GMAIL,
    *THEY_HOLD_MY_PHONE,
    *MINE,  # the Gmail address is hers
    menu("I have finished"),
    "8",  # no devices
    "n",  # nothing for the incident log
    "",  # Gmail goes where suggested
    "n",  # no new addresses to check
    "",  # finish
]
CARRY_ON = ""  # the last option, the default, carries on
FINISH = [""]


@pytest.fixture
def home(memory_home: Path) -> Path:
    return memory_home


def run(answers: list[str], **options: object) -> ScriptedPrompter:
    prompter = ScriptedPrompter(answers)
    run_session(prompter, breach=BuiltinSource(), **options)  # type: ignore[arg-type]
    assert prompter.unused == []
    return prompter


def plan_text(**options: bool) -> str:
    return json.dumps(to_data(plan_of(Vault.with_keyring().load("Sam"), **options)))


def option(prompter: ScriptedPrompter, words: str) -> str:
    """The number the change menu gave the option starting with ``words``."""
    start = prompter.transcript.index("Would you like to change anything from an earlier meeting?")
    shown = prompter.transcript[start + 1 :]
    return str(next(i for i, line in enumerate(shown, start=1) if line.startswith(words)))


@pytest.fixture
def met(home: Path) -> None:
    run(FIRST_MEETING)
    assert "my phone" in plan_text(show_facts=True), "the wrong answer is in the plan"


def test_who_holds_a_device_can_be_put_right(met: None) -> None:
    prompter = run([*SAFE, "1", "1", *MINE, CARRY_ON, *FINISH], resume="Sam")
    said = prompter.transcript
    assert said.index("Would you like to change anything from an earlier meeting?") > said.index(
        "First: are you safe right now?"
    ), "safety first, at every meeting"
    assert "my phone (now: Them)" in said
    assert 'Who holds the device "my phone"?' in said
    saved = Vault.with_keyring().load("Sam")
    assert saved.inventory.contact("my phone").controlled_by == "self"  # type: ignore[union-attr]
    text = plan_text(show_facts=True)
    assert "my phone" not in text, "the plan no longer tells her to remove her own phone"
    assert "second_factor_device_reachable_by_them" not in text
    assert "compartment_route_not_yours" not in text, "the email plan is worked out again"


def test_going_back_and_carrying_on_changes_nothing(met: None) -> None:
    before = Vault.with_keyring().load("Sam")
    run([*SAFE, "1", "3", CARRY_ON, *FINISH], resume="Sam")  # back from the list of contacts
    after = Vault.with_keyring().load("Sam")
    assert after.inventory == before.inventory
    assert after.found() == before.found()


def test_an_account_can_be_answered_again(met: None) -> None:
    again = [*GMAIL[1:4], "07700 900123", *GMAIL[5:], "2", ""]  # a recovery number, shared
    prompter = ScriptedPrompter([*SAFE, "2", "1", *again, CARRY_ON, *FINISH])
    run_session(prompter, breach=BuiltinSource(), resume="Sam")
    assert prompter.unused == []
    assert "Gmail: answer what you know" in "\n".join(prompter.transcript)
    saved = Vault.with_keyring().load("Sam")
    [gmail] = saved.inventory.accounts
    assert (gmail.id, gmail.recovery_phones) == ("gmail", ["07700 900123"])
    assert saved.inventory.contact("07700 900123").controlled_by == "shared"  # type: ignore[union-attr]
    text = plan_text()
    assert "Through the number ending 123" in text and "Gmail (recovery phone)" in text


def test_an_account_can_be_added_and_reaches_the_plan(met: None) -> None:
    bank = [menu("A UK bank or building society"), "Bank", "", "sam.home@example.org", ""]
    bank += ["4", "3", "3", "n"]  # password only; they may know it; sessions not checked
    prompter = run([*SAFE, "3", *bank, menu("I have finished"), CARRY_ON, *FINISH], resume="Sam")
    assert option(prompter, "Add an account") == "3"
    saved = Vault.with_keyring().load("Sam")
    assert [a.label for a in saved.inventory.accounts] == ["Gmail", "Bank"]
    assert "Bank" in plan_text(), "the new account's findings are in the plan"
    crossing = [(f.id, f.subject) for f in saved.findings["email_plan"]]
    assert ("compartment_recovery_crosses", "Bank") in crossing, "the email plan is redone"


def test_a_password_checked_again_keeps_only_what_was_found(
    met: None, home: Path, all_logs: pytest.LogCaptureFixture
) -> None:
    prompter = run([*SAFE, "4", "Gmail", NEW_PASSWORD, "", CARRY_ON, *FINISH], resume="Sam")
    assert option(prompter, "Check a password again") == "4"
    saved = Vault.with_keyring().load("Sam")
    assert any(f.subject == "Gmail" for f in saved.findings["passwords"])
    assert_no_leak(
        NEW_PASSWORD,
        saved.model_dump_json(),
        "\n".join(prompter.transcript),
        all_logs.text,
        plan_text(show_facts=True),
        files_under=home,
    )


def test_nothing_to_change_is_not_offered(home: Path) -> None:
    # Stopped before any account or password: there is no earlier answer to change.
    with pytest.raises(Interrupted):
        run([*SAFE, *KEEP, *SIGNS, "<quit>"])
    prompter = ScriptedPrompter([*SAFE, "<quit>"])
    with pytest.raises(Interrupted):
        run_session(prompter, breach=BuiltinSource(), resume="Sam")
    assert not any("change anything" in line for line in prompter.transcript)


def test_a_planted_label_is_shown_escaped(home: Path) -> None:
    planted = ["2", "my\x1b]0;owned\x07phone", "n"]  # an app on a device with a hostile name
    answers = [*FIRST_MEETING]
    start = answers.index("my phone") - 1
    answers[start : start + 3] = planted
    run(answers)
    prompter = run([*SAFE, "1", "1", *MINE, CARRY_ON, *FINISH], resume="Sam")
    shown = "\n".join(prompter.transcript)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "my\\x1b]0;owned\\x07phone (now: Them)" in shown


def test_a_device_can_be_answered_again(home: Path) -> None:
    old_iphone = ["1", "Old iPhone", "2", "2", "1", "1", "1", "8"]  # theirs; Gmail on it
    answers = [*FIRST_MEETING]
    devices = answers.index("8", answers.index(menu("I have finished")))
    answers[devices : devices + 1] = old_iphone
    run(answers)
    assert "Old iPhone: the other person can get into it" in plan_text()
    mine_now = ["1", "1", "2", "2", "1"]  # bought and paid by her; no PIN, never held
    prompter = run([*SAFE, "3", "1", *mine_now, CARRY_ON, *FINISH], resume="Sam")
    assert option(prompter, "A device's answers") == "3"
    [device] = Vault.with_keyring().load("Sam").inventory.devices
    assert (device.id, device.held_by_them, device.signed_in) == ("old_iphone", "no", ["gmail"])
    assert "Old iPhone" not in plan_text()


def test_the_summary_counts_what_is_done_and_starts_with_what_is_open(met: None) -> None:
    from hygiene.plan import progress

    vault = Vault.with_keyring()
    document = vault.load("Sam")
    first = plan_of(document).items[0]
    vault.save(document.model_copy(update={"marks": {first.key: progress.done(date.today())}}))
    total = len(plan_of(document).items)
    prompter = run([*SAFE, CARRY_ON, *FINISH], resume="Sam")
    said = prompter.transcript
    assert f"Your plan has {total - 1} things to do, most urgent first:" in said
    assert f"So far: 1 of {total} done." in said
    assert not any(line.startswith(f"First: {first.title}") for line in said)
