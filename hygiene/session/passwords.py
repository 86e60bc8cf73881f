"""Passwords, one at a time: asked hidden, checked against the facts and breaches, never kept.

Each password is judged by the strength checks (a stranger, and someone who knows the
person) and looked up in the breach source, then let go. What is kept is only the finding:
which account, and why its password needs changing, in words that never hold a character
of it. A password used for two accounts is caught by comparing them in memory.
"""

from __future__ import annotations

from hygiene.breach.interface import Found, Unknown
from hygiene.findings import Finding, Severity, Topic
from hygiene.secret import Secret
from hygiene.session.meeting import Meeting
from hygiene.strength import Level, assess

CHANGE_SAFELY = (
    "Change it from a device the other person has never used. They may notice they are "
    "signed out; keep any evidence you need first."
)


def passwords(meeting: Meeting) -> None:
    ask = meeting.prompter
    ask.say(
        "Now passwords, one at a time. Each is hidden as you type, checked here, and never "
        "kept or shown."
    )
    if meeting.breach is not None:
        ask.say(f"Each is also looked up in known data breaches: {meeting.breach.describe()}.")
    facts = meeting.facts()
    seen: list[tuple[str, Secret]] = []
    findings: list[Finding] = []
    while True:
        account = ask.ask("Which account is the password for? (press Enter when done)").strip()
        if not account:
            break
        secret = ask.secret(f"The password for {account}")
        if not secret:
            continue
        verdict = assess(secret, facts).verdict
        ask.say(f"{account}: {verdict.level.value}. {verdict.sentence}")
        if verdict.level is not Level.strong:
            weak = verdict.level is Level.weak
            findings.append(
                Finding(
                    id="password_guessable" if weak else "password_could_be_stronger",
                    severity=Severity.URGENT if weak else Severity.MEDIUM,
                    topic=Topic.PASSWORDS if weak else Topic.GOOD_TO_DO,
                    subject=account,
                    title=f"The {account} password is {verdict.level.value}",
                    why=verdict.sentence,
                    fix=verdict.next_step,
                    safety=CHANGE_SAFELY if weak else None,
                )
            )
        findings.extend(_breach(meeting, account, secret))
        for other, before in seen:
            if before == secret:
                ask.say(f"This is the same password as for {other}.")
                findings.append(_reused(account, other))
        seen.append((account, secret))
    checked = {account for account, _ in seen}
    earlier = [f for f in _earlier(meeting) if f.subject not in checked]
    meeting.set_findings("passwords", earlier + findings)


def _earlier(meeting: Meeting) -> list[Finding]:
    """Findings from passwords checked at an earlier meeting; they stay until fixed."""
    saved = meeting.document.findings.get("passwords", ())
    return [item.finding() for item in saved]


def _breach(meeting: Meeting, account: str, secret: Secret) -> list[Finding]:
    if meeting.breach is None:
        return []
    result = meeting.breach.check(secret)
    meeting.prompter.say(f"Breach check: {result.describe()}.")
    if isinstance(result, Found):
        return [
            Finding(
                id="password_breached",
                severity=Severity.URGENT,
                topic=Topic.PASSWORDS,
                subject=account,
                title=f"The {account} password is known to attackers",
                why=f"This password is {result.describe()}; such lists are tried against "
                "every account.",
                fix="Change it to a passphrase of random words, used for this account only.",
                safety=CHANGE_SAFELY,
            )
        ]
    if isinstance(result, Unknown):
        return [
            Finding(
                id="password_breach_unknown",
                severity=Severity.MEDIUM,
                topic=Topic.PASSWORDS,
                subject=account,
                title=f"Whether the {account} password has leaked is not known",
                why=f"The breach check could not run ({result.reason}). Unknown is not safe.",
                fix="Check it again with hygiene password when the check can run.",
            )
        ]
    return []


def _reused(account: str, other: str) -> Finding:
    return Finding(
        id="password_reused",
        severity=Severity.HIGH,
        topic=Topic.PASSWORDS,
        subject=f"{account} and {other}",
        title=f"{account} and {other} share a password",
        why="Whoever learns it for one account can sign in to the other.",
        fix="Give each account its own password; a password manager makes that easy.",
        safety=CHANGE_SAFELY,
    )
