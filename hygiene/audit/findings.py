"""The audit as findings, so the plan can put its passwords among everything else.

One finding per reason per login: its line says what was found about that login (never
the password), and the reason's advice says why it matters and what to do. Reasons that
ask for a password change carry the safety note, since a change can be noticed.
"""

from __future__ import annotations

from hygiene.audit.reasons import ADVICE, Reason
from hygiene.audit.run import AuditReport
from hygiene.findings import Finding, Severity, Topic

CHANGE_SAFELY = (
    "A changed password can be noticed: they may be signed out. Keep any evidence you "
    "need first, and change it from a device they have never used."
)

# Reasons that say nothing about who can get in now belong with the good-to-do advice.
GOOD_TO_DO = frozenset({Reason.INSECURE_URL, Reason.OLD, Reason.EXPORT_ALTERED})


def audit_findings(report: AuditReport) -> list[Finding]:
    """Every reason of every login, most urgent first."""
    findings = []
    for reason, audited, line in report.lines():
        later = reason in GOOD_TO_DO
        findings.append(
            Finding(
                id=f"password_{reason.value}",
                severity=reason.severity,
                topic=Topic.GOOD_TO_DO if later else Topic.PASSWORDS,
                subject=audited.name,
                title=f"{audited.name}: {line}",
                why=ADVICE[reason].why,
                fix=ADVICE[reason].fix,
                safety=None if later else CHANGE_SAFELY,
            )
        )
    if report.breach_unknown:
        count = report.breach_unknown
        findings.append(
            Finding(
                id="password_breach_unknown",
                severity=Severity.MEDIUM,
                topic=Topic.PASSWORDS,
                subject=f"{count} logins",
                title=f"Whether {count} of the passwords have leaked is not known",
                why="The full breach check could not run, so these are unknown, not safe.",
                fix="Run the audit again when the check can reach the breach list, or with a "
                "local copy of it (--corpus).",
            )
        )
    doubt = report.doubt()
    if doubt is not None:
        # A misread export must never let a plan look complete.
        findings.append(
            Finding(
                id="password_export_misread",
                severity=Severity.MEDIUM,
                topic=Topic.PASSWORDS,
                subject="the export",
                title="The password export may not have been read in full",
                why=doubt,
                fix="Export again from the password manager, or from the browser, and audit "
                "that file.",
            )
        )
    return findings
