"""Which source is used, and the listing of every source with why it is or is not usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from breach_corpus import make_corpus

from hygiene.breach.builtin import BuiltinSource, WithFallback
from hygiene.breach.offline import OrderedFileSource, RangeFolderSource
from hygiene.breach.online import DEFAULT_URL, OnlineSource
from hygiene.breach.select import list_sources, open_source
from hygiene.errors import InputError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HYGIENE_CORPUS", raising=False)
    monkeypatch.delenv("HYGIENE_HIBP_URL", raising=False)


def test_a_named_corpus_comes_first_even_online(tmp_path: Path) -> None:
    path = make_corpus(10).write_file(tmp_path / "c.txt")
    source = open_source(offline=False, corpus=path, api_url=None)
    assert isinstance(source, WithFallback)
    assert isinstance(source.primary, OrderedFileSource)


def test_the_corpus_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus(10).write_folder(tmp_path / "ranges")
    monkeypatch.setenv("HYGIENE_CORPUS", str(folder))
    source = open_source(offline=True, corpus=None, api_url=None)
    assert isinstance(source, WithFallback)
    assert isinstance(source.primary, RangeFolderSource)


def test_online_unless_offline_with_the_address_from_option_or_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = open_source(offline=False, corpus=None, api_url=None)
    assert isinstance(source, WithFallback) and isinstance(source.primary, OnlineSource)
    assert source.primary.base_url == DEFAULT_URL
    monkeypatch.setenv("HYGIENE_HIBP_URL", "http://127.0.0.1:9/")
    source = open_source(offline=False, corpus=None, api_url=None)
    assert isinstance(source, WithFallback) and isinstance(source.primary, OnlineSource)
    assert source.primary.base_url == "http://127.0.0.1:9"
    source = open_source(offline=False, corpus=None, api_url="https://mirror.example")
    assert isinstance(source, WithFallback) and isinstance(source.primary, OnlineSource)
    assert source.primary.base_url == "https://mirror.example"


def test_offline_without_corpus_is_the_built_in_list() -> None:
    assert isinstance(open_source(offline=True, corpus=None, api_url=None), BuiltinSource)


def test_a_broken_corpus_is_refused_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match=r"nowhere\.txt"):
        open_source(offline=True, corpus=missing, api_url=None)


def test_a_bad_address_is_refused() -> None:
    with pytest.raises(InputError, match="https://"):
        open_source(offline=False, corpus=None, api_url="ftp://mirror.example")


def test_listing_says_why_each_source_is_or_is_not_usable(tmp_path: Path) -> None:
    statuses = list_sources(offline=True, corpus=None)
    assert [s.name for s in statuses] == ["offline", "online", "built-in"]
    assert not statuses[0].usable and "--corpus" in statuses[0].detail
    assert not statuses[1].usable and "--offline" in statuses[1].detail
    assert statuses[2].usable and statuses[2].chosen

    path = make_corpus(10).write_file(tmp_path / "c.txt")
    statuses = list_sources(offline=False, corpus=path)
    assert [s.chosen for s in statuses] == [True, False, False]
    assert all(s.usable for s in statuses)


def test_listing_a_broken_corpus_chooses_nothing(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text("not a corpus\n")
    statuses = list_sources(offline=False, corpus=tmp_path / "c.txt")
    assert not statuses[0].usable and "HASH:COUNT" in statuses[0].detail
    assert not any(s.chosen for s in statuses)
