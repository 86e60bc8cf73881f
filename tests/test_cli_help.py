"""What a person sees before anything else: bare ``hygiene`` and every command's --help."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.main import get_command

from hygiene.cli.app import SHORT_HELP, app

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def run(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run(
        [sys.executable, "-m", "hygiene", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout + done.stderr


def test_bare_hygiene_says_where_to_start_and_lists_every_command_whole() -> None:
    shown = run()
    assert "Start with hygiene session for a guided meeting, or hygiene demo" in shown
    listing = shown.split("Commands:")[1]
    assert listing.split()[0] == "session"
    assert "..." not in listing
    assert set(SHORT_HELP) == set(COMMANDS), "every command has its few plain words"


@pytest.mark.parametrize("command", COMMANDS)
def test_no_help_is_cut_mid_sentence_or_uses_the_words_we_replaced(command: str) -> None:
    shown = run(command, "--help")
    assert "..." not in shown.split("\n\n", 1)[1]  # the usage line ends in [ARGS]...
    assert "abuser" not in shown.lower()
    assert "EFF long list" not in shown
