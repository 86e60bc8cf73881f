"""The terminal as a person meets it, in tmux: editing an answer with the arrow keys, text
wrapped to a narrow window, and a plain terminal that cannot show colour."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal_support import Terminal

from hygiene.accounts.inventory import load_inventory

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), HYGIENE_HOME=str(home / "hygiene"))
    env.pop("COLUMNS", None)
    term = Terminal(env)
    yield term
    term.close()


def test_arrows_and_home_edit_an_answer_and_nothing_is_recalled_or_kept(
    terminal: Terminal, tmp_path: Path
) -> None:
    path = tmp_path / "accounts.toml"
    terminal.start("accounts", "review", str(path))
    terminal.answer("I have finished", "4")  # Google
    terminal.expect("A name for this account")
    terminal.tmux("send-keys", "-t", "main", "-l", "ersonal Gmal")
    terminal.press("Home")
    terminal.tmux("send-keys", "-t", "main", "-l", "P")
    terminal.press("End", "Left")
    terminal.type("i")
    for answer in ["jen.perry@gmail.com", "", "07700 900123"]:
        terminal.type(answer)
    terminal.answer("how does it check it is you?", "4")
    terminal.answer("Could they know or guess the password?", "2")
    terminal.answer("did you find any you do not recognise?", "2")
    terminal.answer("Did you find anything there you do not recognise?", "n")
    terminal.answer("Who controls 07700 900123?", "2")
    terminal.type("family plan he pays for")
    terminal.answer("Who controls jen.perry@gmail.com?", "1")
    terminal.type("")
    terminal.expect("Saved Personal Gmail")
    terminal.answer("I have finished", "13")  # a UK bank
    terminal.expect("A name for this account")
    # The up arrow brings back no earlier answer: answers are kept out of any history.
    terminal.press("Up")
    terminal.type("Bank")
    terminal.expect("user name you sign in with")
    terminal.expect("user name you sign in with")
    assert "Personal GmailBank" not in terminal.screen()
    terminal.ctrl_c()
    terminal.expect("EXIT=130")
    assert [a.label for a in load_inventory(path).accounts] == ["Personal Gmail"]
    # No history file, or any other file, was written in the home folder.
    assert list((tmp_path / "home").iterdir()) == []


def test_text_wraps_at_sixty_columns_on_a_plain_terminal(terminal: Terminal) -> None:
    terminal.start("demo", width=60, env={"TERM": "dumb", "NO_COLOR": "1"})
    terminal.expect("EXIT=0")
    screen = terminal.screen()
    assert "Traceback" not in screen
    assert "\x1b" not in screen
    # capture-pane joins lines the terminal wrapped itself, so a line longer than the
    # window is a word that was split at its edge.
    for line in screen.splitlines():
        assert len(line) <= 60 or " " not in line.strip(), line


def test_facts_new_asks_kind_by_kind_and_writes_a_file_facts_check_accepts(
    terminal: Terminal, tmp_path: Path
) -> None:
    path = tmp_path / "facts.toml"
    terminal.start("facts", "new", str(path))
    terminal.answer("A name (empty to go on)", "Pepper")
    terminal.answer("Whose name is it", "dog")
    terminal.answer("A name (empty to go on)", "")
    terminal.answer("A date (like 21/06/1988) (empty to go on)", "21/06/1988")
    terminal.answer("What is the date", "my birthday")
    terminal.answer("A date (like 21/06/1988) (empty to go on)", "")
    for kind in ["A place", "A number", "A word", "An answer"]:
        terminal.answer(f"{kind} (empty to go on)", "")
    terminal.answer("Clear this window now", "")
    terminal.expect("EXIT=0")
    screen = terminal.screen()
    assert "2 facts were written" in screen
    # A normal finish cleared the window and its scrollback: nothing typed is left on it.
    assert "Pepper" not in screen and "Names they know" not in screen
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    checked = subprocess.run(
        [sys.executable, "-m", "hygiene", "facts", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
    assert "your dog's name" in checked.stdout


def test_password_offers_to_ask_facts_and_keeps_them_in_memory_only(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start("password", "--offline")
    terminal.answer("what the other person knows about you, too?", "y")
    terminal.answer("A name (empty to go on)", "Maisie")
    terminal.answer("Whose name is it", "daughter")
    terminal.answer("A name (empty to go on)", "")
    terminal.answer("A date (like 21/06/1988) (empty to go on)", "02/09/2015")
    terminal.answer("What is the date", "")
    terminal.answer("A date (like 21/06/1988) (empty to go on)", "")
    for kind in ["A place", "A number", "A word", "An answer"]:
        terminal.answer(f"{kind} (empty to go on)", "")
    terminal.answer("An old password (empty to go on) (hidden)", "")
    terminal.answer("Password (hidden", "Maisie2015!")
    terminal.expect("EXIT=1")
    screen = terminal.screen()
    assert "Verdict: WEAK" in screen
    assert "Someone who knows you" in screen
    assert "Maisie2015" not in screen
    assert list((tmp_path / "home").iterdir()) == []
