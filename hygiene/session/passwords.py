"""Passwords, one at a time: asked hidden, checked, never kept.

Each password gets its verdict at once (the strength checks: a stranger, and someone who
knows the person). When the person has finished, the passwords of this meeting go through
the audit as one small "export": the same reasons, breach lookup, reuse and near-duplicate
detection and the same findings as an audit of a password manager, so the plan ranks them
alike. Then they are let go. What is kept is only the findings: which account, and why,
in words that never hold a character of a password.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hygiene.audit.findings import audit_findings
from hygiene.audit.run import run_audit
from hygiene.breach.builtin import BuiltinSource
from hygiene.breach.interface import BreachSource
from hygiene.exports.interface import Entry, Item, Probe
from hygiene.exports.registry import Export
from hygiene.findings import Finding
from hygiene.secret import Secret
from hygiene.session.meeting import Meeting
from hygiene.strength import assess


class TypedInMeeting:
    """The audit's layout for passwords typed in the meeting: never read from a file."""

    name = "session"
    label = "passwords typed in the meeting"

    def detect(self, probe: Probe) -> bool:
        return False

    def read(self, path: Path, probe: Probe) -> Iterator[Item]:
        raise TypeError("passwords typed in a meeting are never read from a file")


def passwords(meeting: Meeting) -> None:
    ask = meeting.prompter
    ask.say(
        "Now passwords, one at a time. Each is hidden as you type, checked here, and never "
        "kept or shown."
    )
    source = meeting.breach or BuiltinSource()
    ask.say(f"Each is also looked up in known data breaches: {source.describe()}.")
    facts = meeting.facts()
    typed: list[tuple[str, Secret]] = []
    while True:
        account = ask.ask("Which account is the password for? (press Enter when done)").strip()
        if not account:
            break
        secret = ask.secret(f"The password for {account}")
        if not secret:
            continue
        verdict = assess(secret, facts).verdict
        ask.say(f"{account}: {verdict.level.value}. {verdict.sentence}")
        for other, before in typed:
            if before == secret:
                ask.say(f"This is the same password as for {other}.")
        typed.append((account, secret))
    found = _audit(meeting, typed, source) if typed else []
    checked = {account for account, _ in typed}
    earlier = [f for f in _earlier(meeting) if f.subject not in checked]
    meeting.set_findings("passwords", earlier + found)


def _audit(
    meeting: Meeting, typed: list[tuple[str, Secret]], source: BreachSource
) -> list[Finding]:
    entries = [
        Entry(title=account, username="", urls=(), password=secret, row=number)
        for number, (account, secret) in enumerate(typed, start=1)
    ]
    report = run_audit(Export(TypedInMeeting(), iter(entries)), source, meeting.facts())
    found = audit_findings(report)
    if found:
        meeting.prompter.say("What needs changing:")
        for finding in found:
            meeting.prompter.say(f"- {finding.title}")
    else:
        meeting.prompter.say("None of these passwords needs changing.")
    return found


def _earlier(meeting: Meeting) -> list[Finding]:
    """Findings from passwords checked at an earlier meeting; they stay until checked again."""
    saved = meeting.document.findings.get("passwords", ())
    return [item.finding() for item in saved]
