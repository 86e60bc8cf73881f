"""The result types and the default batching of every breach source."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from hygiene.breach.interface import BreachSource, Found, NotFound, Result, Unknown
from hygiene.secret import Secret


class Echo(BreachSource):
    name = "echo"

    def check(self, secret: Secret) -> Result:
        return Found(len(secret), self.name) if len(secret) > 3 else NotFound(self.name)


def test_results_serialise_with_status_count_and_source() -> None:
    assert Found(5, "online").to_dict() == {
        "status": "found",
        "count": 5,
        "source": "online",
        "reason": None,
    }
    assert NotFound("offline").to_dict() == {
        "status": "not_found",
        "count": None,
        "source": "offline",
        "reason": None,
    }
    unknown = Unknown("no network", "online")
    assert unknown.to_dict() == {
        "status": "unknown",
        "count": None,
        "source": "online",
        "reason": "no network",
    }
    assert unknown.describe() == "could not check: no network"


def test_results_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Found(1, "x").count = 2  # type: ignore[misc]


def test_default_check_many_keeps_order_and_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    secrets: Sequence[Secret] = [Secret("abcd"), Secret("ab"), Secret("abcdef")]
    results = Echo().check_many(secrets, progress=lambda done, total: seen.append((done, total)))
    assert results == [Found(4, "echo"), NotFound("echo"), Found(6, "echo")]
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_describe_says_how_often_or_that_it_is_common() -> None:
    assert Found(1, "online").describe() == "found in data breaches, seen once"
    assert Found(12345, "online").describe() == "found in data breaches, seen 12,345 times"
    assert Found(None, "built-in").describe() == "in the list of common passwords"
