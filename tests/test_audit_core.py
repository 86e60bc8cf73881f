"""The audit core: registrable domains, near-duplicates, progress reporting, the bar."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from hygiene.audit.domains import app_package, host_of, registrable_domain
from hygiene.audit.groups import change, similar_passwords
from hygiene.audit.run import run_audit
from hygiene.breach.builtin import BuiltinSource
from hygiene.cli.progress import ProgressBar
from hygiene.exports.registry import open_export
from hygiene.secret import Secret

VAULT = Path(__file__).parent / "fixtures" / "audit" / "vault.csv"


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.bbc.co.uk/account", "bbc.co.uk"),
        ("https://login.example.com", "example.com"),
        ("accounts.example.com", "example.com"),
        ("https://alice.github.io/", "alice.github.io"),  # a private suffix: her own site
        ("http://192.168.1.5/admin", "192.168.1.5"),
        ("https://forum.allotment.test/", "allotment.test"),
        ("not a url at all", "not a url at all"),
        ("", ""),
    ],
)
def test_registrable_domain_uses_the_public_suffix_list(url: str, domain: str) -> None:
    assert registrable_domain(host_of(url)) == domain


def test_app_urls_name_their_package() -> None:
    assert app_package("android://AbC==@com.example.app/") == "com.example.app"
    assert app_package("androidapp://com.example.app") == "com.example.app"
    assert app_package("https://example.com") is None


def test_near_duplicates_share_a_base_with_a_small_edit() -> None:
    passwords = [
        Secret(p)
        for p in (
            "Harbour-Lights-Quay-2019",
            "Harbour-Lights-Quay-2021",
            "harb0ur-lights-quay-2019",
            "plank-ivory-swoop-gravel-tundra",
            "Qx7!mv9#Lp2@",
            "Qx7!mv9#Lp3@",
            "abc1",
            "abc2",
        )
    ]
    similar = similar_passwords(passwords)
    assert similar[0] == similar[1] == similar[2] == [0, 1, 2]
    assert change(passwords[1].reveal(), passwords[0].reveal()) == "the year changed"
    assert change(passwords[2].reveal(), passwords[0].reveal()).startswith("only capitals")
    assert change("Harbour1999!", "Harbour1!") == "a number changed"
    assert change("Harbour!", "Harbour1999") == "the start or ending changed"
    assert 3 not in similar
    assert 6 not in similar and 7 not in similar  # a base of three letters is chance


def test_each_stage_reports_progress_to_the_observer() -> None:
    seen: list[tuple[str, int, int]] = []
    report = run_audit(open_export(VAULT), BuiltinSource(), observer=lambda *a: seen.append(a))
    stages = [stage for stage, _, _ in seen]
    assert stages.index("strength") < stages.index("breach")
    assert ("strength", report.distinct_passwords, report.distinct_passwords) in seen
    assert ("breach", report.distinct_passwords, report.distinct_passwords) in seen
    assert set(report.timings) == {"read", "strength", "breach", "reuse"}


def test_each_distinct_password_is_looked_up_once() -> None:
    asked: list[int] = []

    class Counting(BuiltinSource):
        def check_many(self, secrets, progress=None):  # type: ignore[no-untyped-def]
            asked.append(len(secrets))
            return super().check_many(secrets, progress)

    report = run_audit(open_export(VAULT), Counting())
    assert asked == [report.distinct_passwords] == [10]


def test_the_progress_bar_draws_words_and_numbers_then_clears() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar("breach", 10, 10)
    bar("read", 500, 0)
    bar.close()
    text = stream.getvalue()
    assert "Checking breaches: [########################] 10 of 10" in text
    assert text.endswith("\r\033[K")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_parallel_assessment_matches_serial_and_sends_back_no_fact_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pickle

    from hygiene.audit import parallel
    from hygiene.facts import load_facts

    facts = load_facts(Path(__file__).parent / "fixtures" / "audit" / "facts.toml")
    texts = ("Lighthouse2020!", "Biscuit1987", "Whitby-pier-4", "qwerty12")
    passwords = [Secret(p) for p in texts]
    serial = parallel.assess_all(passwords, facts)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    forked = parallel.assess_all(passwords, facts)
    assert [a.to_dict() for a in forked] == [a.to_dict() for a in serial]
    assert forked[1].targeted.personal_parts  # still known to be built from facts
    sent = pickle.dumps(forked)
    for value in (b"Biscuit", b"Lighthouse2019!", b"Whitby", b"1987"):
        assert value not in sent
