"""The incident log in a real terminal: an entry with a file during a session, then exported."""

from __future__ import annotations

import hashlib
from pathlib import Path

from terminal_support import Terminal
from test_session_terminal import pytestmark, safety_and_keep, signs, terminal

from hygiene.accounts.providers import shipped_catalogue
from hygiene.accounts.review import menu_options

__all__ = ["pytestmark", "terminal"]  # the tmux fixture and markers, shared


def test_an_entry_with_a_file_added_during_a_session_is_exported(
    terminal: Terminal, tmp_path: Path
) -> None:
    shot = tmp_path / "message.png"
    shot.write_bytes(b"a screenshot of the message, as bytes")
    digest = hashlib.sha256(shot.read_bytes()).hexdigest()
    terminal.start("session", "--offline")
    safety_and_keep(terminal)
    signs(terminal)
    terminal.answer("What would you like to add?", "")
    terminal.answer("Which account is the password for?", "")
    finished = str(len(menu_options(shipped_catalogue())))
    terminal.answer("Which account shall we look at next?", finished)
    terminal.answer("Which device shall we record next?", "8")
    terminal.answer("want to write in the incident log?", "y")
    terminal.answer("When did it happen?", "yesterday 21:40")
    terminal.answer("Where did it happen?", "At home")
    terminal.answer("What happened?", "A message from a number I do not know")
    terminal.answer("How did it come?", "1")
    terminal.answer("What technology", "")
    terminal.answer("Did anyone see or hear it?", "")
    terminal.answer("How did it make you feel?", "Frightened")
    terminal.answer("A police reference number", "")
    terminal.answer("A file to keep as evidence", str(shot))
    terminal.answer("Keep a copy of message.png inside the locked log?", "y")
    terminal.expect(f"fingerprint (SHA-256) {digest}")
    terminal.answer("A file to keep as evidence", "")
    terminal.answer("Write this entry?", "")
    terminal.expect("Entry 1 is written in the log.")
    terminal.answer("want to write in the incident log?", "")
    terminal.expect("The log has 1 entry.")
    terminal.answer("Name an account to place", "")
    terminal.answer("addresses in mind", "n")
    terminal.answer("What next?", "")
    terminal.expect("This session is kept as 'Sam'.")
    terminal.answer("Clear this window now", "n")
    terminal.expect("EXIT=")

    page = tmp_path / "log.html"
    terminal.start("log", "export", "Sam", "--html", str(page))
    terminal.expect("EXIT=0")
    html = page.read_text(encoding="utf-8")
    assert "A message from a number I do not know" in html
    assert digest in html and "message.png" in html
    assert "Checked: the one entry is as it was written." in html


def test_ctrl_c_while_writing_an_entry_clears_the_screen_and_writes_nothing(
    terminal: Terminal,
) -> None:
    terminal.start("log", "add", "Sam", "--new", "--what", "First entry")
    terminal.expect("EXIT=0")
    terminal.start("log", "add", "Sam")
    terminal.answer("When did it happen?", "yesterday")
    terminal.answer("Where did it happen?", "Behind the marker-shed")
    terminal.expect("What happened?")
    terminal.ctrl_c()
    terminal.expect("EXIT=130")
    assert "marker-shed" not in terminal.screen(), "the screen and its scrollback were cleared"
    terminal.start("log", "list", "Sam")
    terminal.expect("EXIT=0")
    assert "Checked: the one entry is as it was written." in terminal.screen()
