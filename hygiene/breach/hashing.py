"""The one way a password becomes the hash Pwned Passwords knows.

Every password is hashed, whatever it looks like: a 40-hex-character password is a
password, not a hash (the package we replaced used such input unhashed and answered
"not pwned"). Text is encoded as UTF-8 before hashing, as the corpus was built.
"""

from __future__ import annotations

import hashlib

from hygiene.secret import Secret

PREFIX_LENGTH = 5


def sha1_hex(secret: Secret) -> str:
    """Upper-case hexadecimal SHA-1 of the UTF-8 bytes of the password."""
    return hashlib.sha1(secret.reveal().encode("utf-8")).hexdigest().upper()


def split_hash(full: str) -> tuple[str, str]:
    """The 5-character prefix that may be sent, and the 35-character suffix that never is."""
    return full[:PREFIX_LENGTH], full[PREFIX_LENGTH:]
