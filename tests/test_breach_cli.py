"""``hygiene breach`` and ``hygiene doctor`` as a person runs them, over real parts."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from breach_corpus import ABSENT, KNOWN, Corpus, make_corpus, sha1
from breach_server import RangeServer, serve
from conftest import assert_no_leak
from typer.testing import Result

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus(200)


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


def lines(*passwords: str) -> str:
    return "".join(f"{p}\n" for p in passwords)


def test_found_passwords_exit_1_in_input_order(cli: Cli, server: RangeServer) -> None:
    result = cli("breach", "--api-url", server.url, input=lines(ABSENT[0], "password"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "line 1: not found in the breach corpus (source: online)",
        f"line 2: found in data breaches, seen {KNOWN['password']:,} times (source: online)",
    ]
    assert "Change every password that was found" in result.stdout


def test_json_gives_status_count_and_source_per_line(cli: Cli, server: RangeServer) -> None:
    result = cli(
        "breach",
        "--json",
        "--api-url",
        server.url,
        input=lines("Fluffy2019!", ABSENT[1], "pässwörd€"),
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["results"] == [
        {"line": 1, "status": "found", "count": 7, "source": "online", "reason": None},
        {"line": 2, "status": "not_found", "count": None, "source": "online", "reason": None},
        {"line": 3, "status": "found", "count": 12, "source": "online", "reason": None},
    ]


def test_nothing_found_exits_0(cli: Cli, server: RangeServer) -> None:
    result = cli("breach", "--api-url", server.url, input=lines(*ABSENT))
    assert result.exit_code == 0
    assert "3 checked: 0 found, 3 not found, 0 could not be checked." in result.stdout


def test_unknown_exits_3_and_found_wins_over_unknown(cli: Cli, server: RangeServer) -> None:
    server.fail("429-long", prefix=sha1(ABSENT[0])[:5], times=10)
    result = cli("breach", "--api-url", server.url, input=lines(ABSENT[0], ABSENT[1]))
    assert result.exit_code == 3
    assert "line 1: could not check: the breach service is busy" in result.stdout
    assert "unknown, not safe" in result.stdout
    result = cli("breach", "--api-url", server.url, input=lines(ABSENT[0], "Fluffy2019!"))
    assert result.exit_code == 1


def test_a_failed_lookup_of_a_common_password_still_flags_it(cli: Cli, server: RangeServer) -> None:
    server.fail("429-long", times=10)
    result = cli("breach", "--json", "--api-url", server.url, input=lines("123456"))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["results"][0]["source"] == "built-in"


def test_offline_without_corpus_never_says_safe(cli: Cli, server: RangeServer) -> None:
    result = cli("breach", "--offline", input=lines("password", ABSENT[0]))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "line 1: in the list of common passwords (source: built-in)",
        "line 2: could not check: not in the built-in list; the full breach check could not "
        "run (source: built-in)",
    ]
    result = cli("breach", "--offline", input=lines(ABSENT[0]))
    assert result.exit_code == 3


def test_a_corpus_is_used_without_the_network(
    cli: Cli, server: RangeServer, corpus: Corpus, tmp_path: Path
) -> None:
    path = corpus.write_file(tmp_path / "corpus.txt")
    result = cli(
        "breach", "--json", "--api-url", server.url, "--corpus", str(path), input=lines("password")
    )
    assert json.loads(result.stdout)["results"][0]["source"] == "offline"
    assert server.requests == []


def test_bad_lines_are_all_named_and_nothing_is_checked(cli: Cli, server: RangeServer) -> None:
    result = cli("breach", "--api-url", server.url, input=b"ok one\n\nbad\xff\n")
    assert result.exit_code == 2
    assert "line 2 is empty" in result.stderr and "line 3 is not valid UTF-8" in result.stderr
    assert server.requests == []


def test_a_broken_corpus_is_named(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "counts.txt"
    path.write_text("".join(f"{sha1(str(i))}:{100 - i}\n" for i in range(100)))
    result = cli("breach", "--corpus", str(path), input=lines("password"))
    assert result.exit_code == 2
    assert "counts.txt" in result.stderr and "not in hash order" in result.stderr


def test_no_password_leaks_anywhere(
    cli: Cli,
    server: RangeServer,
    all_logs: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    server.fail("429-long", prefix=sha1(ABSENT[1])[:5], times=10)
    server.fail("garbage", prefix=sha1(ABSENT[2])[:5], times=1)
    # "password" and "123456" are words and numbers the output may use for other reasons.
    passwords = [p for p in [*KNOWN, *ABSENT] if p not in ("password", "123456")]
    outputs = [
        cli("breach", *extra, "--api-url", server.url, input=lines(*passwords))
        for extra in ((), ("--json",))
    ]
    requests = "\n".join(f"{r.method} {r.path} {r.headers}" for r in server.requests)
    for password in passwords:
        for result in outputs:
            assert_no_leak(
                password,
                result.stdout,
                result.stderr,
                all_logs.text,
                requests,
                files_under=tmp_path,
            )
            assert_no_leak(sha1(password), result.stdout, result.stderr, all_logs.text, requests)


def test_doctor_lists_every_source_and_why(cli: Cli, tmp_path: Path) -> None:
    result = cli("doctor", "--offline")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == [  # the keyring section follows
        "Breach check",
        "  offline: not usable: no corpus named (use --corpus PATH or HYGIENE_CORPUS)",
        "  online: not usable: --offline forbids the network",
        "  built-in: in use: always there: a list of 30,000 common passwords shipped with "
        "hygiene; it can flag a common password but never clear one",
    ]
    path = make_corpus(5).write_file(tmp_path / "c.txt")
    data = json.loads(cli("doctor", "--json", "--corpus", str(path)).stdout)
    options = data["sections"][0]["options"]
    assert [(o["name"], o["usable"], o["chosen"]) for o in options] == [
        ("offline", True, True),
        ("online", True, False),
        ("built-in", True, False),
    ]


AUDITED = """
import os, sys
def hook(event, args):
    if event in ("socket.__new__", "socket.connect", "socket.getaddrinfo"):
        sys.stderr.write("NETWORK: " + event + "\\n")
        sys.stderr.flush()
        os._exit(99)
sys.addaudithook(hook)
from hygiene.cli.app import main
sys.argv = ["hygiene", *sys.argv[1:]]
main()
"""


def run_audited(*args: str, env_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", AUDITED, *args],
        input=lines("password", ABSENT[0]),
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HYGIENE_HIBP_URL": env_url},
    )


def test_offline_opens_no_socket(server: RangeServer, corpus: Corpus, tmp_path: Path) -> None:
    offline = run_audited("breach", "--offline", env_url=server.url)
    assert offline.returncode == 1, offline.stderr
    assert "NETWORK" not in offline.stderr
    path = corpus.write_folder(tmp_path / "ranges")
    with_corpus = run_audited("breach", "--offline", "--corpus", str(path), env_url=server.url)
    assert with_corpus.returncode == 1, with_corpus.stderr
    assert "NETWORK" not in with_corpus.stderr
    # The same run without --offline trips the hook: the hook does see connections.
    online = run_audited("breach", env_url=server.url)
    assert online.returncode == 99 and "NETWORK" in online.stderr
    assert server.requests == []


def test_passwords_are_not_taken_from_a_terminal_where_they_would_show() -> None:
    main, replica = pty.openpty()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "hygiene", "breach", "--offline"],
            stdin=replica,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(main)
        os.close(replica)
    assert run.returncode == 2
    assert "reads passwords piped to it" in run.stderr and "hygiene password" in run.stderr


def test_a_refused_line_is_named_by_number_not_content(cli: Cli) -> None:
    result = cli("breach", "--offline", input=b"Sturgeon-Lantern-91\x00\nOtter\xff-Quill-27\n")
    assert result.exit_code == 2
    assert "line 1 contains a NUL byte" in result.stderr
    assert "line 2 is not valid UTF-8" in result.stderr
    assert "Sturgeon" not in result.stderr + result.stdout
    assert "Quill" not in result.stderr + result.stdout


def test_ctrl_c_while_lookups_hang_stops_at_once_with_130(server: RangeServer) -> None:
    # Every range drips a byte at a time: the lookups would run to their deadlines.
    server.fail("stall", times=100)
    run = subprocess.Popen(
        [sys.executable, "-m", "hygiene", "breach"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HYGIENE_HIBP_URL": server.url},
    )
    try:
        assert run.stdin is not None
        run.stdin.write(lines(*[f"drip-{i}" for i in range(20)]))
        run.stdin.close()
        for _ in range(200):
            if server.requests:
                break
            time.sleep(0.05)
        assert server.requests, "no lookup started"
        time.sleep(0.3)
        started = time.monotonic()
        run.send_signal(signal.SIGINT)
        code = run.wait(timeout=30)
        took = time.monotonic() - started
    finally:
        run.kill()
        run.wait()
    stderr = run.stderr.read() if run.stderr else ""
    assert code == 130, stderr
    assert took < 2
    assert "Traceback" not in stderr
