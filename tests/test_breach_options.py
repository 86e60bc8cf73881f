"""The shared breach helpers every command uses: exit codes and the one-line summary."""

from __future__ import annotations

from pathlib import Path

from breach_corpus import KNOWN, make_corpus

from hygiene.breach.interface import Found, NotFound, Unknown
from hygiene.cli.breach_options import breach_exit_code, breach_line, check_one
from hygiene.secret import Secret

FOUND, CLEAN, UNKNOWN = Found(3, "online"), NotFound("online"), Unknown("no network", "online")


def test_found_wins_then_unknown_then_clean() -> None:
    assert breach_exit_code([CLEAN, UNKNOWN, FOUND]) == 1
    assert breach_exit_code([CLEAN, UNKNOWN]) == 3
    assert breach_exit_code([CLEAN, CLEAN]) == 0
    assert breach_exit_code([]) == 0


def test_another_checks_finding_wins_over_unknown() -> None:
    assert breach_exit_code([UNKNOWN], needs_action=True) == 1
    assert breach_exit_code([CLEAN], needs_action=True) == 1


def test_one_line_summaries() -> None:
    assert breach_line(FOUND) == "Breach: found in data breaches, seen 3 times (source: online)."
    assert breach_line(UNKNOWN) == "Breach: could not check: no network (source: online)."


def test_check_one_uses_the_corpus(tmp_path: Path) -> None:
    path = make_corpus(20).write_file(tmp_path / "c.txt")
    result = check_one(Secret("Fluffy2019!"), offline=True, corpus=path, api_url=None)
    assert result == Found(KNOWN["Fluffy2019!"], "offline")
