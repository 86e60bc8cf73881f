"""Apple Passwords, iCloud Keychain and Safari CSV: ``Title,URL,Username,Password,Notes,OTPAuth``.

Older Safari writes only ``Title,Url,Username,Password``. ``Title`` reads like
``example.com (user)``. There are no dates and no trashed items.
"""

from __future__ import annotations

from hygiene.exports.csvlayout import CsvLayout, plain_login

CSV = CsvLayout(
    name="apple-csv",
    label="Apple Passwords or Safari CSV",
    required=frozenset({"title", "url", "username", "password"}),
    excluded=frozenset({"group", "favorite", "archived", "uuid", "type"}),
    convert=plain_login,
)
