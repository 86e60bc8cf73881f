"""The accounts review in a real terminal (tmux): numbered questions, and Ctrl-C leaves.

Ctrl-C must leave at once, wipe the screen (and its scrollback) so nothing is left to
read over a shoulder, and keep every account already saved.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hygiene.accounts.inventory import load_inventory

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Pane:
    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", *args], check=True, capture_output=True, text=True)
        return done.stdout

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.send("-l", text)
        self.send("Enter")

    def screen(self, history: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.name]
        if history:
            args += ["-S", "-"]
        return self.tmux(*args)

    def wait_for(self, text: str, limit: float = 20.0) -> str:
        """Poll the pane until ``text`` shows (a bound on waiting, not a timing assertion)."""
        deadline = time.monotonic() + limit
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}; the screen was:\n{shown}")
            time.sleep(0.1)


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    name = f"hygiene-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "40",
            "env",
            "PS1=$ ",
            "HOME=" + str(tmp_path),
            "sh",
        ],
        check=True,
    )
    try:
        yield Pane(name)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def test_review_in_a_real_terminal_and_ctrl_c_leaves_keeping_what_was_saved(
    pane: Pane, tmp_path: Path
):
    path = tmp_path / "accounts.toml"
    command = [sys.executable, "-m", "hygiene", "accounts", "review", str(path)]
    pane.type(" ".join(shlex.quote(c) for c in command) + "; echo EXIT=$?")
    pane.wait_for("16. I have finished")
    assert " 4. Google (Gmail)" in pane.screen()
    pane.type("4")
    pane.wait_for("A name for this account")
    for answer in ["Personal Gmail", "jen.perry@gmail.com", "", "07700 900123"]:
        pane.type(answer)
    pane.wait_for("how does it check it is you?")
    pane.type("4")  # just the password
    pane.wait_for("Could they know or guess the password?")
    pane.type("2")
    pane.wait_for("did you find any you do not recognise?")
    pane.type("2")
    pane.wait_for("Did you find anything there you do not recognise?")
    pane.type("n")
    pane.wait_for("Who controls 07700 900123?")
    pane.type("2")
    pane.type("family plan he pays for")
    pane.wait_for("Who controls jen.perry@gmail.com?")
    pane.type("1")
    pane.type("")
    pane.wait_for("Saved Personal Gmail")
    pane.type("13")  # a UK bank, then leave halfway through
    pane.wait_for("A name for this account")
    pane.send("C-c")
    shown = pane.wait_for("EXIT=130")
    # The screen and its scrollback are wiped: no account, number or question is left.
    everything = pane.screen(history=True)
    for trace in ["Google", "07700", "Personal Gmail", "A name for this account"]:
        assert trace not in everything
    assert "Traceback" not in shown
    inv = load_inventory(path)
    assert [a.label for a in inv.accounts] == ["Personal Gmail"]
    assert inv.contact("07700 900123") is not None
