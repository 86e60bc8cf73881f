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
            "folder",
            "favorite",
            "type",
            "name",
            "notes",
            "fields",
            "reprompt",
            "login_uri",
            "login_username",
            "login_password",
            "login_totp",
        ],
        lambda x: [
            "",
            "",
            "login",
            x.title,
            "a note,\nover lines",
            "",
            "0",
            x.url,
            x.username,
            x.password,
            "",
        ],
        CRLF,
    ),
    Family(
        "chrome-csv",
        ["name", "url", "username", "password", "note"],
        lambda x: [x.title, x.url, x.username, x.password, ""],
        CRLF,
    ),
    Family(
        "firefox-csv",
        [
            "url",
            "username",
            "password",
            "httpRealm",
            "formActionOrigin",
            "guid",
            "timeCreated",
            "timeLastUsed",
            "timePasswordChanged",
        ],
        lambda x: [x.url, x.username, x.password, "", x.url, "{guid}", "1", "1", "1600000000000"],
        ALL,
    ),
    Family(
        "keepassxc-csv",
        [
            "Group",
            "Title",
            "Username",
            "Password",
            "URL",
            "Notes",
            "TOTP",
            "Icon",
            "Last Modified",
            "Created",
        ],
        lambda x: [
            "Root/Web",
            x.title,
            x.username,
            x.password,
            x.url,
            "",
            "",
            "0",
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z",
        ],
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
        [
            "Title",
            "Url",
            "Username",
            "Password",
            "OTPAuth",
            "Favorite",
            "Archived",
            "Tags",
            "Notes",
        ],
        lambda x: [x.title, x.url, x.username, x.password, "", "false", "false", "", ""],
        ALL,
    ),
    Family(
        "1password7-mac-csv",
        ["Notes", "Password", "Title", "Type", "URL", "Username"],
        lambda x: ["", x.password, x.title, "Login", x.url, x.username],
        {
            "quoting": csv.QUOTE_ALL,
            "lineterminator": "\n",
            "escapechar": "\\",
            "doublequote": False,
        },
    ),
    Family(
        "1password7-windows-csv",
        ["UUID", "TITLE", "USERNAME", "PASSWORD", "URL", "URLS", "NOTES"],
        lambda x: ["u1", x.title, x.username, x.password, x.url, x.url, ""],
        ALL,
    ),
    Family(
        "1password4-csv",
        ["title", "notes", "username", "password", "url"],
        lambda x: [x.title, "", x.username, x.password, x.url],
        ALL,
    ),
    Family(
        "dashlane-legacy-csv",
        [],
        lambda x: [x.title, x.url, x.username, x.password, ""],
        ALL,
        detected=False,
    ),
    Family(
        "apple-csv",
        ["Title", "URL", "Username", "Password", "Notes", "OTPAuth"],
        lambda x: [x.title, x.url, x.username, x.password, "", ""],
        MINIMAL,
    ),
    Family(
        "dashlane-csv",
        [
            "username",
            "username2",
            "username3",
            "title",
            "password",
            "note",
            "url",
            "category",
            "otpSecret",
        ],
        lambda x: [x.username, "", "", x.title, x.password, "", x.url, "", ""],
        MINIMAL,
    ),
    Family(
        "protonpass-csv",
        [
            "type",
            "name",
            "url",
            "email",
            "username",
            "password",
            "note",
            "totp",
            "createTime",
            "modifyTime",
            "vault",
        ],
        lambda x: ["login", x.title, x.url, "", x.username, x.password, "", "", "1", "1", "V"],
        CRLF,
    ),
    Family(
        "nordpass-csv",
        [
            "name",
            "url",
            "username",
            "password",
            "note",
            "cardholdername",
            "cardnumber",
            "cvc",
            "expirydate",
            "zipcode",
            "folder",
            "full_name",
            "phone_number",
            "email",
            "address1",
            "address2",
            "city",
            "country",
            "state",
        ],
        lambda x: [
            x.title,
            x.url,
            x.username,
            x.password,
            "",
            "",
            "",
            "",
            "",
            "",
            "Web",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        MINIMAL,
    ),
    Family(
        "keepass-csv",
        ["Account", "Login Name", "Password", "Web Site", "Comments"],
        lambda x: [x.title, x.username, x.password, x.url, ""],
        ALL,
    ),
    Family(
        "roboform-csv",
        ["Name", "Url", "Login", "Pwd", "Note", "Folder", "Rf_fields"],
        lambda x: [
            x.title,
            x.url,
            x.username,
            x.password,
            "",
            "/Web",
            "User ID$:txt:a",
            "Password$:pwd:b",
        ],
        MINIMAL,
    ),
    Family(
        "safeincloud-csv",
        ["Title", "Login", "Password", "URL", "Notes"],
        lambda x: [x.title, x.username, x.password, x.url, ""],
        ALL,
    ),
    Family(
        "buttercup-csv",
        ["!group_id", "!group_name", "!type", "title", "username", "password", "URL", "id"],
        lambda x: ["1", "Root", "login", x.title, x.username, x.password, x.url, "9"],
        ALL,
    ),
    Family(
        "padlock-csv",
        ["name", "tags", "url", "username", "password", "notes"],
        lambda x: [x.title, "Web", x.url, x.username, x.password, ""],
        MINIMAL,
    ),
    Family(
        "keeper-csv",
        [],
        lambda x: ["Web", x.title, x.username, x.password, x.url, "", ""],
        MINIMAL,
        detected=False,
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
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "items",
                    "vaults",
                    "accounts",
                    "type",
                    "login",
                    "password",
                    "uris",
                    "uri",
                    "deletedDate",
                    "passwordHistory",
                    "lastUsedDate",
                    "data",
                    "content",
                    "state",
                    "categoryUuid",
                    "details",
                    "loginFields",
                    "designation",
                    "value",
                    "overview",
                    "urls",
                    "url",
                    "title",
                    "name",
                    "metadata",
                    "encrypted",
                    "AUTHENTIFIANT",
                    "records",
                    "folders",
                    "fields",
                    "template_type",
                    "uuid",
                    "trashed",
                    "$type",
                    "login_url",
                    "website_password_password",
                    "website_password_username",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@pytest.mark.parametrize(
    "top", ["items", "vaults", "AUTHENTIFIANT", "accounts", "records", "folders"]
)
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


XML_TAGS = st.sampled_from(
    [
        "Group",
        "Entry",
        "String",
        "Key",
        "Value",
        "UUID",
        "Name",
        "History",
        "Meta",
        "Root",
        "RecycleBinUUID",
        "card",
        "field",
        "label",
    ]
)


@st.composite
def xml_trees(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(XML_TAGS)
    text = draw(st.text(TEXT.filter(lambda c: c not in "<>&"), max_size=6))
    attributes = draw(
        st.sampled_from(
            ["", ' type="password"', ' Protected="True"', ' deleted="true"', ' name="Password"']
        )
    )
    children = draw(st.lists(xml_trees(depth + 1), max_size=3)) if depth < 4 else []
    return f"<{tag}{attributes}>{text}{''.join(children)}</{tag}>"


@pytest.mark.parametrize("root", ["KeePassFile", "database"])
@settings(max_examples=100, deadline=None)
@given(body=st.lists(xml_trees(), max_size=4))
def test_any_xml_tree_only_skips_items_or_refuses(root: str, body: list[str]) -> None:
    document = f"<?xml version='1.0'?><{root}>{''.join(body)}</{root}>".encode()
    with contextlib.suppress(InputError):
        items = _read(document, None)
        assert all(isinstance(i, Entry | Skipped) for i in items)


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.sampled_from(
                ["---", "Websites", "Notes", "Applications", "Password: ", "Comment: "]
            ),
            st.builds(
                lambda k, v: f"{k}: {v}",
                st.sampled_from(["Website name", "Login", "Password", "Website URL", "Text"]),
                st.text(TEXT.filter(lambda c: c != "\n"), max_size=12),
            ),
        ),
        max_size=25,
    )
)
def test_any_kaspersky_text_reads_whole_logins_or_skips(lines: list[str]) -> None:
    data = ("Websites\n\n" + "\n".join(lines)).encode()
    with contextlib.suppress(InputError):
        items = _read(data, "kaspersky-txt")
        for item in items:
            assert isinstance(item, Entry | Skipped)
            if isinstance(item, Entry):
                assert item.password.reveal()
