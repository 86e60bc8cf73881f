"""A real terminal for tests: the CLI in its own process on a tmux pseudo-terminal.

Keys are typed with send-keys and the screen is read with capture-pane, scrollback
included, so a test sees what a person at the keyboard sees.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid


class Terminal:
    """One tmux server of its own (its own -L socket), running one command in a pane."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"hygiene-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        self.seen: dict[str, int] = {}

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
            timeout=30,
        )
        return done.stdout

    def start(
        self, *args: str, width: int = 160, height: int = 50, env: dict[str, str] | None = None
    ) -> None:
        """Run ``hygiene ARGS``; ``env`` is set for the command alone (tmux sets its own TERM)."""
        settings = [f"{name}={shlex.quote(value)}" for name, value in (env or {}).items()]
        hygiene = [sys.executable, "-m", "hygiene", *map(shlex.quote, args)]
        command = " ".join(["env", *settings, *hygiene] if settings else hygiene)
        self.seen = {}
        shell = f"{command}; echo EXIT=$?; sleep 600"
        self.close()  # a fresh terminal each time: nothing left on it from before
        self.socket = f"hygiene-test-{uuid.uuid4().hex[:8]}"
        self.tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height), shell)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "main")

    def expect(self, text: str, timeout: float = 60) -> None:
        """Wait until ``text`` shows once more than it had; what a person waits for."""
        wanted = self.seen.get(text, 0) + 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.screen().count(text) >= wanted:
                self.seen[text] = wanted
                return
            time.sleep(0.05)
        raise AssertionError(f"never saw {text!r}; the screen was:\n{self.screen()[-3000:]}")

    def type(self, keys: str) -> None:
        if keys:
            self.tmux("send-keys", "-t", "main", "-l", keys)
        self.tmux("send-keys", "-t", "main", "Enter")

    def answer(self, prompt: str, keys: str) -> None:
        self.expect(prompt)
        self.type(keys)

    def press(self, *keys: str) -> None:
        """Keys by tmux name (Left, Home, BSpace, Up), not typed as text."""
        self.tmux("send-keys", "-t", "main", *keys)

    def ctrl_c(self) -> None:
        self.tmux("send-keys", "-t", "main", "C-c")

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"],
            env=self.env,
            check=False,
            capture_output=True,
        )
