"""``hygiene session`` in a real terminal under tmux: a full pass, a Ctrl-C quick exit, a resume.

The command runs as a person runs it: its own process, a pseudo-terminal, hidden password
prompts, the real keyring (the Secret Service CI starts). Keys are typed with send-keys
and the screen is read with capture-pane, scrollback included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal_support import Terminal
from vault_support import secret_service

from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import menu_options

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.keyring_service,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

OLD_PASSWORD = "Fluffy2019!"
PASSWORD = "Poppy1990!"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    secret_service()  # skips (or fails in CI) without a Secret Service on the session bus
    env = dict(os.environ)
    env["HYGIENE_HOME"] = str(tmp_path / "home")
    env["HYGIENE_KEYRING_SERVICE"] = f"hygiene-test-{uuid.uuid4().hex[:12]}"
    env["TERM"] = "xterm-256color"
    term = Terminal(env)
    yield term
    term.close()
    subprocess.run(
        [sys.executable, "-m", "hygiene", "forget", "--all"],
        env=env,
        check=False,
        capture_output=True,
        timeout=60,
    )


def safety_and_keep(term: Terminal, label: str = "Sam") -> None:
    term.answer("First: are you safe right now?", "1")
    term.answer("never held, used or set up?", "1")
    term.answer("anything you want to keep as evidence", "n")
    term.answer("Would you like to keep what we go through today", "y")
    term.answer("A name to find it by next time", label)


def signs(term: Terminal) -> None:
    for number in range(1, 11):
        term.answer(f"Question {number} of 10.", "1" if number == 10 else "2")


def test_a_full_pass(terminal: Terminal) -> None:
    terminal.start("session", "--offline")
    safety_and_keep(terminal)
    signs(terminal)
    terminal.answer("What would you like to add?", "1")
    terminal.answer("The name:", "Poppy")
    terminal.answer("What is it?", "daughter")
    terminal.answer("What would you like to add?", "7")
    terminal.answer("The old password (hidden):", OLD_PASSWORD)
    terminal.answer("What would you like to add?", "")
    terminal.answer("Which account is the password for?", "Gmail")
    terminal.answer("The password for Gmail (hidden):", PASSWORD)
    terminal.answer("Which account is the password for?", "")
    options = menu_options(shipped_catalogue())
    google = str(options.index("Google (Gmail)") + 1)
    terminal.answer("Which account shall we look at next?", google)
    terminal.answer("A name for this account", "Gmail")
    terminal.answer("you sign in with", "sam.home@example.org")
    terminal.answer("Recovery email addresses", "")
    terminal.answer("Recovery phone numbers", "07700 900123")
    terminal.answer("how does it check it is you?", "4")
    terminal.answer("Could they know or guess the password?", "3")
    terminal.answer("did you find any you do not recognise?", "3")
    terminal.answer("Did you find anything there you do not recognise?", "n")
    terminal.answer("Who controls 07700 900123?", "2")
    terminal.answer("Anything to note about 07700 900123?", "")
    terminal.answer("Who controls sam.home@example.org?", "1")
    terminal.answer("Anything to note about sam.home@example.org?", "")
    terminal.answer("Which account shall we look at next?", f"{len(options)}")
    terminal.answer("Which device shall we record next?", "8")
    terminal.answer("want to write in the incident log?", "")
    terminal.answer("Gmail: which address should it use?", "")
    terminal.answer("addresses in mind", "n")
    terminal.answer("What next?", "")
    terminal.expect("This session is kept as 'Sam'.")
    terminal.answer("Clear this window now", "n")
    terminal.expect("EXIT=1")
    screen = terminal.screen()
    assert "Poppy1990" not in screen and "Fluffy2019" not in screen, "hidden as typed"
    assert "Gmail can be reset through 07700 900123" in screen

    terminal.start("plan", "Sam")
    terminal.expect("EXIT=1")
    plan = terminal.screen()
    assert "# Your plan to shut the ways into your accounts" in plan
    assert "Poppy" not in plan


def test_ctrl_c_leaves_at_once_and_resume_carries_on(terminal: Terminal) -> None:
    terminal.start("session", "--offline")
    safety_and_keep(terminal)
    signs(terminal)
    terminal.answer("What would you like to add?", "1")
    terminal.answer("The name:", "Poppy")
    terminal.answer("What is it?", "daughter")
    terminal.expect("What would you like to add?")
    terminal.ctrl_c()
    terminal.expect("EXIT=130")
    screen = terminal.screen()
    assert "Question 1 of 10" not in screen, "the screen and its scrollback were cleared"
    assert "Poppy" not in screen

    terminal.start("session", "--resume", "Sam", "--offline")
    terminal.expect("Welcome back. Carrying on with 'Sam'.")
    terminal.answer("First: are you safe right now?", "1")
    terminal.answer("never held, used or set up?", "1")
    terminal.answer("anything you want to keep as evidence", "n")
    terminal.expect("1 facts are here already")
    terminal.answer("What would you like to add?", "q")
    terminal.expect("EXIT=130")
