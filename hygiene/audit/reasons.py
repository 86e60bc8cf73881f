"""Why an entry of the audit needs acting on: stable reason ids, their urgency and advice.

Each reason has a stable id scripts can rely on, a severity that ranks it (the other person
knowing or guessing the password comes first, then what a stranger with a breach list
can do, then what makes either easier), and one "why" and "what to do" said once per
report, not once per entry. No text here ever holds a password.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hygiene.findings import Severity


class Reason(StrEnum):
    OLD_PASSWORD_VARIANT = "old_password_variant"
    GUESSABLE = "guessable"
    BREACHED = "breached"
    REUSED = "reused"
    WEAK = "weak"
    SIMILAR = "similar"
    INSECURE_URL = "insecure_url"
    OLD = "old"
    EXPORT_ALTERED = "export_altered"

    @property
    def severity(self) -> Severity:
        return SEVERITY[self]

    @property
    def rank(self) -> int:
        return list(Reason).index(self)


SEVERITY = {
    Reason.OLD_PASSWORD_VARIANT: Severity.URGENT,
    Reason.GUESSABLE: Severity.URGENT,
    Reason.BREACHED: Severity.HIGH,
    Reason.REUSED: Severity.HIGH,
    Reason.WEAK: Severity.MEDIUM,
    Reason.SIMILAR: Severity.MEDIUM,
    Reason.INSECURE_URL: Severity.LOW,
    Reason.OLD: Severity.LOW,
    Reason.EXPORT_ALTERED: Severity.LOW,
}


@dataclass(frozen=True)
class Advice:
    why: str
    fix: str


ADVICE = {
    Reason.OLD_PASSWORD_VARIANT: Advice(
        "The other person knew an old password; a small change to it is one of the first "
        "things they would try.",
        "Change these first, to passphrases of random words.",
    ),
    Reason.GUESSABLE: Advice(
        "These are built from things the other person knows about you, such as names, "
        "dates or places.",
        "Change them to passphrases of random words that mean nothing about you.",
    ),
    Reason.BREACHED: Advice(
        "These passwords are in lists of breached passwords that anyone can try against "
        "any account.",
        "Change each one to a password you have never used anywhere.",
    ),
    Reason.REUSED: Advice(
        "One password on several accounts means anyone who learns it can open them all.",
        "Give each account its own password, starting with email and banking.",
    ),
    Reason.WEAK: Advice(
        "Guessing programs try patterns like these early.",
        "Change them to longer passphrases of random words.",
    ),
    Reason.SIMILAR: Advice(
        "Passwords that differ by a small edit are tried together: knowing one gives away "
        "the other.",
        "Change them so that no two share a base word or pattern.",
    ),
    Reason.INSECURE_URL: Advice(
        "An address that starts with http:// sends the password without encryption, so "
        "someone on the same network can read it.",
        "Log in with https:// where the site offers it, and update the saved address.",
    ),
    Reason.OLD: Advice(
        "These passwords have not changed since before the date you gave (or in over a "
        "year), so anyone who saw them then may still know them.",
        "Change them, most important accounts first.",
    ),
    Reason.EXPORT_ALTERED: Advice(
        "LastPass's export can change characters such as & in a password, so the check "
        "may have seen a different password from the real one.",
        "Look at these passwords in LastPass itself before relying on the result.",
    ),
}
