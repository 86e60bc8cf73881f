"""``hygiene audit`` as a person uses it: ranked lines, JSON, Markdown, exit codes, no leaks."""

from __future__ import annotations

import json
import os
import pty
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from breach_corpus import Corpus, sha1
from breach_server import RangeServer, serve
from conftest import assert_no_leak
from typer.testing import Result

from hygiene.exports.interface import Entry
from hygiene.exports.registry import open_export

FIXTURES = Path(__file__).parent / "fixtures"
VAULT = FIXTURES / "audit" / "vault.csv"
FACTS = str(FIXTURES / "audit" / "facts.toml")
Cli = Callable[..., Result]


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    counts = {sha1("Breached-Lemon-77"): 5, sha1("qwerty12"): 1000}
    counts |= {"0" * 40: 1, "F" * 40: 1}
    return str(Corpus(counts).write_file(tmp_path / "corpus.txt"))


def _json(cli: Cli, *args: str) -> dict:  # type: ignore[type-arg]
    result = cli("audit", *args, "--json")
    return json.loads(result.stdout)


def _by_title(data: dict) -> dict:  # type: ignore[type-arg]
    return {e["title"]: e for e in data["entries"]}


def test_lines_are_ranked_most_urgent_first(cli: Cli, corpus: str) -> None:
    result = cli("audit", str(VAULT), "--facts", FACTS, "--corpus", corpus)
    assert result.exit_code == 1
    ranked = [line for line in result.stdout.splitlines() if line[:4].strip().isdigit()]
    severities = [line.split()[1] for line in ranked]
    order = ["URGENT", "HIGH", "MEDIUM", "LOW"]
    assert severities == sorted(severities, key=order.index)
    assert "Old variant" in ranked[0] and "old password 1 (the year changed)" in ranked[0]
    assert "Pet site" in ranked[1] and "your pet's name" in ranked[1]
    assert ranked[-1].split()[1] == "LOW" and "http://" in ranked[-1]
    assert result.stdout.rstrip().endswith(
        "delete the export file and empty the bin: it holds every password in plain text."
    )


def test_json_has_the_stable_keys_and_every_reason(cli: Cli, corpus: str) -> None:
    data = _json(cli, str(VAULT), "--facts", FACTS, "--corpus", corpus)
    assert set(data) >= {"entries", "summary"}
    entry = data["entries"][0]
    assert set(entry) >= {
        "title",
        "username",
        "url",
        "reasons",
        "reuse_group",
        "generic",
        "targeted",
        "breach",
    }
    titles = _by_title(data)
    assert titles["Old variant"]["reasons"] == ["old_password_variant"]
    assert titles["Pet site"]["reasons"] == ["guessable"]
    assert titles["Breached"]["reasons"] == ["breached"]
    assert titles["Breached"]["breach"]["count"] == 5
    assert titles["Keyboard"]["reasons"] == ["breached", "weak"]
    assert titles["Forum"]["reasons"] == ["similar"]
    assert titles["Plain site"]["reasons"] == ["insecure_url"]
    assert titles["Strong"]["reasons"] == []
    assert data["entries"][-1]["reasons"] == []
    summary = data["summary"]
    assert summary["logins"] == 12
    assert summary["skipped"] == 1
    assert summary["skipped_by_kind"]["malformed"] == 1
    assert summary["by_reason"]["reused"] == 2
    assert summary["breach"] == {"found": 2, "not_found": 10, "unknown": 0}


def test_reuse_is_across_accounts_not_the_same_login_twice(cli: Cli, corpus: str) -> None:
    titles = _by_title(_json(cli, str(VAULT), "--corpus", corpus))
    assert titles["Webmail"]["reasons"] == ["reused"]
    assert titles["Webmail"]["reuse_group"] == titles["Bank"]["reuse_group"] == 1
    # Same username (any case) on one registrable domain: one login saved twice.
    for title in ("Club (www)", "Club (members)"):
        assert titles[title]["reasons"] == []
        assert titles[title]["reuse_group"] is None


def test_chrome_rows_per_affiliated_site_are_not_reuse(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chrome.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "cinemaworld.co.uk,https://www.cinemaworld.co.uk/,sam@mail.test,Velvet-seat-9-row,\n"
        "Cinemaworld,android://AbCd==@com.cinemaworld.tickets/,sam@mail.test,Velvet-seat-9-row,\n"
    )
    titles = _by_title(_json(cli, str(export), "--offline"))
    assert titles["cinemaworld.co.uk"]["reasons"] == []
    assert titles["Cinemaworld"]["reasons"] == []
    # The same credentials on an unrelated site are still reuse.
    with export.open("a") as out:
        out.write(
            "garden.example.com,https://garden.example.com/,sam@mail.test,Velvet-seat-9-row,\n"
        )
    titles = _by_title(_json(cli, str(export), "--offline"))
    assert titles["garden.example.com"]["reasons"] == ["reused"]
    assert "cinemaworld.co.uk" in titles["garden.example.com"]["details"][0]["text"]
    assert "Cinemaworld," not in titles["garden.example.com"]["details"][0]["text"]
    assert titles["Cinemaworld"]["reasons"] == ["reused"]


def test_a_malformed_row_is_reported_by_number_and_the_run_goes_on(cli: Cli, corpus: str) -> None:
    result = cli("audit", str(VAULT), "--corpus", corpus)
    assert "row 7: this row has 13 fields and the header has 11" in result.stdout
    assert "12 logins checked" in result.stdout
    assert "Torn row" not in result.stdout


def test_old_passwords_only_where_the_export_has_a_real_date(cli: Cli) -> None:
    firefox = str(FIXTURES / "exports" / "firefox.csv")
    data = _json(cli, firefox, "--offline", "--since", "2020-01-01")
    assert data["entries"][0]["reasons"] == ["old"]
    assert data["entries"][0]["password_changed"].startswith("2019-01-01")
    data = _json(cli, firefox, "--offline", "--since", "2018-06-01")
    assert data["entries"][0]["reasons"] == []
    keepass = str(FIXTURES / "exports" / "keepassxc.csv")
    assert all("old" not in e["reasons"] for e in _json(cli, keepass, "--offline")["entries"])


def test_unknown_breach_status_exits_3_unless_something_needs_acting_on(
    cli: Cli, corpus: str, tmp_path: Path
) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "strong.example.com,https://strong.example.com/,sam,plank-ivory-swoop-gravel-tundra,\n"
    )
    offline = cli("audit", str(export), "--offline")
    assert offline.exit_code == 3
    assert "unknown, not safe" in offline.stdout
    assert cli("audit", str(export), "--corpus", corpus).exit_code == 0
    assert cli("audit", str(VAULT), "--offline").exit_code == 1


def test_markdown_report(cli: Cli, corpus: str) -> None:
    result = cli("audit", str(VAULT), "--facts", FACTS, "--corpus", corpus, "--markdown")
    assert result.stdout.startswith("# Password audit of vault.csv")
    assert "1. **URGENT** Old variant" in result.stdout
    assert "## What to do" in result.stdout
    assert "**When you are done, delete the export file" in result.stdout


def test_no_progress_or_control_characters_when_stderr_is_not_a_terminal(
    cli: Cli, corpus: str
) -> None:
    text = cli("audit", str(VAULT), "--corpus", corpus)
    assert text.stderr == ""
    data = cli("audit", str(VAULT), "--corpus", corpus, "--json")
    assert "\r" not in data.stderr and "\033" not in data.stderr
    assert "delete the export" in data.stderr
    json.loads(data.stdout)


def test_bad_input_exits_2_with_plain_words(cli: Cli, tmp_path: Path) -> None:
    mystery = tmp_path / "mystery.csv"
    mystery.write_text("site,login,secret\nx.test,sam,Hidden-Value-77\n")
    result = cli("audit", str(mystery), "--offline")
    assert result.exit_code == 2
    assert "site, login, …" in result.stderr and "chrome-csv" in result.stderr
    assert "Hidden-Value-77" not in result.stderr
    sealed = cli("audit", str(FIXTURES / "exports" / "bitwarden_encrypted.json"), "--offline")
    assert sealed.exit_code == 2 and "delete the export" in sealed.stderr
    wrong = cli("audit", str(VAULT), "--offline", "--format", "netscape")
    assert wrong.exit_code == 2
    both = cli("audit", str(VAULT), "--offline", "--json", "--markdown")
    assert both.exit_code == 2


def _passwords(path: Path) -> list[str]:
    return [i.password.reveal() for i in open_export(path).items if isinstance(i, Entry)]


@pytest.mark.parametrize("mode", [[], ["--json"], ["--markdown"], ["--quiet"]])
def test_no_password_leaks_and_nothing_is_written(
    cli: Cli,
    all_logs: pytest.LogCaptureFixture,
    corpus: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: list[str],
) -> None:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    export = shutil.copy(VAULT, tmp_path / "export.csv")
    monkeypatch.chdir(work)
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "TMPDIR": str(home)}
    result = cli("audit", str(export), "--facts", FACTS, "--corpus", corpus, *mode, env=env)
    assert result.exit_code == 1
    secrets = [*_passwords(VAULT), "Torn-Row-Pass-1", "Lighthouse2019!"]
    for secret in secrets:
        assert_no_leak(secret, result.stdout, result.stderr, all_logs.text, files_under=work)
    assert list(work.iterdir()) == [] and list(home.iterdir()) == []
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["corpus.txt", "export.csv", "home", "work"]


def test_offline_audit_makes_no_connection(
    cli: Cli, corpus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the audit tried to connect")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert cli("audit", str(VAULT), "--offline").exit_code == 1
    assert cli("audit", str(VAULT), "--corpus", corpus).exit_code == 1


@pytest.fixture
def range_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RangeServer]:
    for name in (
        "HYGIENE_CORPUS",
        "HYGIENE_HIBP_URL",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    corpus = Corpus({sha1("Breached-Lemon-77"): 5, sha1("qwerty12"): 1000})
    with serve(corpus) as running:
        yield running


def test_online_audit_sends_each_prefix_once_and_nothing_else(
    cli: Cli, range_server: RangeServer
) -> None:
    data = _json(cli, str(VAULT), "--api-url", range_server.url)
    assert data["summary"]["breach"]["found"] == 2
    paths = [r.path for r in range_server.requests]
    prefixes = {sha1(p)[:5] for p in _passwords(VAULT)}
    assert sorted(paths) == sorted(f"/range/{p}" for p in prefixes)
    assert all(r.headers.get("add-padding") == "true" for r in range_server.requests)
    sent = " ".join(f"{r.path} {r.headers}" for r in range_server.requests)
    for password in _passwords(VAULT):
        assert password not in sent and sha1(password)[5:] not in sent


def test_a_failed_online_lookup_is_unknown_never_safe(
    cli: Cli, range_server: RangeServer, tmp_path: Path
) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "strong.example.com,https://strong.example.com/,sam,plank-ivory-swoop-gravel-tundra,\n"
    )
    range_server.fail("500", times=50)
    result = cli("audit", str(export), "--api-url", range_server.url, "--json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["entries"][0]["breach"]["status"] == "unknown"


def _run_with_terminal_stderr(*args: str) -> tuple[bytes, bytes, int]:
    """The real command with stderr on a pseudo-terminal and stdout on a pipe."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hygiene", "audit", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        close_fds=True,
    )
    os.close(follower)
    terminal = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    stdout = proc.stdout.read() if proc.stdout else b""
    return terminal, stdout, proc.wait(timeout=120)


def test_a_terminal_sees_the_progress_bar_and_stdout_stays_clean(corpus: str) -> None:
    terminal, stdout, code = _run_with_terminal_stderr(str(VAULT), "--corpus", corpus)
    assert code == 1
    assert b"Checking strength: [" in terminal and b"10 of 10" in terminal
    assert b"\x1b" not in stdout and b"Checking" not in stdout
    quiet, _, _ = _run_with_terminal_stderr(str(VAULT), "--corpus", corpus, "--quiet")
    assert b"Checking" not in quiet
    as_json, out, _ = _run_with_terminal_stderr(str(VAULT), "--corpus", corpus, "--json")
    assert b"Checking" not in as_json
    json.loads(out)
