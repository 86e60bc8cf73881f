"""Property tests: each CSV family round-trips written logins, and no bytes crash a reader."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hygiene.errors import InputError
from hygiene.exports.interface import Entry, Skipped
from hygiene.exports.registry import open_export


@dataclass(frozen=True)
class Login:
    title: str
    username: str
    url: str
    password: str


@dataclass(frozen=True)
class Family:
    layout: str
    header: list[str]
    row: Callable[[Login], list[str]]
    dialect: dict[str, Any]
    detected: bool = True  # False: a headerless layout, read with --format

    def write(self, logins: list[Login]) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, **self.dialect)
        if self.header:
            writer.writerow(self.header)
        for login in logins:
            writer.writerow(self.row(login))
        return out.getvalue().encode()


ALL = {"quoting": csv.QUOTE_ALL, "lineterminator": "\n"}
CRLF = {"quoting": csv.QUOTE_MINIMAL, "lineterminator": "\r\n"}
MINIMAL = {"quoting": csv.QUOTE_MINIMAL, "lineterminator": "\n"}

FAMILIES = [
    Family(
        "bitwarden-csv",
        [
            "folder", "favorite", "type", "name", "notes", "fields", "reprompt", "login_uri",
            "login_username", "login_password", "login_totp",
        ],
        lambda x: ["", "", "login", x.title, "a note,\nover lines", "", "0", x.url, x.username,
                   x.password, ""],
        CRLF,
    ),
    Family("chrome-csv", ["name", "url", "username", "password", "note"],
           lambda x: [x.title, x.url, x.username, x.password, ""], CRLF),
    Family(
        "firefox-csv",
        ["url", "username", "password", "httpRealm", "formActionOrigin", "guid", "timeCreated",
         "timeLastUsed", "timePasswordChanged"],
        lambda x: [x.url, x.username, x.password, "", x.url, "{guid}", "1", "1", "1600000000000"],
        ALL,
    ),
    Family(
        "keepassxc-csv",
        ["Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon",
         "Last Modified", "Created"],
        lambda x: ["Root/Web", x.title, x.username, x.password, x.url, "", "", "0",
                   "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"],
        ALL,
    ),
    Family(
        "lastpass-csv",
        ["url", "username", "password", "totp", "extra", "name", "grouping", "fav"],
        lambda x: [x.url, x.username, x.password, "", "", x.title, "Web", "0"],
        MINIMAL,
    ),
    Family(
        "1password-csv",
        ["Title", "Url", "Username", "Password", "OTPAuth", "Favorite", "Archived", "Tags",
         "Notes"],
        lambda x: [x.title, x.url, x.username, x.password, "", "false", "false", "", ""],
        ALL,
    ),
    Family(
        "1password7-mac-csv",
        ["Notes", "Password", "Title", "Type", "URL", "Username"],
        lambda x: ["", x.password, x.title, "Login", x.url, x.username],
        {"quoting": csv.QUOTE_ALL, "lineterminator": "\n", "escapechar": "\\",
         "doublequote": False},
    ),
    Family(
        "1password7-windows-csv",
        ["UUID", "TITLE", "USERNAME", "PASSWORD", "URL", "URLS", "NOTES"],
        lambda x: ["u1", x.title, x.username, x.password, x.url, x.url, ""],
        ALL,
    ),
    Family("1password4-csv", ["title", "notes", "username", "password", "url"],
           lambda x: [x.title, "", x.username, x.password, x.url], ALL),
    Family("dashlane-legacy-csv", [], lambda x: [x.title, x.url, x.username, x.password, ""],
           ALL, detected=False),
    Family("apple-csv", ["Title", "URL", "Username", "Password", "Notes", "OTPAuth"],
           lambda x: [x.title, x.url, x.username, x.password, "", ""], MINIMAL),
    Family(
        "dashlane-csv",
        ["username", "username2", "username3", "title", "password", "note", "url", "category",
         "otpSecret"],
        lambda x: [x.username, "", "", x.title, x.password, "", x.url, "", ""],
        MINIMAL,
    ),
    Family(
        "protonpass-csv",
        ["type", "name", "url", "email", "username", "password", "note", "totp", "createTime",
         "modifyTime", "vault"],
        lambda x: ["login", x.title, x.url, "", x.username, x.password, "", "", "1", "1", "V"],
        CRLF,
    ),
]

# Text any exporter could write; surrogates cannot be encoded as UTF-8 at all. A lone CR
# is left out because Python's writer, unlike every real exporter, does not quote it when
# lines end in LF.
TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r")
trimmed = st.text(TEXT, max_size=20).map(str.strip)
LOGINS = st.builds(
    Login,
    title=trimmed,
    username=trimmed,
    url=st.from_regex(r"https://[a-z0-9]{1,12}\.test/[a-z0-9/]{0,10}", fullmatch=True),
    password=st.text(TEXT, min_size=1, max_size=40),
)


def _read(data: bytes, layout: str | None) -> list[Entry | Skipped]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        return list(open_export(path, layout).items)


@pytest.mark.parametrize("family", FAMILIES, ids=[f.layout for f in FAMILIES])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logins=st.lists(LOGINS, min_size=1, max_size=6))
def test_written_logins_read_back_the_same(family: Family, logins: list[Login]) -> None:
    items = _read(family.write(logins), None if family.detected else family.layout)
    entries = [i for i in items if isinstance(i, Entry)]
    assert [(e.username, e.url, e.password.reveal()) for e in entries] == [
        (x.username, x.url, x.password) for x in logins
    ]
    if family.layout != "firefox-csv":  # Firefox has no title; the URL stands in
        assert [e.title for e in entries] == [x.title for x in logins]
    first = 2 if family.header else 1
    assert [e.row for e in entries] == list(range(first, len(logins) + first))


@pytest.mark.parametrize("family", FAMILIES, ids=[f.layout for f in FAMILIES])
@settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=400))
def test_any_bytes_after_a_header_only_skip_rows_or_refuse(family: Family, body: bytes) -> None:
    data = family.write([]) + body
    try:
        items = _read(data, family.layout)
    except InputError:
        return
    assert all(isinstance(i, Entry | Skipped) for i in items)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=600))
def test_any_bytes_are_detected_or_refused_never_crash(data: bytes) -> None:
    with contextlib.suppress(InputError):
        _read(data, None)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(
            ["items", "vaults", "accounts", "type", "login", "password", "uris", "uri",
             "deletedDate", "passwordHistory", "lastUsedDate", "data", "content", "state",
             "categoryUuid", "details", "loginFields", "designation", "value", "overview",
             "urls", "url", "title", "name", "metadata", "encrypted", "AUTHENTIFIANT"]
        ),
        inner,
        max_size=5,
    ),
    max_leaves=25,
)


@pytest.mark.parametrize("top", ["items", "vaults", "AUTHENTIFIANT", "accounts"])
@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES)
def test_any_json_shape_only_skips_items_or_refuses(top: str, value: object) -> None:
    import json
    import zipfile

    document = json.dumps({top: value, "version": "1"}).encode()
    with TemporaryDirectory() as folder:
        if top == "accounts":
            path = Path(folder) / "export.1pux"
            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr("export.data", document)
        else:
            path = Path(folder) / "export.json"
            path.write_bytes(document)
        try:
            items = list(open_export(path).items)
        except InputError:
            return
    assert all(isinstance(i, Entry | Skipped) for i in items)
