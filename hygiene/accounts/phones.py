"""Phone numbers and addresses in one comparable form.

The same number is written many ways ("07700 900123", "+44 7700 900123", "0044 7700-900123",
"+44 (0)7700 900123") and the recovery graph must see it as one. The ``phonenumbers``
library (Google's libphonenumber metadata) reads every country's numbering plan, its
international and trunk prefixes; numbers without a country code are read in the UK, the
default region. This is comparison, not validation: a number that does not start with a
country code or a trunk zero is put in international form only when it is a valid UK
number written without its zero; otherwise it is kept as written, so nothing is silently
dropped or given a country it may not have.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import phonenumbers

DEFAULT_REGION = "GB"  # the UK, the default region of hygiene

# What may appear in a written phone number besides digits. phonenumbers would also read
# letters (as on a keypad), which would turn words into numbers.
_PHONE_CHARS = re.compile(r"^\+?[\d\s\-().]+$")
MIN_DIGITS = 7
MAX_DIGITS = 15  # the longest number the international plan (E.164) allows
MIN_SHORT = 3


def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number ``text`` is written as, or None if it is not shaped like a phone number."""
    # Imported on first use: its metadata costs tens of milliseconds at every start.
    import phonenumbers

    raw = text.strip()
    if not raw or not _PHONE_CHARS.match(raw):
        return None
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    digits = len(str(number.country_code)) + len(str(number.national_number))
    return number if MIN_DIGITS <= digits <= MAX_DIGITS else None


def normalise_phone(text: str) -> str | None:
    """``+`` and the digits of ``text`` in international form, or None if it is not a number."""
    raw = text.strip()
    if not raw or not _PHONE_CHARS.match(raw):
        return None
    import phonenumbers

    number = parse_phone(raw)
    digits = re.sub(r"\D", "", raw)
    prefixed = digits.startswith("0") or raw.startswith("+")
    if not prefixed and (number is None or not phonenumbers.is_valid_number(number)):
        # No prefix and no valid UK number: a short code or a foreign number without its
        # country code; keep it as written rather than guess a country.
        return digits if MIN_SHORT <= len(digits) <= MAX_DIGITS else None
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_email(text: str) -> bool:
    """True for something shaped like an email address (one @, text either side)."""
    stripped = text.strip()
    local, at, domain = stripped.partition("@")
    spaced = len(stripped.split(maxsplit=1)) > 1  # C-speed: called per contact per account
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
