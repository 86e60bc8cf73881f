"""How output meets the terminal: wrapped without splitting a word, and never a crash over a
character the output's encoding cannot show."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from hygiene.cli.console import plain, wrap

WORD = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"), blacklist_characters="#|`"
    ),
    min_size=1,
    max_size=30,
)
LINE = st.builds(
    lambda marker, words: marker + " ".join(words),
    st.sampled_from(["", "  ", "- ", "   - ", "12. ", "> "]),
    st.lists(WORD, min_size=1, max_size=40),
)


@given(st.lists(LINE, min_size=1, max_size=5), st.integers(min_value=30, max_value=160))
def test_wrapping_keeps_every_word_whole_and_in_order(lines: list[str], columns: int) -> None:
    text = "\n".join(lines)
    wrapped = wrap(text, columns)
    assert wrapped.split() == text.split()
    for line in wrapped.split("\n"):
        words = line.split()
        if words and words[0] in {"-", ">"} | {f"{n}." for n in range(100)}:
            words = words[1:]
        # Only a single word longer than the room (a link, an address) may overflow.
        assert len(line) <= columns or len(words) == 1, line


def test_continuation_lines_sit_under_their_list_item() -> None:
    wrapped = wrap("   - Why: " + "word " * 30, 40).split("\n")
    assert len(wrapped) > 1
    assert all(line.startswith("     word") for line in wrapped[1:])


def test_tables_headings_and_code_are_left_as_they_are() -> None:
    long = "x " * 50
    text = f"# {long}\n| {long} |\n```\n{long}\n```"
    assert wrap(text, 30) == text


@given(st.characters(blacklist_categories=("Cs",)))
def test_every_character_has_a_plain_stand_in(char: str) -> None:
    assert plain(char).isascii()
    assert plain(char)


def run(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env.update(PYTHONIOENCODING=encoding, TERM="dumb", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "hygiene", *args], env=env, capture_output=True, timeout=120
    )


def test_a_windows_code_page_gets_plain_arrows_not_a_traceback() -> None:
    done = run("demo", encoding="cp1252")
    assert done.returncode == 0, done.stderr.decode("cp1252")
    text = done.stdout.decode("cp1252")
    # Where a line wraps depends on the words before it: compare the words.
    assert "Google Account -> Security" in " ".join(text.split())
    assert "\u2192" not in text
    assert b"Traceback" not in done.stderr


def test_output_that_is_not_a_terminal_is_wrapped_at_eighty_columns() -> None:
    text = run("demo", encoding="utf-8").stdout.decode()
    assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= 80
    assert max(len(line) for line in text.splitlines()) > 60


def test_json_on_an_ascii_pipe_stays_one_valid_document() -> None:
    done = run("plan", "--json", encoding="ascii")
    assert done.returncode == 3, done.stderr  # the general plan: nothing was checked
    assert done.stdout.isascii()
    json.loads(done.stdout)
