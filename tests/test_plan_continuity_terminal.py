"""Continuity in a real terminal, on a session kept with the real keyring: mark one item
done and one for later, resume, put a wrong answer right, check a password again, and
see the plan follow."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from terminal_support import Terminal
from test_session_terminal import pytestmark, safety_and_keep, signs, terminal  # noqa: F401
from vault_support import secret_service

from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import menu_options
from hygiene.vault import Vault

PASSWORD = "Fluffy2019!"
LATER_REASON = "Not yet: it would alert them — not before 15 January 2099"


def first_meeting(term: Terminal) -> None:
    """Gmail's sign-in prompts go to "my phone", which she says, wrongly, they hold."""
    term.start("session", "--offline")
    safety_and_keep(term)
    signs(term)
    term.answer("What would you like to add?", "")
    term.answer("Which account is the password for?", "")
    options = menu_options(shipped_catalogue())
    term.answer("Which account shall we look at next?", str(options.index("Google (Gmail)") + 1))
    term.answer("A name for this account", "Gmail")
    term.answer("you sign in with", "sam.home@example.org")
    term.answer("Recovery email addresses", "")
    term.answer("Recovery phone numbers", "")
    term.answer("how does it check it is you?", "2")
    term.answer("Which device?", "my phone")
    term.answer("Is there another second step as well?", "n")
    term.answer("Could they know or guess the password?", "3")
    term.answer("did you find any you do not recognise?", "3")
    term.answer("Did you find anything there you do not recognise?", "n")
    term.answer('Who holds the device "my phone"?', "3")
    term.answer("Anything to note about my phone?", "")
    term.answer("Who controls sam.home@example.org?", "1")
    term.answer("Anything to note about sam.home@example.org?", "")
    term.answer("Which account shall we look at next?", str(len(options)))
    term.answer("Which device shall we record next?", "8")
    term.answer("want to write in the incident log?", "")
    term.answer("Gmail: which address should it use?", "")
    term.answer("addresses in mind", "n")
    term.answer("What next?", "")
    term.answer("Clear this window now", "n")
    term.expect("EXIT=1")


def plan_data(term: Terminal) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "hygiene", "plan", "Sam", "--json"],
        env=term.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def items(plan: dict[str, object]) -> list[dict[str, str]]:
    return [item for section in plan["sections"] for item in section["items"]]  # type: ignore[index, attr-defined]


def processes_holding(secret: str) -> list[str]:
    """Every process whose command line holds ``secret``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if secret.encode() in (entry / "cmdline").read_bytes():
                    found.append(entry.name)
            except OSError:
                continue  # it ended while we looked
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="command lines are read from /proc")
def test_marks_and_a_corrected_answer_carry_on(
    terminal: Terminal,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_meeting(terminal)
    before = items(plan_data(terminal))
    phone = [item for item in before if "my phone" in json.dumps(item)]
    others = [item for item in before if item not in phone]
    assert phone, "the wrong answer put 'my phone' in the plan"
    assert len(others) >= 2
    done, waits = others[0], others[1]

    terminal.start("plan", "Sam", "--done", str(done["number"]))
    terminal.expect(f"Marked done: {done['number']}. {done['title']}")
    terminal.expect("EXIT=0")
    terminal.start("plan", "Sam", "--later", str(waits["number"]))
    terminal.answer("Why does it wait?", "")  # the first reason offered
    terminal.answer("Is there a day to keep to?", "2")
    terminal.answer("Which day?", "15/01/2099")
    terminal.expect(LATER_REASON)
    terminal.expect("EXIT=0")

    terminal.start("session", "--resume", "Sam", "--offline")
    terminal.expect("Welcome back. Carrying on with 'Sam'.")
    terminal.answer("First: are you safe right now?", "1")
    terminal.answer("never held, used or set up?", "1")
    terminal.answer("anything you want to keep as evidence", "n")
    change = "Would you like to change anything from an earlier meeting?"
    terminal.answer(change, "1")  # who controls an address or number, or holds a device
    terminal.expect("my phone (now: Them)")
    terminal.answer("Which one?", "1")
    terminal.answer('Who holds the device "my phone"?', "1")
    terminal.answer("Anything to note about my phone?", "")
    terminal.answer(change, "4")  # check a password again
    terminal.answer("Which account is the password for?", "Gmail")
    terminal.answer("The password for Gmail (hidden):", PASSWORD)
    terminal.expect("Which account is the password for?")
    assert processes_holding(PASSWORD) == [], "never in any command line"
    terminal.type("")
    terminal.answer(change, "")  # carry on
    terminal.answer("What next?", "")
    terminal.answer("Clear this window now", "n")
    terminal.expect("EXIT=1")
    assert PASSWORD not in terminal.screen(), "hidden as typed, never echoed"

    terminal.start("plan", "Sam")
    terminal.expect("EXIT=1")
    plan = terminal.screen()
    total = len(items(plan_data(terminal)))
    assert f"1 of {total} done; 1 for later" in plan
    assert "my phone" not in plan, "the plan no longer tells her to remove her own phone"
    assert LATER_REASON in plan
    assert "## Done" in plan and done["title"] in plan.split("## Done", 1)[1]

    monkeypatch.setenv("HYGIENE_KEYRING_SERVICE", terminal.env["HYGIENE_KEYRING_SERVICE"])
    home = Path(terminal.env["HYGIENE_HOME"])
    kept = Vault.with_keyring(root=home, backend=secret_service()).load("Sam")
    assert PASSWORD not in kept.model_dump_json()
    assert any(f.subject == "Gmail" for f in kept.found() if f.topic == "passwords")
    for path in home.rglob("*"):
        assert not path.is_file() or PASSWORD.encode() not in path.read_bytes()
