"""Phone numbers and addresses in one comparable form.

The same number is written many ways ("07700 900123", "+44 7700 900123", "0044 7700-900123")
and the recovery graph must see it as one. Numbers without a country code are read as UK
numbers, the default region; an address is compared without case or surrounding space.
This is comparison only, not validation against a numbering plan: a number we cannot read
as a number is left as it was written, so nothing is silently dropped.
"""

from __future__ import annotations

import re

DEFAULT_COUNTRY_CODE = "44"  # the UK, the default region of hygiene

# What may appear in a written phone number besides digits.
_PHONE_CHARS = re.compile(r"^\+?[\d\s\-().]+$")
_TRUNK_ZERO = re.compile(r"\(0\)")


def normalise_phone(text: str) -> str | None:
    """``+`` and the digits of ``text`` in international form, or None if it is not a number."""
    raw = text.strip()
    if not raw or not _PHONE_CHARS.match(raw):
        return None
    # "+44 (0)7700 900123": the bracketed zero is dialled only from inside the country.
    raw = _TRUNK_ZERO.sub("", raw)
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        pass
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = DEFAULT_COUNTRY_CODE + digits[1:]
    else:
        # No prefix at all: a short code or a number written without its zero; keep it as
        # written rather than guess a country.
        return digits if 3 <= len(digits) <= 15 else None
    if not 7 <= len(digits) <= 15:
        return None
    return "+" + digits


def is_email(text: str) -> bool:
    """True for something shaped like an email address (one @, text either side)."""
    stripped = text.strip()
    local, at, domain = stripped.partition("@")
    spaced = any(c.isspace() for c in stripped)
    return bool(at and local and domain and "@" not in domain and not spaced)


def normalise_email(text: str) -> str:
    return text.strip().lower()


def contact_key(text: str) -> str:
    """The form in which two written contacts (address, number or device name) are compared."""
    if is_email(text):
        return normalise_email(text)
    phone = normalise_phone(text)
    if phone is not None:
        return phone
    return " ".join(text.split()).casefold()
