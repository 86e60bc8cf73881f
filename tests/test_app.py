"""The command line as a whole: help, version, exit codes documented."""

from __future__ import annotations

import subprocess
import sys

from hygiene import __version__


def test_help_lists_exit_codes(cli):
    result = cli("--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
    assert "3 a check could not run" in result.stdout


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"hygiene {__version__}"


def test_python_dash_m_runs_the_same_cli():
    done = subprocess.run(
        [sys.executable, "-m", "hygiene", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert __version__ in done.stdout
