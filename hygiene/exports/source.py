"""Opening an export safely: what container it is, bounded JSON and zip reads, CSV records.

Everything here is about the container, not the product. CSV is streamed record by
record (``text``), so a 100 MB file never sits in memory; JSON documents and zip members
are read whole but only up to a limit, JSON nesting is bounded, and a zip archive's
member count is capped, so a crafted or damaged file cannot exhaust memory or the stack.
A probe looks only at the start of a file (and, for UTF-8, checks every byte is text).
"""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from hygiene.errors import InputError, Problem
from hygiene.exports.interface import Probe
from hygiene.exports.text import (
    Encoding,
    Record,
    choose_encoding,
    chunks_of,
    decode,
    records,
    sniff_delimiter,
    text_stream,
)

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # one JSON document or zip member read whole
MAX_ZIP_MEMBERS = 10_000
SNIFF_BYTES = 64 * 1024
SHAPE_RECORDS = 20

URL_LIKE = re.compile(r"^(https?|android|androidapp|ftp)://", re.IGNORECASE)
# A column name: a short run of words, never an address, an email or a long secret.
COLUMN_NAME = re.compile(r"^[!#]?[^\W\d][\w .()/\-:'&]{0,39}$")

ZIP_MAGIC = b"PK\x03\x04"
Opener = Callable[[], IO[bytes]]


def refuse(path: Path | str, message: str) -> InputError:
    return InputError(Problem(message, source=str(path)))


def csv_records(
    probe: Probe, *, escapechar: str | None = None, doublequote: bool = True
) -> Iterator[Record]:
    with probe.open() as binary, text_stream(binary, probe.encoding) as text:
        yield from records(
            text, delimiter=probe.delimiter, escapechar=escapechar, doublequote=doublequote
        )


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
    text, _ = decode(data)
    try:
        return json.loads(text)
    except RecursionError:
        # A real export nests a few levels; thousands are a crafted or damaged file.
        raise refuse(
            path, "this JSON file is nested far too deeply to be a password export."
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


def open_zip(probe: Probe, path: Path | str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(probe.open())
    except (zipfile.BadZipFile, OSError, EOFError):
        raise refuse(path, "this zip archive is damaged and cannot be opened.") from None
    if len(archive.infolist()) > MAX_ZIP_MEMBERS:
        archive.close()
        raise refuse(path, f"this zip archive holds more than {MAX_ZIP_MEMBERS} files.")
    return archive


def zip_member(archive: zipfile.ZipFile, name: str, path: Path | str) -> bytes:
    """One member, read to at most the limit whatever its header claims."""
    try:
        with archive.open(name) as member:
            return read_bounded(member, path, f"'{name}' in this archive")
    except (KeyError, zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError):
        # KeyError: no such member; RuntimeError: an encrypted member.
        raise refuse(path, f"'{name}' in this archive cannot be read.") from None


def probe(path: Path) -> Probe:
    """Look at the start of a file to tell its container and header; never holds it all."""
    try:
        with path.open("rb") as binary:
            head = binary.read(SNIFF_BYTES)
    except OSError as exc:
        raise refuse(path, f"cannot open this file ({exc.strerror or 'unreadable'}).") from None
    return probe_head(head, lambda: path.open("rb"), path)


def probe_bytes(data: bytes, path: Path | str, member: str) -> Probe:
    """A probe of one file held in memory: a member of a zip archive named ``member``."""
    return probe_head(data[:SNIFF_BYTES], lambda: io.BytesIO(data), path, member)


def _text_head(head: bytes, encoding: Encoding) -> str:
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
    return decoder.decode(head)


def probe_head(head: bytes, opener: Opener, path: Path | str, member: str | None = None) -> Probe:
    if head.startswith(ZIP_MAGIC):
        with open_zip(Probe("zip", opener=opener), path) as archive:
            names = frozenset(archive.namelist())
        return Probe("zip", names=names, member=member, opener=opener)
    if not head.strip():
        raise refuse(path, "this file is empty.")
    with opener() as binary:
        encoding = choose_encoding(head, chunks_of(binary))
    text = _text_head(head, encoding).lstrip("\ufeff").lstrip()
    if text.startswith("-----BEGIN PGP"):
        return Probe("pgp", member=member, opener=opener)
    if text.startswith(("{", "[")):
        with opener() as binary:
            document = parse_json(read_bounded(binary, path, "this JSON file"), path)
        names = frozenset(document) if isinstance(document, dict) else frozenset()
        return Probe(
            "json", names=names, encoding=encoding, member=member, document=document, opener=opener
        )
    delimiter = sniff_delimiter(text)
    sample = [
        r.fields
        for r, _ in zip(
            records(io.StringIO(text, newline=""), delimiter=delimiter),
            range(SHAPE_RECORDS),
            strict=False,
        )
    ]
    first = [f.strip() for f in sample[0]] if sample else []
    return Probe(
        "csv",
        header=tuple(f.lower() for f in first),
        shape=tuple((len(fields), _url_column(fields)) for fields in sample),
        header_like=len(first) >= 2
        and any(first)
        and all(COLUMN_NAME.match(f) for f in first if f),
        delimiter=delimiter,
        encoding=encoding,
        member=member,
        opener=opener,
    )


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
