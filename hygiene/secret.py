"""A password held so that it cannot leak by accident.

``Secret`` never shows its value in ``repr``, ``str``, formatting, pickling or a traceback's
local-variable dump; code that really needs the characters calls ``reveal()``, which makes
each use easy to find and review.
"""

from __future__ import annotations

import hmac
from typing import NoReturn

MASK = "•••"


class Secret:
    """A password or passphrase. Compare with ``==``; read with ``reveal()``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Secret({MASK})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret is never pickled or written anywhere")
