"""Opening an export safely: text decoding, streamed CSV records, bounded JSON and zip reads.

Everything here is about the container, not the product. CSV is streamed record by
record, so a 100 MB file never sits in memory; JSON documents and zip members are read
whole but only up to a limit, and a zip archive's member count is capped, so a crafted
or damaged file cannot exhaust memory. Text is read as UTF-8 (a byte-order mark is
dropped); bytes that are not UTF-8 spoil only their own row, which is skipped and named.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hygiene.errors import InputError, Problem
from hygiene.exports.interface import Probe

MAX_FIELD_CHARS = 1_000_000  # one CSV field; a multi-line note is far below this
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # one JSON document or zip member read whole
MAX_ZIP_MEMBERS = 10_000
SNIFF_BYTES = 64 * 1024
SHAPE_RECORDS = 20

URL_LIKE = re.compile(r"^(https?|android|androidapp|ftp)://", re.IGNORECASE)

ZIP_MAGIC = b"PK\x03\x04"
_UNDECODED = re.compile("[\udc80-\udcff]")

csv.field_size_limit(MAX_FIELD_CHARS)


@dataclass(frozen=True)
class Record:
    """One CSV record: its row number (the header is row 1) and fields, or why it is bad."""

    row: int
    fields: list[str]
    problem: str | None = None


def refuse(path: Path | str, message: str) -> InputError:
    return InputError(Problem(message, source=str(path)))


def _check_not_utf16(path: Path | str, head: bytes) -> None:
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        name = "UTF-32"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:200].count(0) > 10:
        name = "UTF-16"
    else:
        return
    raise refuse(
        path,
        f"this file is {name} text, and hygiene reads UTF-8. Open it in a text editor, "
        "save it as UTF-8, and try again.",
    )


def _bad_bytes_reason(fields: list[str]) -> str:
    raw = "".join(fields).encode("utf-8", "surrogateescape")
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "this row is not UTF-8 text, so it was left out"
    return "this row is not UTF-8 text (it looks like Windows-1252), so it was left out"


def text_stream(binary: IO[bytes], path: Path | str) -> io.TextIOWrapper:
    """UTF-8 text with the BOM dropped; undecodable bytes survive as markers to detect."""
    head = binary.peek(SNIFF_BYTES) if isinstance(binary, io.BufferedReader) else b""
    _check_not_utf16(path, head)
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def records(
    text: IO[str], *, escapechar: str | None = None, doublequote: bool = True
) -> Iterator[Record]:
    """CSV records with row numbers; a record that cannot be parsed becomes a problem."""
    reader = csv.reader(text, escapechar=escapechar, doublequote=doublequote, strict=False)
    row = 0
    while True:
        row += 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield Record(row, [], "this row could not be read (a field is far too long)")
            continue
        if any(_UNDECODED.search(field) for field in fields):
            yield Record(row, [], _bad_bytes_reason(fields))
            continue
        yield Record(row, fields)


def csv_records(
    path: Path, *, escapechar: str | None = None, doublequote: bool = True
) -> Iterator[Record]:
    with path.open("rb") as binary, text_stream(binary, path) as text:
        yield from records(text, escapechar=escapechar, doublequote=doublequote)


def read_bounded(stream: IO[bytes], path: Path | str, what: str) -> bytes:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise refuse(
            path,
            f"{what} is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB, more than "
            "hygiene reads at once. Export as CSV instead, which is read row by row.",
        )
    return data


def parse_json(data: bytes, path: Path | str) -> Any:
    _check_not_utf16(path, data[:SNIFF_BYTES])
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
            guess = " (it looks like Windows-1252)"
        except UnicodeDecodeError:
            guess = ""
        raise refuse(
            path,
            f"this file is not UTF-8 text{guess}, and hygiene reads UTF-8. Open it in a "
            "text editor, save it as UTF-8, and try again.",
        ) from None
    except json.JSONDecodeError as exc:
        # The position only: the message would quote the text around it.
        raise InputError(
            Problem("this JSON file is damaged and cannot be read", str(path), exc.lineno)
        ) from None


def listed(value: Any) -> list[Any]:
    """A JSON value that should be a list, or an empty one when it is anything else."""
    return value if isinstance(value, list) else []


def fields_of(value: Any, key: str) -> list[Any]:
    """``value[key]`` as a list, when ``value`` is an object; else an empty list."""
    return listed(value.get(key)) if isinstance(value, dict) else []


def load_json(path: Path) -> Any:
    with path.open("rb") as binary:
        return parse_json(read_bounded(binary, path, "this JSON file"), path)


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise refuse(path, "this zip archive is damaged and cannot be opened.") from None
    if len(archive.infolist()) > MAX_ZIP_MEMBERS:
        archive.close()
        raise refuse(path, f"this zip archive holds more than {MAX_ZIP_MEMBERS} files.")
    return archive


def zip_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """One member, read to at most the limit whatever its header claims."""
    try:
        with archive.open(name) as member:
            return read_bounded(member, path, f"'{name}' in this archive")
    except (KeyError, zipfile.BadZipFile, RuntimeError, OSError, EOFError):
        # KeyError: no such member; RuntimeError: an encrypted member.
        raise refuse(path, f"'{name}' in this archive cannot be read.") from None


def probe(path: Path) -> Probe:
    """Look at the start of a file to tell its container and header; never reads it all."""
    try:
        with path.open("rb") as binary:
            head = binary.read(SNIFF_BYTES)
    except OSError as exc:
        raise refuse(path, f"cannot open this file ({exc.strerror or 'unreadable'}).") from None
    if head.startswith(ZIP_MAGIC):
        with open_zip(path) as archive:
            return Probe("zip", names=frozenset(archive.namelist()))
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if stripped.startswith(b"-----BEGIN PGP"):
        return Probe("pgp")
    if stripped.startswith((b"{", b"[")):
        document = load_json(path)
        names = frozenset(document) if isinstance(document, dict) else frozenset()
        return Probe("json", names=names, document=document)
    _check_not_utf16(path, head)
    if not stripped:
        raise refuse(path, "this file is empty.")
    text = io.StringIO(head.decode("utf-8-sig", errors="surrogateescape"), newline="")
    sample = [r.fields for r, _ in zip(records(text), range(SHAPE_RECORDS), strict=False)]
    header = tuple(f.strip().lower() for f in sample[0]) if sample else ()
    shape = tuple((len(fields), _url_column(fields)) for fields in sample)
    return Probe("csv", header=header, shape=shape)


def _url_column(fields: list[str]) -> int:
    for index, value in enumerate(fields):
        if URL_LIKE.match(value.strip()):
            return index
    return -1


DELETE_AFTERWARDS = (
    "When the audit is done, delete the export and empty the bin: it holds every "
    "password in plain text."
)


def refuse_encrypted(path: Path | str, product: str, how: str) -> InputError:
    """An encrypted export cannot be audited; say how to make one that can."""
    return refuse(
        path,
        f"this {product} export is encrypted, so hygiene cannot read it. {how} "
        + DELETE_AFTERWARDS,
    )
