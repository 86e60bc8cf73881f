"""Parsers for the two text forms of the corpus, shared by every source and by ``verify``.

A range body (the API's reply, and each file of the downloader's folder layout) is lines
of ``SUFFIX:COUNT`` with a 35-hex-character SHA-1 suffix. The downloader's single file is
lines of ``HASH:COUNT`` with the whole 40-character hash. Both are split on LF with CR
stripped, because the service ends lines with CRLF and leaves the last one bare. Errors
name the line number and what is wrong, never the line's content.
"""

from __future__ import annotations

import re

SHA1_HEX = 40
NTLM_HEX = 32
SUFFIX_HEX = SHA1_HEX - 5
NTLM_SUFFIX_HEX = NTLM_HEX - 5

_RANGE_LINE = re.compile(r"([0-9A-Fa-f]+):([0-9]+)")
_CORPUS_LINE = re.compile(rb"([0-9A-Fa-f]+):([0-9]+)\r?")


class FormatError(ValueError):
    """A line is not in the form expected. ``kind`` is ``"ntlm"`` when it holds an NTLM
    hash (a different corpus), else ``"malformed"``."""

    def __init__(self, message: str, kind: str = "malformed", line: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line


def _wrong_length(found: int, want: int, ntlm: int, line: int | None) -> FormatError:
    where = f"line {line}" if line is not None else "a line"
    if found == ntlm:
        return FormatError(
            f"{where} holds an NTLM hash; hygiene needs the SHA-1 corpus", "ntlm", line
        )
    return FormatError(
        f"{where} has a {found}-character hash where {want} were expected", line=line
    )


def parse_range_body(text: str) -> dict[str, int]:
    """Suffix (upper case) to count, for every line whose count is above zero.

    Padding lines (count 0) are dropped: a padding suffix may equal a real one, and the
    service asks clients to ignore them. A duplicate keeps its largest count. Any line not
    in the form ``SUFFIX:COUNT`` raises ``FormatError``; a half-read reply is not an answer.
    """
    counts: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line:
            continue
        match = _RANGE_LINE.fullmatch(line)
        if match is None:
            raise FormatError(f"line {number} is not in the form SUFFIX:COUNT", line=number)
        suffix, count_text = match.groups()
        if len(suffix) != SUFFIX_HEX:
            raise _wrong_length(len(suffix), SUFFIX_HEX, NTLM_SUFFIX_HEX, number)
        count = int(count_text)
        if count > 0:
            key = suffix.upper()
            counts[key] = max(count, counts.get(key, 0))
    return counts


def parse_corpus_line(line: bytes, number: int | None = None) -> tuple[bytes, int]:
    """The hash (as written) and count of one ``HASH:COUNT`` line of the ordered file.

    ``line`` is without its LF; a trailing CR is allowed.
    """
    match = _CORPUS_LINE.fullmatch(line)
    if match is None:
        where = f"line {number}" if number is not None else "a line"
        raise FormatError(f"{where} is not in the form HASH:COUNT", line=number)
    digest, count_text = match.groups()
    if len(digest) != SHA1_HEX:
        raise _wrong_length(len(digest), SHA1_HEX, NTLM_HEX, number)
    return digest, int(count_text)
