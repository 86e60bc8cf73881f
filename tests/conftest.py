"""Shared fixtures: the real CLI driven in-process, a private home with an in-memory
keyring for saved sessions, and a leak detector for secrets."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from typer.testing import CliRunner, Result
from vault_support import MemoryKeyring

from hygiene.cli.app import app


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``hygiene ARGS`` in-process; stdout and stderr are kept apart."""

    def run(
        *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None
    ) -> Result:
        runner = CliRunner()
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def memory_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private hygiene home whose sessions are keyed in an in-memory keyring."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("HYGIENE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HYGIENE_KEYRING_SERVICE", raising=False)
    yield tmp_path / "home"
    keyring.set_keyring(previous)


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every log record of the test, at every level, to search for secrets."""
    caplog.set_level(logging.DEBUG)
    yield caplog


def assert_no_leak(secret: str, *texts: str, files_under: Path | None = None) -> None:
    """``secret`` appears in none of ``texts`` nor in any file below ``files_under``."""
    for text in texts:
        assert secret not in text
    if files_under is not None:
        for path in files_under.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), f"secret written to {path}"


@pytest.fixture(autouse=True)
def no_live_breach_service(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the real Pwned Passwords service: unless a test names a server
    (``--api-url``) or a corpus, lookups go to a closed loopback port and are unknown."""
    monkeypatch.setenv("HYGIENE_HIBP_URL", "http://127.0.0.1:9")


@pytest.fixture(autouse=True)
def wide_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output is wrapped to the window (80 columns off a terminal); tests that read what a
    command says see each sentence on one line. Wrapping has its own tests, which unset it."""
    monkeypatch.setenv("COLUMNS", "10000")
