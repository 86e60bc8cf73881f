"""Property tests for the two corpus text forms: range bodies and ordered-file lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.breach.parsing import FormatError, parse_corpus_line, parse_range_body

HEX = "0123456789ABCDEF"
# Every error names where and what, from a fixed set of sentences: never the line itself.
MESSAGE = re.compile(
    r"(line \d+|a line) (is not in the form (SUFFIX|HASH):COUNT"
    r"|has a \d+-character hash where \d+ were expected"
    r"|holds an NTLM hash; hygiene needs the SHA-1 corpus)"
)
suffixes = st.text(alphabet=HEX, min_size=35, max_size=35)
counts = st.integers(min_value=0, max_value=10**9)
entries = st.dictionaries(suffixes, st.integers(min_value=1, max_value=10**9), max_size=40)
padding = st.lists(suffixes, max_size=40)


def render(lines: list[str], newline: str, final: bool) -> str:
    return newline.join(lines) + (newline if final and lines else "")


@given(entries, padding, st.sampled_from(["\n", "\r\n"]), st.booleans(), st.booleans())
def test_range_bodies_keep_real_lines_and_drop_padding(
    real: dict[str, int], pad: list[str], newline: str, final: bool, lower: bool
) -> None:
    lines = [f"{s.lower() if lower else s}:{c}" for s, c in real.items()]
    lines += [f"{s}:0" for s in pad if s not in real]
    assert parse_range_body(render(lines, newline, final)) == real


@given(entries, padding)
def test_a_padding_line_never_hides_or_fakes_a_match(real: dict[str, int], pad: list[str]) -> None:
    # Padding may repeat a real suffix (count 0): the real count stands; no new match appears.
    lines = [f"{s}:0" for s in [*pad, *real]] + [f"{s}:{c}" for s, c in real.items()]
    assert parse_range_body("\r\n".join(lines)) == real


@given(entries, st.integers(min_value=0, max_value=40), st.text(min_size=1, max_size=20))
def test_any_malformed_line_refuses_the_whole_body(
    real: dict[str, int], where: int, junk: str
) -> None:
    lines = [f"{s}:{c}" for s, c in real.items()]
    bad = f"{junk}"
    if bad.strip() == "" or (":" in bad and bad.split(":")[0] in real):
        return
    lines.insert(min(where, len(lines)), bad)
    try:
        parse_range_body("\r\n".join(lines))
    except FormatError as exc:
        assert MESSAGE.fullmatch(str(exc)), str(exc)
    else:
        # Only a line that happens to be well-formed is accepted.
        suffix, _, count = bad.strip("\r").partition(":")
        assert len(suffix) == 35 and count.isdigit()


@given(st.text(alphabet=HEX, min_size=27, max_size=27), counts)
def test_ntlm_suffixes_are_named(suffix: str, count: int) -> None:
    with pytest.raises(FormatError) as caught:
        parse_range_body(f"{suffix}:{count}")
    assert caught.value.kind == "ntlm"


@given(st.text(alphabet=HEX, min_size=40, max_size=40), counts, st.booleans())
def test_corpus_lines_round_trip(digest: str, count: int, cr: bool) -> None:
    line = f"{digest}:{count}".encode() + (b"\r" if cr else b"")
    assert parse_corpus_line(line) == (digest.encode(), count)


@given(st.text(alphabet=HEX, min_size=32, max_size=32), counts)
def test_ntlm_corpus_lines_are_named(digest: str, count: int) -> None:
    with pytest.raises(FormatError) as caught:
        parse_corpus_line(f"{digest}:{count}".encode(), 7)
    assert caught.value.kind == "ntlm" and caught.value.line == 7
    assert "line 7" in str(caught.value)


@given(st.binary(max_size=60))
def test_corpus_lines_accept_only_hash_colon_count(raw: bytes) -> None:
    try:
        digest, count = parse_corpus_line(raw)
    except FormatError as exc:
        assert MESSAGE.fullmatch(str(exc)), str(exc)
    else:
        assert len(digest) == 40 and raw.rstrip(b"\r") == digest + b":" + str(count).encode()
