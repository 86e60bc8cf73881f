"""The guided meeting end to end through ScriptedPrompter: full pass, quick exit, resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from conftest import assert_no_leak
from scripted import ScriptedPrompter

from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import menu_options
from hygiene.breach.builtin import BuiltinSource
from hygiene.errors import Interrupted
from hygiene.session import run_session
from hygiene.vault import Vault

OLD_PASSWORD = "Fluffy2019!"
GMAIL_PASSWORD = "Poppy1990!"
BANK_PASSWORD = "Fluffy2020!"

SAFE = ["1", "1", "n"]  # safe now; device never held; no evidence to keep first
KEEP = ["y", "Sam"]
SIGNS = ["2"] * 9 + ["1"]  # only the last sign (phone lights up by itself)
FACTS = ["1", "Poppy", "daughter", "2", "12/04/1990", "birthday", "7", OLD_PASSWORD, ""]
PASSWORDS = ["Gmail", GMAIL_PASSWORD, "Bank", BANK_PASSWORD, "Facebook", GMAIL_PASSWORD, ""]


def menu(name: str) -> str:
    """The number the accounts menu gives ``name``, whatever else the catalogue holds."""
    return str(menu_options(shipped_catalogue()).index(name) + 1)


ACCOUNTS = [
    # Gmail: signs in with an address; recovery phone; text codes to that phone; the
    # password maybe known; sessions not checked; nothing odd in the other settings.
    menu("Google (Gmail)"),
    "Gmail",
    "sam.home@example.org",
    "",
    "07700 900123",
    "1",
    "07700 900123",
    "n",
    "3",
    "3",
    "n",
    "2",
    "",  # the phone is shared with the other person; no note
    "1",
    "",  # the Gmail address is the person's own; no note
    # Bank: recovery through the Gmail address; only a password; not known to them.
    menu("A UK bank or building society"),
    "Bank",
    "",
    "sam.home@example.org",
    "",
    "4",
    "2",
    "3",
    "n",
    menu("I have finished"),
    "8",  # no devices to record
]
LOG = ["n"]  # nothing to write in the incident log
EMAIL_PLAN = ["", "", "n"]  # suggested places for both; no addresses to check
FINISH = [""]


@pytest.fixture
def home(memory_home: Path) -> Path:
    return memory_home


def run(answers: list[str], **options: object) -> tuple[ScriptedPrompter, object]:
    prompter = ScriptedPrompter(answers)
    meeting = run_session(prompter, breach=BuiltinSource(), **options)  # type: ignore[arg-type]
    assert prompter.unused == []
    return prompter, meeting


def test_a_full_meeting_keeps_what_was_chosen_and_never_a_password(
    home: Path, all_logs: pytest.LogCaptureFixture
) -> None:
    prompter, _ = run(
        SAFE + KEEP + SIGNS + FACTS + PASSWORDS + ACCOUNTS + LOG + EMAIL_PLAN + FINISH
    )
    saved = Vault.with_keyring().load("Sam")
    assert saved.progress.next_step == "done"
    assert [f.value for f in saved.facts] == ["Poppy", "12/04/1990"]
    assert [a.label for a in saved.inventory.accounts] == ["Gmail", "Bank"]
    assert saved.email_assignments == {"gmail": "trusted", "bank": "financial"}
    assert saved.signs["phone_lights_up"] == "yes"
    ids = {f.id for f in saved.found()}
    assert {"password_guessable", "password_reused", "account_reachable_by_them"} <= ids
    assert "signs_point_to_spyware" in ids
    document = saved.model_dump_json()
    transcript = "\n".join(prompter.transcript)
    for password in (OLD_PASSWORD, GMAIL_PASSWORD, BANK_PASSWORD):
        assert_no_leak(password, document, transcript, all_logs.text, files_under=home)
    assert "This is the same password as for Gmail." in transcript


def test_safety_comes_first_and_danger_gets_the_numbers_at_once(home: Path) -> None:
    prompter, meeting = run(["2", "n"])
    transcript = prompter.transcript
    first_question = transcript.index("First: are you safe right now?")
    call = next(i for i, line in enumerate(transcript) if "999" in line)
    assert first_question < call
    assert transcript[call].startswith("If you are in danger now, call Emergency services: 999")
    assert any("0808 2000 247" in line for line in transcript)
    assert meeting.stopped  # type: ignore[attr-defined]
    assert not home.exists(), "nothing is kept unless chosen"


def test_a_watched_device_is_the_first_thing_in_the_plan(home: Path) -> None:
    answers = ["1", "2", "n", *KEEP, "<quit>"]
    with pytest.raises(Interrupted):
        run(answers)
    saved = Vault.with_keyring().load("Sam")
    assert [f.id for f in saved.found()] == ["device_may_be_watched"]


def test_nothing_is_written_when_the_person_does_not_keep_it(home: Path) -> None:
    run([*SAFE, "n", *SIGNS, *FACTS, *PASSWORDS, *ACCOUNTS, *EMAIL_PLAN, *FINISH])
    assert not home.exists()


def test_quick_exit_keeps_what_was_saved_and_what_was_typed_in_the_step(home: Path) -> None:
    halfway = SAFE + KEEP + SIGNS + ["1", "Poppy", "daughter", "<quit>"]
    with pytest.raises(Interrupted):
        run(halfway)
    saved = Vault.with_keyring().load("Sam")
    assert saved.progress.next_step == "facts", "the facts step starts again next time"
    assert saved.progress.done == ("signs",)
    assert [f.value for f in saved.facts] == ["Poppy"], "typed before leaving, so kept"


def test_resume_picks_up_at_the_saved_step(home: Path) -> None:
    with pytest.raises(Interrupted):
        run(SAFE + KEEP + SIGNS + FACTS + ["<quit>"])
    assert Vault.with_keyring().load("Sam").progress.next_step == "passwords"
    # The old password was never kept: at the next meeting it is not there to check against.
    prompter, _ = run(SAFE + PASSWORDS + ACCOUNTS + LOG + EMAIL_PLAN + FINISH, resume="sam")
    transcript = prompter.transcript
    assert transcript[0] == "Welcome back. Carrying on with 'Sam'."
    assert not any(line.startswith("Question 1 of 10") for line in transcript)
    assert not any(line.startswith("Now what the other person knows") for line in transcript)
    safety = transcript.index("First: are you safe right now?")
    passwords = next(i for i, line in enumerate(transcript) if line.startswith("Now passwords"))
    assert safety < passwords
    saved = Vault.with_keyring().load("Sam")
    assert saved.progress.next_step == "done"
    assert "signs_point_to_spyware" in {f.id for f in saved.found()}, "earlier steps kept"


def test_a_name_already_kept_is_not_overwritten(home: Path) -> None:
    with pytest.raises(Interrupted):
        run(SAFE + KEEP + SIGNS + ["1", "Poppy", "", "<quit>"])
    before = Vault.with_keyring().load("Sam")
    with pytest.raises(Interrupted):
        run([*SAFE, "y", "sam", "Alex", "<quit>"])
    assert Vault.with_keyring().load("Sam") == before
    assert Vault.with_keyring().labels() == ["Alex", "Sam"]


def test_without_a_keyring_a_passphrase_is_offered(home: Path) -> None:
    from keyring.backends import fail

    from hygiene.secret import Secret

    keyring.set_keyring(fail.Keyring())
    phrase = "long pass phrase"
    with pytest.raises(Interrupted):
        run([*SAFE, "y", "y", phrase, "not the same", phrase, phrase, "Kit", *SIGNS, "<quit>"])
    saved = Vault.with_passphrase(Secret(phrase)).load("Kit")
    assert saved.progress.next_step == "facts"
    with pytest.raises(Interrupted):
        run([phrase, *SAFE, "<quit>"], resume="Kit", passphrase=True)


def test_resuming_an_unknown_name_says_so_before_any_question(home: Path) -> None:
    from hygiene.vault import NotSaved

    prompter = ScriptedPrompter([])
    with pytest.raises(NotSaved, match="Nothing is saved under 'Nobody'"):
        run_session(prompter, resume="Nobody")
    assert prompter.transcript == []


def test_the_saved_plan_shows_the_meeting(home: Path) -> None:
    from hygiene.plan import to_data
    from hygiene.plan.saved import plan_of

    run(SAFE + KEEP + SIGNS + FACTS + PASSWORDS + ACCOUNTS + LOG + EMAIL_PLAN + FINISH)
    data = to_data(plan_of(Vault.with_keyring().load("Sam")))
    text = json.dumps(data, ensure_ascii=False)
    assert [s["stage"] for s in data["sections"]] == ["now", "ready", "when_safe"]
    # The number they share is one item, naming how it opens each account it reaches.
    assert "Through the number ending 123, which they share with you" in text
    assert "Gmail (recovery phone and sign-in codes) and, through it, Bank" in text
    assert "•••" not in text
    for private in ("Poppy", "sam.home@example.org", "07700 900123", "sam.home"):
        assert private not in text
    for password in (OLD_PASSWORD, GMAIL_PASSWORD, BANK_PASSWORD):
        assert password not in text
    shown = json.dumps(to_data(plan_of(Vault.with_keyring().load("Sam"), show_facts=True)))
    assert "07700 900123" in shown


def test_the_worker_can_list_kept_sessions(home: Path, cli: Any) -> None:
    assert cli("session", "--list").stdout == "No sessions are kept on this computer.\n"
    with pytest.raises(Interrupted):
        run([*SAFE, *KEEP, *SIGNS, "<quit>"])
    with pytest.raises(Interrupted):
        run([*SAFE, "y", "Alex", "<quit>"])
    result = cli("session", "--list")
    assert result.stdout.splitlines() == [
        "Kept sessions (carry one on with: hygiene session --resume NAME):",
        "  Alex: carries on at the warning signs",
        "  Sam: carries on at what they know",
    ]
    # --resume without a name lists them too, instead of failing.
    assert cli("session", "--resume").stdout == result.stdout


def test_the_command_refuses_bad_input_before_any_question(home: Path, cli: Any) -> None:
    unknown = cli("session", "--resume", "Nobody", "--offline")
    assert unknown.exit_code == 2
    assert "Nothing is saved under 'Nobody'" in unknown.stderr
    region = cli("session", "--region", "atlantis", "--offline")
    assert region.exit_code == 2
    assert "no region 'atlantis'" in region.stderr


FIXTURES = Path(__file__).parent / "fixtures" / "session"


def test_files_the_worker_brings_start_the_meeting_and_old_passwords_stay_unkept(
    home: Path,
) -> None:
    from hygiene.accounts.inventory import load_inventory
    from hygiene.facts import load_facts

    facts = load_facts(FIXTURES / "facts.toml")
    inventory = load_inventory(FIXTURES / "accounts.toml")
    answers = [*SAFE, *KEEP, *SIGNS, "", "Bank", BANK_PASSWORD, "", "<quit>"]
    prompter = ScriptedPrompter(answers)
    with pytest.raises(Interrupted):
        run_session(prompter, breach=BuiltinSource(), facts=facts, inventory=inventory)
    assert "3 facts are here already; you can add more." in " ".join(prompter.transcript)
    # The Bank password is a small change of the old password from the file.
    assert any("small change to old password 1" in line for line in prompter.transcript)
    saved = Vault.with_keyring().load("Sam")
    assert [(f.kind, f.value, f.label) for f in saved.facts] == [
        ("name", "Poppy", "daughter"),
        ("name", "Rex", ""),
        ("date", "12/04/1990", "birthday"),
    ]
    assert [a.label for a in saved.inventory.accounts] == ["Gmail"]
    assert_no_leak("Fluffy2019!", saved.model_dump_json(), files_under=home)


def test_a_full_disk_mid_meeting_is_said_and_the_meeting_goes_on(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from hygiene import safefile

    with pytest.raises(Interrupted):
        run([*SAFE, *KEEP, *SIGNS, "<quit>"])
    before = Vault.with_keyring().load("Sam")

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    prompter = ScriptedPrompter([*SAFE, *FACTS, "<quit>"])
    with monkeypatch.context() as patch, pytest.raises(Interrupted):
        patch.setattr(safefile.os, "write", full)
        run_session(prompter, resume="Sam", breach=BuiltinSource())
    said = "\n".join(prompter.transcript)
    assert "The disk is full" in said
    assert "We can go on" in said
    assert any(line.startswith("Now passwords") for line in prompter.transcript)
    assert Vault.with_keyring().load("Sam") == before, "the last saved copy is intact"


def test_a_new_passphrase_is_typed_twice(home: Path) -> None:
    from hygiene.secret import Secret

    phrase = "correct horse battery"
    answers = [*SAFE, "y", phrase, "correct hose battery", phrase, phrase, "Kit", "<quit>"]
    with pytest.raises(Interrupted):
        run(answers, passphrase=True)
    assert Vault.with_passphrase(Secret(phrase)).load("Kit").label == "Kit"
