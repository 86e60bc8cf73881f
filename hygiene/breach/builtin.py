"""The last-resort source: the 30,000 common passwords that zxcvbn already ships.

It can say a password is common; it can never say one is safe, because 30,000 passwords
are a sliver of the real corpus. A miss is therefore ``Unknown``, in exactly the words
"not in the built-in list; the full breach check could not run".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from hygiene.breach.interface import BreachSource, Found, Progress, Result, Unknown
from hygiene.secret import Secret

NOT_LISTED = "not in the built-in list; the full breach check could not run"


@cache
def _common() -> frozenset[str]:
    # zxcvbn's list is lower-case; a case change of a common password is just as common.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


class BuiltinSource(BreachSource):
    """Membership in zxcvbn's common-password list, compared without case."""

    name = "built-in"

    def check(self, secret: Secret) -> Result:
        if secret.reveal().lower() in _common():
            return Found(count=None, source=self.name)
        return Unknown(NOT_LISTED, source=self.name)

    def describe(self) -> str:
        return f"a list of {len(_common()):,} common passwords shipped with hygiene"


class WithFallback(BreachSource):
    """A full source whose unanswered lookups are tried against the built-in list.

    A common password is worth flagging even when the network or corpus failed; anything
    else keeps the full source's ``Unknown`` and its reason.
    """

    def __init__(self, primary: BreachSource, fallback: BreachSource | None = None) -> None:
        self.primary = primary
        self.fallback = fallback or BuiltinSource()
        self.name = primary.name

    def check(self, secret: Secret) -> Result:
        return self._mend([secret], [self.primary.check(secret)])[0]

    def check_many(
        self, secrets: Sequence[Secret], progress: Progress | None = None
    ) -> list[Result]:
        return self._mend(secrets, self.primary.check_many(secrets, progress))

    def _mend(self, secrets: Sequence[Secret], results: list[Result]) -> list[Result]:
        mended: list[Result] = []
        for secret, result in zip(secrets, results, strict=True):
            if isinstance(result, Unknown):
                backup = self.fallback.check(secret)
                if isinstance(backup, Found):
                    result = backup
            mended.append(result)
        return mended

    def unusable_reason(self) -> str | None:
        return self.primary.unusable_reason()

    def describe(self) -> str:
        return self.primary.describe()

    def close(self) -> None:
        self.primary.close()
