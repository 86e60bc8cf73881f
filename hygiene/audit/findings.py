"""The audit as findings, so the plan can put its passwords among everything else.

One finding per reason per login: its line says what was found about that login (never
the password), and the reason's wording in ``checks/findings.toml`` says why it matters
and what to do. Reasons that ask for a password change carry the safety note, since a
change can be noticed.

Each finding names its cause: the login's own password (or its address), or, for a
password shared by several logins or a few small edits apart, that set of logins, so a
plan says a shared password once however many logins report it. A login is named by its
user name and site, which a plan may match to an account of the inventory; a set by a
digest of its members' names, never by anything of the password.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from hygiene.audit.groups import login_key
from hygiene.audit.reasons import Reason
from hygiene.audit.run import AuditedEntry, AuditReport
from hygiene.findings import Finding, Severity, cause_key, make, registry

LOGIN = "login:"  # a login's cause: "login:" + user name + "|" + site


def login_owner(audited: AuditedEntry) -> str:
    username, site = login_key(audited.entry)
    return f"{LOGIN}{username.replace('%', '%25').replace('|', '%7C')}|{site}"


def _digest(entries: list[AuditedEntry]) -> str:
    names = sorted({"|".join(login_key(e.entry)) for e in entries})
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


def _shared_causes(report: AuditReport) -> dict[tuple[Reason, int], str]:
    """The cause of each password several logins share, by reason and group number."""
    groups: dict[tuple[Reason, int], list[AuditedEntry]] = defaultdict(list)
    for audited in report.entries:
        if audited.reuse_group is not None:
            groups[Reason.REUSED, audited.reuse_group].append(audited)
        if audited.similar_group is not None:
            groups[Reason.SIMILAR, audited.similar_group].append(audited)
    prefix = {Reason.REUSED: "reuse:", Reason.SIMILAR: "similar:"}
    return {key: cause_key(prefix[key[0]] + _digest(members)) for key, members in groups.items()}


def _cause(reason: Reason, audited: AuditedEntry, shared: dict[tuple[Reason, int], str]) -> str:
    group = {Reason.REUSED: audited.reuse_group, Reason.SIMILAR: audited.similar_group}
    number = group.get(reason)
    if number is not None:
        return shared[reason, number]
    part = "address" if reason is Reason.INSECURE_URL else "password"
    return cause_key(login_owner(audited), part)


def audit_findings(report: AuditReport) -> list[Finding]:
    """Every reason of every login, most urgent first."""
    findings = []
    shared = _shared_causes(report)
    for reason, audited, line in report.lines():
        # Topic and safety note follow the kind: the reasons that say nothing about who
        # can get in now are declared good to do, with nothing to notice.
        findings.append(
            make(
                f"password_{reason.value}",
                severity=reason.severity,
                subject=audited.name,
                values={"login": audited.name, "detail": line},
                cause=_cause(reason, audited, shared),
            )
        )
    if report.breach_unknown:
        count = report.breach_unknown
        findings.append(
            make(
                "password_breach_unknown",
                severity=Severity.MEDIUM,
                values={"count": count, "logins": registry().counted(count, "login")},
                cause=cause_key("breach_unknown"),
            )
        )
    doubt = report.doubt()
    if doubt is not None:
        # A misread export must never let a plan look complete.
        findings.append(
            make(
                "password_export_misread",
                severity=Severity.MEDIUM,
                values={"doubt": doubt},
                cause=cause_key("export"),
            )
        )
    return findings
