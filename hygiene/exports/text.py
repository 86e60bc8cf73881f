"""Turning an export's bytes into text and CSV records, whatever program last saved it.

People re-save exports in spreadsheets: Excel writes UTF-16 ("Unicode text"),
Windows-1252 ("CSV (Comma delimited)"), ``;`` in much of Europe and tab in "Text (Tab
delimited)". The encoding is chosen once per file (a byte-order mark, UTF-16's zero
bytes, every byte valid UTF-8, else Windows-1252) and said, so the person knows how the
file was read. The separator is sniffed from the first records. CSV is streamed line by
line with a cap on a line's length, so one enormous line cannot exhaust memory, and the
last record is flagged when the file ends part-way through it (a cut-off copy).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

MAX_FIELD_CHARS = 1_000_000  # one CSV field; a multi-line note is far below this
MAX_LINE_CHARS = 2 * MAX_FIELD_CHARS  # one physical line, read at most this far at once
SCAN_CHUNK = 1024 * 1024
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}

_UNDECODED = re.compile("[\udc80-\udcff]")

csv.field_size_limit(MAX_FIELD_CHARS)


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes become text: the codec, and what to tell the person (if anything)."""

    codec: str
    label: str
    note: str | None = None


UTF8 = Encoding("utf-8-sig", "UTF-8")
CP1252 = Encoding(
    "cp1252",
    "Windows-1252",
    "This file is not UTF-8 text, so it was read as Windows-1252 (what Excel writes on "
    "Windows). If names or passwords with accents look wrong, export again as UTF-8.",
)


def _utf16(codec: str, label: str) -> Encoding:
    return Encoding(codec, label, f"This file is {label} text (as Excel's 'Unicode text' is).")


def _zero_pattern(head: bytes) -> Encoding | None:
    """UTF-16 without a byte-order mark: ASCII text has a zero in every other byte."""
    sample = head[:2000]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    if sample[1::2].count(0) * 10 >= pairs * 4:
        return _utf16("utf-16-le", "UTF-16")
    if sample[0::2].count(0) * 10 >= pairs * 4:
        return _utf16("utf-16-be", "UTF-16")
    return None


def choose_encoding(head: bytes, chunks: Iterable[bytes]) -> Encoding:
    """The encoding of a file from its first bytes, and (for UTF-8) all of its bytes."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _utf16("utf-32", "UTF-32")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16("utf-16", "UTF-16")
    if not head.startswith(codecs.BOM_UTF8):
        zeros = _zero_pattern(head)
        if zeros is not None:
            return zeros
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return CP1252
    return UTF8


def chunks_of(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(SCAN_CHUNK):
        yield chunk


def decode(data: bytes) -> tuple[str, Encoding]:
    """A whole document held in memory, as text, with the encoding it was read in."""
    encoding = choose_encoding(data[:SCAN_CHUNK], [data])
    return data.decode(encoding.codec, errors="surrogateescape"), encoding


def text_stream(binary: IO[bytes], encoding: Encoding) -> io.TextIOWrapper:
    # surrogateescape keeps bytes the codec cannot map (five are undefined in
    # Windows-1252) as markers, so only their own row is lost.
    errors = "surrogateescape" if encoding in (UTF8, CP1252) else "strict"
    return io.TextIOWrapper(binary, encoding=encoding.codec, errors=errors, newline="")


def _widths(sample: str, delimiter: str, limit: int) -> list[int]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
    widths = []
    try:
        for fields in reader:
            widths.append(len(fields))
            if len(widths) >= limit:
                break
    except csv.Error:
        pass
    return widths


def sniff_delimiter(sample: str, limit: int = 20) -> str:
    """The separator under which most sampled records are as wide as the first (the header,
    or the first login), then the one that splits out the most fields.

    Counting records split in two or more is not enough: the wrong separator also cuts a
    quoted value holding line breaks into several short records, and a value with a tab on
    each of its lines would then make tab look like the separator.
    """

    def score(delimiter: str) -> tuple[int, int, int]:
        widths = _widths(sample, delimiter, limit)
        first = widths[0] if widths else 0
        consistent = sum(1 for w in widths if w == first) if first >= 2 else 0
        fields = sum(w for w in widths if w >= 2)
        return consistent, fields, -DELIMITERS.index(delimiter)

    return max(DELIMITERS, key=score)


@dataclass(frozen=True)
class Record:
    """One CSV record: its row number (the header is row 1) and fields, or why it is bad.

    ``unterminated`` marks the last record when no line break follows it, and ``cut``
    when a quoted field is still open there too: the file ends part-way through it.
    Whether it is short of fields is for the reader, which knows the header.
    """

    row: int
    fields: list[str]
    problem: str | None = None
    unterminated: bool = False
    cut: bool = False


class _LongLine(Exception):
    """A physical line longer than ``MAX_LINE_CHARS``; the rest of it has been skipped."""


class _UndecodableText(Exception):
    """The bytes stopped being text in the file's encoding (a damaged UTF-16 file)."""


class _Lines:
    """The lines of a text stream for ``csv.reader``, at most ``MAX_LINE_CHARS`` each.

    Also tracks, for the record being read, whether its quotes are balanced, and whether
    the file's last line ended with a line break.
    """

    def __init__(self, text: IO[str], escapechar: str | None) -> None:
        self.text, self.escapechar = text, escapechar
        self.quotes = 0
        self.ended = True

    def __iter__(self) -> _Lines:
        return self

    def _read(self) -> str:
        try:
            return self.text.readline(MAX_LINE_CHARS)
        except UnicodeDecodeError:
            raise _UndecodableText from None

    def __next__(self) -> str:
        line = self._read()
        if not line:
            raise StopIteration
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            while (rest := self._read()) and not rest.endswith(("\n", "\r")):
                pass
            self.quotes, self.ended = 0, True
            raise _LongLine
        self.ended = line.endswith(("\n", "\r"))
        counted = (
            line.replace(self.escapechar * 2, "").replace(self.escapechar + '"', "")
            if (self.escapechar)
            else line
        )
        self.quotes += counted.count('"')
        return line


def _bad_bytes(fields: list[str]) -> bool:
    return _UNDECODED.search("".join(fields)) is not None


def records(
    text: IO[str],
    *,
    delimiter: str = ",",
    escapechar: str | None = None,
    doublequote: bool = True,
) -> Iterator[Record]:
    """CSV records with row numbers; a record that cannot be parsed becomes a problem."""
    lines = _Lines(text, escapechar)
    reader = csv.reader(
        lines, delimiter=delimiter, escapechar=escapechar, doublequote=doublequote, strict=False
    )
    row = 0
    pending: Record | None = None
    open_quote = False
    while True:
        row += 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except _LongLine:
            open_quote = False
            current = Record(row, [], "this row is far too long to be a login, so it was left out")
        except _UndecodableText:
            current = Record(row, [], "the file stops being readable text here")
            if pending is not None:
                yield pending
            yield current
            return
        except csv.Error:
            lines.quotes, open_quote = 0, False
            current = Record(row, [], "this row could not be read (a field is far too long)")
        else:
            if _bad_bytes(fields):
                current = Record(
                    row, [], "this row holds bytes that are not text, so it was left out"
                )
            else:
                current = Record(row, fields)
            open_quote = lines.quotes % 2 == 1
            lines.quotes = 0
        if pending is not None:
            yield pending
        pending = current
    if pending is not None:
        if lines.ended:
            yield pending
        else:
            yield Record(
                pending.row, pending.fields, pending.problem, unterminated=True, cut=open_quote
            )
