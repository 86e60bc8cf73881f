"""The breach check inside ``hygiene password``: in its text and JSON, and in its exit code."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from breach_corpus import Corpus, make_corpus, sha1
from breach_server import RangeServer, serve
from conftest import assert_no_leak
from typer.testing import Result

Cli = Callable[..., Result]
STRONG = "plank-ivory-swoop-gravel-tundra"  # a random passphrase: strong, and no breach
STRONG_BREACHED = "quartz-ember-wobble-lantern-fjord"
WEAK = "Fluffy2021!"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    found = make_corpus(50)
    found.counts[sha1(STRONG_BREACHED)] = 4
    found.counts[sha1(WEAK)] = 9
    return found


@pytest.fixture
def server(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> Iterator[RangeServer]:
    for name in (
        "HYGIENE_CORPUS",
        "HYGIENE_HIBP_URL",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    with serve(corpus) as running:
        yield running


def run(cli: Cli, server: RangeServer, password: str, *extra: str) -> Result:
    return cli("password", "--json", "--api-url", server.url, *extra, input=password + "\n")


def test_a_strong_password_not_in_a_breach_exits_0(cli: Cli, server: RangeServer) -> None:
    result = run(cli, server, STRONG)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["breach"] == {
        "status": "not_found",
        "count": None,
        "source": "online",
        "reason": None,
    }
    assert [r.path for r in server.requests] == [f"/range/{sha1(STRONG)[:5]}"]
    assert server.requests[0].headers["add-padding"] == "true"


def test_a_strong_password_found_in_a_breach_exits_1(cli: Cli, server: RangeServer) -> None:
    result = run(cli, server, STRONG_BREACHED)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["verdict"]["level"] != "weak"
    assert data["breach"] == {"status": "found", "count": 4, "source": "online", "reason": None}
    text = cli("password", "--api-url", server.url, input=STRONG_BREACHED + "\n")
    assert "Breach: found in data breaches, seen 4 times (source: online)." in text.stdout
    assert "change it everywhere" in text.stdout


def test_a_failed_check_of_a_strong_password_exits_3(cli: Cli, server: RangeServer) -> None:
    server.fail("429-long", times=5)
    result = run(cli, server, STRONG)
    assert result.exit_code == 3
    breach = json.loads(result.stdout)["breach"]
    assert breach["status"] == "unknown" and breach["count"] is None
    assert breach["reason"].startswith("the breach service is busy")
    text = cli("password", "--offline", input=STRONG + "\n")
    assert text.exit_code == 3
    assert (
        "Breach: could not check: not in the built-in list; the full breach check could "
        "not run (source: built-in)."
    ) in text.stdout
    assert "Not checked is not safe." in text.stdout


def test_weak_wins_over_unknown(cli: Cli, server: RangeServer) -> None:
    server.fail("429-long", times=5)
    result = run(cli, server, WEAK)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["breach"]["status"] == "unknown"


def test_a_local_corpus_is_used_offline(
    cli: Cli, server: RangeServer, corpus: Corpus, tmp_path: Path
) -> None:
    path = corpus.write_file(tmp_path / "corpus.txt")
    result = cli(
        "password", "--json", "--offline", "--corpus", str(path), input=STRONG_BREACHED + "\n"
    )
    assert json.loads(result.stdout)["breach"]["source"] == "offline"
    assert result.exit_code == 1
    assert server.requests == []


def test_a_bad_corpus_is_named_before_the_password_is_read(cli: Cli, tmp_path: Path) -> None:
    result = cli("password", "--corpus", str(tmp_path / "missing.txt"), input="")
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr and "no password" not in result.stderr


@pytest.mark.parametrize("password", [STRONG, STRONG_BREACHED, WEAK])
def test_the_password_leaks_nowhere(
    cli: Cli,
    server: RangeServer,
    all_logs: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    password: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    outputs = [
        cli("password", *extra, "--api-url", server.url, input=password + "\n")
        for extra in ((), ("--json",))
    ]
    requests = "\n".join(f"{r.method} {r.path} {r.headers}" for r in server.requests)
    assert all(re.fullmatch(r"/range/[0-9A-F]{5}", r.path) for r in server.requests)
    for result in outputs:
        assert_no_leak(
            password, result.stdout, result.stderr, all_logs.text, requests, files_under=tmp_path
        )
        assert_no_leak(sha1(password), result.stdout, result.stderr, all_logs.text, requests)
