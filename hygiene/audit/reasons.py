"""Why an entry of the audit needs acting on: stable reason ids and their urgency.

Each reason has a stable id scripts can rely on, a severity that ranks it (the other person
knowing or guessing the password comes first, then what a stranger with a breach list
can do, then what makes either easier). Its "why" and "what to do", said once per report
and not once per entry, are the wording of its finding in ``checks/findings.toml``.
"""

from __future__ import annotations

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
