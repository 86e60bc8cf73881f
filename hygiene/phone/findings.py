"""A phone check's results as findings for the plan (topic "devices").

Every finding here carries the same safety rule (declared, with the wording, in
``checks/findings.toml``): removing monitoring can alert the person who installed it and
may destroy evidence, so the collection is kept and an advocate or the police are talked
to first. The removal steps are general, because menu names differ from one phone maker
to the next; they say so.
"""

from __future__ import annotations

from hygiene.findings import Finding, Severity, make, phrase
from hygiene.phone.heuristics import Sign, Sureness
from hygiene.phone.scan import Flagged, Match, PhoneResult


def phone_findings(result: PhoneResult) -> list[Finding]:
    findings = [_match(m) for m in result.matches]
    findings += [_flagged(f) for f in result.flagged]
    findings += [_phone(sign) for sign in result.phone]
    return findings


def _match(match: Match) -> Finding:
    entry, app = match.entry, match.app
    also = phrase("phone_also_signs", signs=_signs_text(match.signs)) if match.signs else ""
    values = {
        "name": entry.name,
        "app": app.id,
        "how": match.how,
        "sureness": match.sureness.value,
        "also": also,
    }
    if entry.type == "stalkerware":
        return make(
            "phone_known_stalkerware", severity=Severity.URGENT, subject=app.id, values=values
        )
    return make("phone_monitoring_app", severity=Severity.HIGH, subject=app.id, values=values)


def _flagged(flagged: Flagged) -> Finding:
    return make(
        "phone_app_signs",
        severity=_severity(flagged.signs),
        subject=flagged.app.id,
        values={
            "name": flagged.app.label or flagged.app.id,
            "app": flagged.app.id,
            "signs": _signs_text(flagged.signs),
        },
    )


def _phone(sign: Sign) -> Finding:
    return make(
        "phone_rooted" if sign.id == "rooted" else "phone_app_scanning_off",
        severity=Severity.HIGH if sign.sureness is Sureness.HIGH else Severity.MEDIUM,
        values={"seen": sign.seen, "sureness": sign.sureness.value, "innocent": sign.innocent},
    )


def _severity(signs: tuple[Sign, ...]) -> Severity:
    ids = {s.id for s in signs}
    capable = bool(ids & {"accessibility", "notification_listener", "device_admin"})
    off_store = any(s.id == "outside_store" and s.sureness is Sureness.MEDIUM for s in signs)
    if any(s.sureness is Sureness.HIGH for s in signs) or (capable and off_store):
        return Severity.HIGH
    if any(s.sureness is Sureness.MEDIUM for s in signs):
        return Severity.MEDIUM
    return Severity.LOW


def _signs_text(signs: tuple[Sign, ...]) -> str:
    return " ".join(
        phrase(
            "phone_sign",
            seen=s.seen.rstrip("."),
            sureness=s.sureness.value,
            innocent=_lower(s.innocent),
        )
        for s in signs
    )


def _lower(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:].rstrip(".")
