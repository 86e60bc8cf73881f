"""What every export reader gives back: logins as ``Entry`` records, the rest as ``Skipped``.

A reader turns one product's export layout into a stream of ``Entry`` (a login with its
password held as a ``Secret``) and ``Skipped`` (a row or item that is not a login, or
that could not be read, with its row number and a plain reason). An expected miss is
data, not an exception; only a file that cannot be read at all raises ``InputError``.
Notes, TOTP seeds and custom fields are never kept: the audit needs none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Protocol

from hygiene.errors import InputError, Problem
from hygiene.exports.text import UTF8, Encoding
from hygiene.secret import Secret


class Refused(InputError):
    """An export hygiene will not read: ``kind`` says why in one word (for ``--json``),
    ``product`` names the product when the file's signature or shape says it."""

    def __init__(self, problem: Problem, kind: str, product: str | None = None) -> None:
        super().__init__(problem)
        self.kind = kind
        self.product = product


@dataclass(frozen=True)
class Entry:
    """One login from an export. ``row`` is the row (CSV, header = 1) or item number."""

    title: str
    username: str
    urls: tuple[str, ...]
    password: Secret
    row: int
    # Only where the export records when the password itself last changed.
    password_changed: datetime | None = None
    # The password may have been mangled by the exporter (LastPass writes "&amp;").
    entity_like: bool = False

    @property
    def url(self) -> str:
        return self.urls[0] if self.urls else ""


class SkipKind(StrEnum):
    """Why a row is not audited. ``malformed`` is a problem to report; the rest are not."""

    NOT_LOGIN = "not_login"  # a note, card, identity, secure note or pseudo-login
    TRASHED = "trashed"  # deleted, in the recycle bin, or archived
    NO_PASSWORD = "no_password"  # a login with an empty password: nothing to check
    MALFORMED = "malformed"  # the row could not be read


@dataclass(frozen=True)
class Skipped:
    """A row or item left out of the audit, with where it is and why."""

    row: int
    kind: SkipKind
    reason: str


Item = Entry | Skipped


@dataclass(frozen=True)
class Probe:
    """What detection looks at: the container, and the header or top-level names.

    A probe is of the file given, or of one file inside a zip archive (``member``);
    ``opener`` gives its bytes afresh, so a reader never needs to know which.
    """

    kind: str  # "csv", "json", "xml", "zip", "kdbx", "pgp" or "unknown"
    header: tuple[str, ...] = ()  # CSV: the first record, stripped and lower-cased
    names: frozenset[str] = frozenset()  # JSON top-level keys, zip member names, XML root
    # CSV: per sampled record, its width and the index of its first URL-like field (or -1);
    # enough to recognise a headerless layout without holding any field's text.
    shape: tuple[tuple[int, int], ...] = ()
    # CSV: the first record reads like column names, so no headerless layout may claim it.
    header_like: bool = False
    delimiter: str = ","
    encoding: Encoding = UTF8
    member: str | None = None
    # A JSON export is parsed once, here, and handed to its reader.
    document: Any = field(default=None, compare=False, repr=False)
    opener: Callable[[], IO[bytes]] | None = field(default=None, compare=False, repr=False)

    def open(self) -> IO[bytes]:
        if self.opener is None:
            raise ValueError("this probe was made without a way to open its bytes")
        return self.opener()


class Layout(Protocol):
    """One export layout: a name for ``--format``, a label for people, detect and read."""

    @property
    def name(self) -> str: ...

    @property
    def label(self) -> str: ...

    def detect(self, probe: Probe) -> bool: ...

    def read(self, path: Path, probe: Probe) -> Iterator[Item]: ...
