"""The demo: the whole tool on the fictional person, offline, with nothing typed or kept."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from hygiene.content import examples_dir

EXAMPLE_PASSWORDS = [
    row["password"]
    for row in csv.DictReader((examples_dir() / "chrome-passwords.csv").open(newline=""))
]
OLD_PASSWORD = "Maisie2015!"


def test_the_plan_puts_looking_first_and_changes_when_ready(cli):
    result = cli("demo")
    assert result.exit_code == 0
    out = result.stdout
    assert "made-up person" in out
    order = [
        out.index("## Help in an emergency"),
        out.index("## Safe to do now"),
        out.index("## When you are ready"),
        out.index("## After you have left, or when it is safe"),
    ]
    assert order == sorted(order)
    # The chain the examples were written to show: bank -> Gmail -> the shared phone.
    ready = " ".join(out[order[2] : order[3]].split())
    assert "Personal Gmail (recovery phone) and, through it, Current account" in ready
    assert "999" in out and "0808 802 0300" in out


def test_no_example_password_or_personal_fact_appears(cli, tmp_path: Path):
    page = tmp_path / "plan.html"
    result = cli("demo", "--html", str(page))
    assert result.exit_code == 0
    html = page.read_text()
    for secret in [*EXAMPLE_PASSWORDS, OLD_PASSWORD]:
        assert secret not in result.stdout and secret not in result.stderr
        assert secret not in html
    for fact in ("Pepper", "Maisie", "07700 900456", "Mill Lane", "robin.ashdown@example.com"):
        assert fact not in result.stdout and fact not in html


def test_writes_nothing_else_connects_nowhere_and_never_loads_the_keyring(tmp_path: Path):
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    page = work / "plan.html"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "HYGIENE_HOME": str(home / "hygiene"),
    }
    probe = (
        "import sys\n"
        "connections = []\n"
        "def hook(event, args):\n"
        "    if event == 'socket.connect':\n"
        "        connections.append(args)\n"
        "sys.addaudithook(hook)\n"
        "from hygiene.cli.app import app\n"
        "try:\n"
        "    app(['demo', '--html', 'plan.html'], prog_name='hygiene')\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "print('RESULT', code, len(connections), 'keyring' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "RESULT 0 0 False" in done.stderr, done.stderr
    assert [p.name for p in work.iterdir()] == ["plan.html"]
    assert page.stat().st_size > 1000
    assert not any(home.rglob("*"))
