"""Firefox ``logins.csv``: one row per saved login, with a true password-change time.

``timePasswordChanged`` (milliseconds) is when the password itself last changed, so it
is the one source of password age that needs no caveat. Old files can hold the Firefox
Accounts pseudo-login (``chrome://FirefoxAccounts``, a JSON blob as its password), which
is not a website login and is skipped.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, Row, epoch, login
from hygiene.exports.interface import Item, SkipKind, Skipped


def _row(row: Row) -> Item:
    url = row.get("url")
    if url.lower().startswith("chrome://"):
        return Skipped(row.number, SkipKind.NOT_LOGIN, "Firefox's own account data, not a login")
    return login(
        row,
        title=url,
        username=row.get("username"),
        password=row.get("password"),
        urls=[url],
        changed=epoch(row.get("timepasswordchanged"), millis=True),
    )


CSV = CsvLayout(
    name="firefox-csv",
    label="Firefox logins.csv",
    required=frozenset({"url", "username", "password", "httprealm", "guid"}),
    convert=_row,
)
