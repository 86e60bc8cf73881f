"""The audit as findings, so the plan can put its passwords among everything else.

One finding per reason per login: its line says what was found about that login (never
the password), and the reason's advice says why it matters and what to do. Reasons that
ask for a password change carry the safety note, since a change can be noticed.
"""

from __future__ import annotations

from hygiene.audit.reasons import ADVICE
from hygiene.audit.run import AuditReport
from hygiene.findings import Finding, Severity, make


def audit_findings(report: AuditReport) -> list[Finding]:
    """Every reason of every login, most urgent first."""
    findings = []
    for reason, audited, line in report.lines():
        # Topic and safety note follow the kind: the reasons that say nothing about who
        # can get in now are declared good to do, with nothing to notice.
        findings.append(
            make(
                f"password_{reason.value}",
                severity=reason.severity,
                subject=audited.name,
                title=f"{audited.name}: {line}",
                why=ADVICE[reason].why,
                fix=ADVICE[reason].fix,
            )
        )
    if report.breach_unknown:
        count = report.breach_unknown
        findings.append(
            make(
                "password_breach_unknown",
                severity=Severity.MEDIUM,
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
            make(
                "password_export_misread",
                severity=Severity.MEDIUM,
                subject="the export",
                title="The password export may not have been read in full",
                why=doubt,
                fix="Export again from the password manager, or from the browser, and audit "
                "that file.",
            )
        )
    return findings
