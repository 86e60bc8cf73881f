"""The audit as findings, so the plan can put its passwords among everything else.

One finding per reason per login: its line says what was found about that login (never
the password), and the reason's wording in ``checks/findings.toml`` says why it matters
and what to do. Reasons that ask for a password change carry the safety note, since a
change can be noticed.
"""

from __future__ import annotations

from hygiene.audit.run import AuditReport
from hygiene.findings import Finding, Severity, make, registry


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
                values={"login": audited.name, "detail": line},
            )
        )
    if report.breach_unknown:
        count = report.breach_unknown
        findings.append(
            make(
                "password_breach_unknown",
                severity=Severity.MEDIUM,
                values={"count": count, "logins": registry().counted(count, "login")},
            )
        )
    doubt = report.doubt()
    if doubt is not None:
        # A misread export must never let a plan look complete.
        findings.append(
            make("password_export_misread", severity=Severity.MEDIUM, values={"doubt": doubt})
        )
    return findings
