"""One contract, every source: online (loopback server), offline (both layouts), built-in.

Each source must find known passwords with their counts, hash every password (even one
that looks like a hash) as UTF-8, keep the order of ``check_many``, report progress, and
never answer "not found" when it cannot know.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from breach_corpus import ABSENT, HEXLIKE, KNOWN, Corpus, make_corpus
from breach_server import serve

from hygiene.breach.builtin import NOT_LISTED, BuiltinSource
from hygiene.breach.index import build_index
from hygiene.breach.interface import BreachSource, Found, NotFound, Unknown
from hygiene.breach.offline import OrderedFileSource, RangeFolderSource
from hygiene.breach.online import OnlineSource, Settings
from hygiene.secret import Secret

FAST = Settings(timeout=1.0, connect_timeout=1.0, attempts=3, backoff=0.01, max_wait=1, workers=8)


@dataclass
class Case:
    source: BreachSource
    full: bool  # a full corpus: has counts and can say "not found"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture(scope="module")
def layouts(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("corpus")
    paths = {
        "lf": corpus.write_file(where / "lf.txt"),
        "crlf": corpus.write_file(where / "crlf.txt", newline="\r\n", final_newline=False),
        "folder": corpus.write_folder(where / "ranges"),
        "indexed": corpus.write_file(where / "indexed.txt"),
    }
    build_index(paths["indexed"])
    return paths


@pytest.fixture(
    params=[
        "online",
        "offline-file-lf",
        "offline-file-crlf",
        "offline-file-indexed",
        "offline-folder",
        "built-in",
    ]
)
def case(
    request: pytest.FixtureRequest, corpus: Corpus, layouts: dict[str, Path]
) -> Iterator[Case]:
    kind = request.param
    if kind == "online":
        with serve(corpus) as server, OnlineSource(server.url, FAST) as source:
            yield Case(source, True)
        return
    if kind == "offline-file-lf":
        source: BreachSource = OrderedFileSource(layouts["lf"])
    elif kind == "offline-file-crlf":
        source = OrderedFileSource(layouts["crlf"])
    elif kind == "offline-file-indexed":
        source = OrderedFileSource(layouts["indexed"])
        assert "(indexed)" in source.describe()
    elif kind == "offline-folder":
        source = RangeFolderSource(layouts["folder"])
    else:
        yield Case(BuiltinSource(), False)
        return
    with source:
        yield Case(source, True)


def test_usable(case: Case) -> None:
    assert case.source.unusable_reason() is None
    assert case.source.describe()


def test_known_passwords_are_found_with_their_counts(case: Case) -> None:
    for password, count in KNOWN.items():
        result = case.source.check(Secret(password))
        if case.full:
            assert result == Found(count, case.source.name), password
        elif password in ("password", "123456"):
            assert result == Found(None, "built-in")


def test_absent_passwords_are_not_found_or_unknown_never_safe(case: Case) -> None:
    for password in ABSENT:
        result = case.source.check(Secret(password))
        if case.full:
            assert result == NotFound(case.source.name)
        else:
            assert result == Unknown(NOT_LISTED, "built-in")


def test_a_password_that_looks_like_a_hash_is_hashed(case: Case) -> None:
    # HEXLIKE is SHA-1("password"); used unhashed it would match "password"'s line.
    looks_like_hash = case.source.check(Secret(HEXLIKE))
    assert looks_like_hash != case.source.check(Secret("password"))
    if case.full:
        assert looks_like_hash == Found(KNOWN[HEXLIKE], case.source.name)


def test_check_many_matches_check_in_order_with_progress(case: Case) -> None:
    passwords = [*KNOWN, *ABSENT, "password", *reversed(list(KNOWN))]
    seen: list[tuple[int, int]] = []
    many = case.source.check_many(
        [Secret(p) for p in passwords], progress=lambda done, total: seen.append((done, total))
    )
    assert many == [case.source.check(Secret(p)) for p in passwords]
    assert seen[-1] == (len(passwords), len(passwords))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_results_carry_no_password(case: Case) -> None:
    for password in [*KNOWN, *ABSENT]:
        result = case.source.check(Secret(password))
        assert password not in repr(result) and password not in str(result.to_dict())
