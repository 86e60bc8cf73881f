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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element

from hygiene.errors import Problem
from hygiene.exports.interface import Probe, Refused
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
KDBX_MAGIC = bytes.fromhex("03d9a29a67fb4bb5")
KDB_MAGIC = bytes.fromhex("03d9a29a65fb4bb5")  # KeePass 1
ONE_PIF_MARKER = b"***5642bee8-a5ff-11dc-8314-0800200c9a66***"
# The root element of an XML file, past its declaration, comments and doctype.
XML_ROOT = re.compile(r"<(?![?!])([A-Za-z_][\w.\-]*)")
Opener = Callable[[], IO[bytes]]


def refuse(
    path: Path | str, message: str, kind: str = "unreadable", product: str | None = None
) -> Refused:
    return Refused(Problem(message, source=str(path)), kind, product)


def csv_records(
    probe: Probe, *, escapechar: str | None = None, doublequote: bool = True
) -> Iterator[Record]:
    with probe.open() as binary, text_stream(binary, probe.encoding) as text:
        yield from records(
            text, delimiter=probe.delimiter, escapechar=escapechar, doublequote=doublequote
        )


def headerless_records(probe: Probe, columns: Sequence[str]) -> Iterator[Record]:
    """A headerless file's records behind the product's column names as row 0, so its
    own rows keep their numbers from 1."""
    yield Record(0, list(columns))
    yield from csv_records(probe)


def read_bounded(stream: IO[bytes], path: Path | str, what: str) -> bytes:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise refuse(
            path,
            f"{what} is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB, more than "
            "hygiene reads at once. Export as CSV instead, which is read row by row.",
            "too_large",
        )
    return data


def parse_json(data: bytes, path: Path | str) -> Any:
    text, _ = decode(data)
    try:
        return json.loads(text)
    except RecursionError:
        # A real export nests a few levels; thousands are a crafted or damaged file.
        raise refuse(
            path, "this JSON file is nested far too deeply to be a password export.", "damaged"
        ) from None
    except json.JSONDecodeError as exc:
        # The position only: the message would quote the text around it.
        raise Refused(
            Problem("this JSON file is damaged and cannot be read", str(path), exc.lineno),
            "damaged",
        ) from None


def load_xml(probe: Probe, path: Path | str) -> Element:
    """An XML export, refused if it declares a document type or entities (no export
    does; they are how a crafted file expands itself or reaches out)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    with probe.open() as binary:
        data = read_bounded(binary, path, "this XML file")
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise refuse(
            path,
            "this XML file declares a document type or entities, which no password "
            "export does, so it was not read.",
            "damaged",
        ) from None
    except ParseError as exc:
        raise Refused(
            Problem("this XML file is damaged and cannot be read", str(path), exc.position[0]),
            "damaged",
        ) from None
    return root


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
        raise refuse(path, "this zip archive is damaged and cannot be opened.", "damaged") from None
    if len(archive.infolist()) > MAX_ZIP_MEMBERS:
        archive.close()
        raise refuse(
            path, f"this zip archive holds more than {MAX_ZIP_MEMBERS} files.", "too_large"
        )
    return archive


def zip_member(archive: zipfile.ZipFile, name: str, path: Path | str) -> bytes:
    """One member, read to at most the limit whatever its header claims."""
    try:
        with archive.open(name) as member:
            return read_bounded(member, path, f"'{name}' in this archive")
    except (KeyError, zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError):
        # KeyError: no such member; RuntimeError: an encrypted member.
        raise refuse(path, f"'{name}' in this archive cannot be read.", "damaged") from None


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
    if head.startswith(KDBX_MAGIC):
        return Probe("kdbx", member=member, opener=opener)
    _refuse_by_signature(head, path)
    if not head.strip():
        raise refuse(path, "this file is empty.", "empty")
    with opener() as binary:
        encoding = choose_encoding(head, chunks_of(binary))
    text = _text_head(head, encoding).lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        root = XML_ROOT.search(text)
        names = frozenset({root.group(1)}) if root else frozenset()
        return Probe("xml", names=names, encoding=encoding, member=member, opener=opener)
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
        header_like=_header_like(first),
        delimiter=delimiter,
        encoding=encoding,
        member=member,
        opener=opener,
    )


def _header_like(first: list[str]) -> bool:
    """Whether a first record reads like column names: short words, no address or email."""
    filled = [f for f in first if f]
    return (
        len(first) >= 2
        and bool(filled)
        and all(COLUMN_NAME.match(f) and not URL_LIKE.match(f) and "@" not in f for f in filled)
    )


def _refuse_by_signature(head: bytes, path: Path | str) -> None:
    """Files hygiene cannot read but can name, with how to get one it can."""
    if head.startswith(KDB_MAGIC):
        raise refuse(
            path,
            "this is a KeePass 1 database (.kdb), which hygiene cannot read. Open it in "
            "KeePassXC (Database, Import, KeePass 1 database), save it as a .kdbx file, "
            "and run the audit on that.",
            "unsupported",
            "KeePass 1",
        )
    if ONE_PIF_MARKER in head:
        raise refuse(
            path,
            "this is a 1Password Interchange File (.1pif, from 1Password 4 to 7), which "
            "hygiene does not read. Export again from 1Password as CSV (or, in 1Password 8, "
            "as 1PUX), then run the audit on that file.",
            "unsupported",
            "1Password",
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


def refuse_encrypted(path: Path | str, product: str, how: str) -> Refused:
    """An encrypted export cannot be audited; say how to make one that can."""
    return refuse(
        path,
        f"this {product} export is encrypted, so hygiene cannot read it. {how} "
        + DELETE_AFTERWARDS,
        "encrypted",
        product,
    )
