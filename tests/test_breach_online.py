"""The range-API client against a real server on loopback: what is sent, and every failure.

The server's own log is the witness: only 5-character upper-case hex prefixes arrive,
each once, with padding asked for. Every fault ends in a retry or an ``Unknown`` with a
plain reason, never in "not found".
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from breach_corpus import ABSENT, KNOWN, Corpus, make_corpus, sha1
from breach_server import RangeServer, serve, socks_proxy

from hygiene import __version__
from hygiene.breach.interface import Found, NotFound, Unknown
from hygiene.breach.online import OnlineSource, Settings
from hygiene.secret import Secret

FAST = Settings(timeout=0.5, connect_timeout=0.5, attempts=3, backoff=0.01, max_wait=1, workers=8)
PASSWORDS = [*KNOWN, *ABSENT]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus(200)


@pytest.fixture
def server(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> Iterator[RangeServer]:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    with serve(corpus) as running:
        yield running


def check(server: RangeServer, password: str, settings: Settings = FAST) -> object:
    with OnlineSource(server.url, settings) as source:
        return source.check(Secret(password))


def test_only_padded_five_character_prefixes_leave_once_each(server: RangeServer) -> None:
    with OnlineSource(server.url, FAST) as source:
        source.check_many([Secret(p) for p in PASSWORDS * 3])
        source.check_many([Secret(p) for p in PASSWORDS])
    paths = [request.path for request in server.requests]
    assert all(re.fullmatch(r"/range/[0-9A-F]{5}", path) for path in paths), paths
    assert sorted(paths) == sorted({f"/range/{sha1(p)[:5]}" for p in PASSWORDS})
    for request in server.requests:
        assert request.headers["add-padding"] == "true"
        assert request.headers["user-agent"] == f"hygiene/{__version__}"
        for password in PASSWORDS:
            assert sha1(password)[5:] not in str(request)
            assert password not in str(request)


def test_connections_are_kept_alive_and_bounded(server: RangeServer) -> None:
    settings = Settings(timeout=1.0, attempts=1, workers=2)
    with OnlineSource(server.url, settings) as source:
        source.check_many([Secret(f"keep-alive-{i}") for i in range(30)])
    assert len(server.requests) == 30
    assert len({request.port for request in server.requests}) <= 2


def test_padding_lines_never_count_as_a_match(corpus: Corpus) -> None:
    # The service pads with count-0 lines; one that equals the asked suffix is no match.
    zero = Corpus(dict(corpus.counts))
    zero.counts[sha1(ABSENT[0])] = 0
    with serve(zero) as server:
        assert check(server, ABSENT[0]) == NotFound("online")


@pytest.mark.parametrize(
    "fault", ["429", "500", "502-empty", "200-empty", "truncated", "garbage", "stall"]
)
def test_a_passing_fault_is_retried(server: RangeServer, fault: str) -> None:
    server.fail(fault)
    assert check(server, "password") == Found(KNOWN["password"], "online")
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("500", "the breach service had a problem (HTTP 500)"),
        ("502-empty", "the breach service had a problem (HTTP 502)"),
        ("200-empty", "the breach service sent an empty reply"),
        ("truncated", "the breach service could not be reached"),
        ("garbage", "the breach service sent a reply that could not be read"),
        ("stall", "the breach service did not answer in time"),
        ("429", "the breach service is busy"),
    ],
)
def test_a_lasting_fault_is_unknown_after_bounded_retries(
    server: RangeServer, fault: str, reason: str
) -> None:
    server.fail(fault, times=FAST.attempts)
    assert check(server, ABSENT[0]) == Unknown(reason, "online")
    assert len(server.requests) == FAST.attempts


@pytest.mark.parametrize(("fault", "wait"), [("429-long", "3600"), ("429-date", "7200")])
def test_a_long_retry_after_is_not_waited_for(server: RangeServer, fault: str, wait: str) -> None:
    server.fail(fault, times=5)
    result = check(server, "password")
    assert isinstance(result, Unknown)
    asked = re.fullmatch(
        r"the breach service is busy; it asked to wait (\d+) seconds", result.reason
    )
    assert asked is not None and int(asked.group(1)) >= int(wait) - 60
    assert len(server.requests) == 1


def test_a_refusal_is_unknown_without_retry(server: RangeServer) -> None:
    with OnlineSource(server.url + "/wrong", FAST) as source:
        result = source.check(Secret("password"))
    assert result == Unknown("the breach service refused the request (HTTP 400)", "online")
    assert len(server.requests) == 1


def test_nothing_listening_is_unknown() -> None:
    with serve(make_corpus(1)) as gone:
        url = gone.url
    with OnlineSource(url, FAST) as source:
        result = source.check(Secret("password"))
    assert result == Unknown("the breach service could not be reached", "online")


def test_one_failed_prefix_leaves_the_others_answered(server: RangeServer) -> None:
    server.fail("500", prefix=sha1(ABSENT[1])[:5], times=FAST.attempts)
    with OnlineSource(server.url, FAST) as source:
        results = source.check_many([Secret("password"), Secret(ABSENT[1]), Secret(ABSENT[0])])
    assert results[0] == Found(KNOWN["password"], "online")
    assert isinstance(results[1], Unknown)
    assert results[2] == NotFound("online")


def test_an_http_proxy_from_the_environment_is_used(
    server: RangeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", server.url)
    with OnlineSource("http://pwned.invalid", FAST) as source:
        assert source.check(Secret("password")) == Found(KNOWN["password"], "online")
    assert server.requests[0].path.startswith("http://pwned.invalid/range/")


def test_a_socks_proxy_from_the_environment_is_used(
    server: RangeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socks_proxy(server.port) as (port, asked):
        monkeypatch.setenv("ALL_PROXY", f"socks5h://127.0.0.1:{port}")
        with OnlineSource("http://pwned.invalid", FAST) as source:
            assert source.check(Secret("password")) == Found(KNOWN["password"], "online")
    assert asked == ["pwned.invalid"]
    assert re.fullmatch(r"/range/[0-9A-F]{5}", server.requests[0].path)


def test_an_unusable_proxy_setting_is_unknown(
    server: RangeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", "gopher://127.0.0.1:1")
    with OnlineSource(server.url, FAST) as source:
        result = source.check(Secret("password"))
    assert isinstance(result, Unknown)
    assert server.requests == []


# A hostile or broken server must neither grow memory nor hold the run: each of these ends
# the range as Unknown, within a bounded time, and never as "not found".
SMALL = Settings(
    timeout=0.5,
    connect_timeout=0.5,
    attempts=3,
    backoff=0.01,
    max_wait=1,
    workers=8,
    max_reply=200_000,
    range_deadline=1.5,
    run_deadline=3.0,
)


@pytest.mark.parametrize("fault", ["huge", "endless"])
def test_an_oversized_reply_is_refused_without_reading_it_all(
    server: RangeServer, fault: str
) -> None:
    server.fail(fault, times=5)
    started = time.monotonic()
    result = check(server, ABSENT[0], SMALL)
    assert result == Unknown("the breach service sent a reply larger than 200 KB", "online")
    assert time.monotonic() - started < 5
    assert len(server.requests) == 1  # a reply that size is no passing fault


def test_a_real_padded_reply_is_under_the_default_cap(server: RangeServer) -> None:
    settings = Settings(timeout=1.0, attempts=1, workers=2, max_reply=Settings().max_reply)
    assert check(server, "password", settings) == Found(KNOWN["password"], "online")
    assert Settings().max_reply >= 100_000


def test_one_byte_at_a_time_ends_at_the_range_deadline(server: RangeServer) -> None:
    # Each byte comes well inside the read timeout, so only the deadline can end it.
    server.fail("drip", times=5)
    started = time.monotonic()
    result = check(server, ABSENT[0], SMALL)
    took = time.monotonic() - started
    assert result == Unknown("the breach service answered too slowly", "online")
    assert SMALL.range_deadline <= took < SMALL.range_deadline + 2


def test_the_run_deadline_ends_every_range_still_waiting(server: RangeServer) -> None:
    server.fail("drip", times=50)
    settings = Settings(
        timeout=0.5,
        connect_timeout=0.5,
        attempts=3,
        backoff=0.01,
        max_wait=1,
        workers=2,
        range_deadline=30,
        run_deadline=1.0,
    )
    started = time.monotonic()
    with OnlineSource(server.url, settings) as source:
        results = source.check_many([Secret(p) for p in PASSWORDS])
    assert time.monotonic() - started < settings.run_deadline + 2
    assert results and all(
        result == Unknown("the lookups as a whole took too long", "online") for result in results
    )
