"""Zoho Vault CSV: the login is inside ``SecretData``, as ``User Name:…`` and ``Password:…`` lines.

Current exports name the columns ``Password Name, Description, Password URL, SecretData,
Notes, …``; older ones ``Secret Name, …, Secret URL, SecretData, …``. The oldest header
is only ``Secret Name, Secret URL, Notes``, and each row then carries the username and
the password as two more, unnamed columns. Never read as any other product: its note
text is not a username and its username is not a password.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, Row, login
from hygiene.exports.interface import Item

USER_KEYS = ("user name", "username", "login", "email", "login name")
PASSWORD_KEYS = ("password",)


def _secret_data(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            values.setdefault(key.strip().lower(), value)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((values[k] for k in keys if values.get(k)), "")


def _row(row: Row) -> Item:
    data = _secret_data(row.get("secretdata"))
    return login(
        row,
        title=row.get("password name", "secret name"),
        username=_first(data, USER_KEYS),
        password=_first(data, PASSWORD_KEYS),
        urls=[row.get("password url", "secret url")],
    )


def _oldest_row(row: Row) -> Item:
    username = row.extra[0] if row.extra else ""
    password = row.extra[1] if len(row.extra) > 1 else ""
    return login(
        row,
        title=row.get("secret name"),
        username=username,
        password=password,
        urls=[row.get("secret url")],
    )


CSV = CsvLayout(
    name="zoho-csv",
    label="Zoho Vault CSV",
    required=frozenset({"secretdata"}),
    convert=_row,
)
OLDEST_CSV = CsvLayout(
    name="zoho-old-csv",
    label="Zoho Vault CSV (older)",
    required=frozenset({"secret name", "secret url", "notes"}),
    exact=("secret name", "secret url", "notes"),
    convert=_oldest_row,
    spills=True,
)
