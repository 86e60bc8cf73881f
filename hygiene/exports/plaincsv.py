"""Smaller products whose CSV is one login per row, told apart by their column names.

KeePass 2 (``Account,Login Name,Password,Web Site,Comments``), SafeInCloud
(``Title,Login,Password,URL,Notes``), RoboForm (``Name,Url,Login,Pwd,Note,Folder,
Rf_fields``, whose last column spills its form fields into as many columns as it needs),
Buttercup (``!group_id,!group_name,!type,title,username,password,URL,…``; a ``--``
row only declares a folder) and Padlock
(``name,tags,url,username,password,notes``). Buttercup's and Padlock's columns are
Apple's and Chrome's plus their own, so they are tried first and reported by name.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item, SkipKind, Skipped

BUTTERCUP_FOLDER = "--"  # the !type of a row that only declares a group


def _keepass(row: Row) -> Item:
    return login(
        row,
        title=row.get("account"),
        username=row.get("login name"),
        password=row.get("password"),
        urls=[row.get("web site")],
    )


def _safeincloud(row: Row) -> Item:
    return login(
        row,
        title=row.get("title"),
        username=row.get("login", "email"),
        password=row.get("password"),
        urls=[row.get("url", "website")],
    )


def _roboform(row: Row) -> Item:
    return login(
        row,
        title=row.get("name"),
        username=row.get("login"),
        password=row.get("pwd"),
        urls=[row.get("url")],
    )


def _named(row: Row) -> Item:
    return login(
        row,
        title=row.get("name", "title"),
        username=row.get("username"),
        password=row.get("password"),
        urls=[row.get("url")],
    )


def _buttercup(row: Row) -> Item:
    if row.get("!type").strip() == BUTTERCUP_FOLDER and not row.get("password"):
        return Skipped(row.number, SkipKind.NOT_LOGIN, "a folder, not a login")
    return _named(row)


KEEPASS = CsvLayout(
    name="keepass-csv",
    label="KeePass 2 CSV",
    required=frozenset({"account", "login name", "password", "web site", "comments"}),
    convert=_keepass,
)
SAFEINCLOUD = CsvLayout(
    name="safeincloud-csv",
    label="SafeInCloud CSV",
    required=frozenset({"title", "login", "password", "url", "notes"}),
    excluded=frozenset({"username", "type", "group"}),
    convert=_safeincloud,
)
ROBOFORM = CsvLayout(
    name="roboform-csv",
    label="RoboForm CSV",
    required=frozenset({"name", "url", "login", "pwd"}),
    convert=_roboform,
    spills=True,
)
BUTTERCUP = CsvLayout(
    name="buttercup-csv",
    label="Buttercup CSV",
    required=frozenset({"!group_id", "!group_name", "title", "username", "password"}),
    convert=_buttercup,
)
PADLOCK = CsvLayout(
    name="padlock-csv",
    label="Padlock CSV",
    required=frozenset({"name", "tags", "url", "username", "password"}),
    excluded=frozenset({"type", "vault"}),
    convert=_named,
)
