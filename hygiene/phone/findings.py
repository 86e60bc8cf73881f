"""A phone check's results as findings for the plan (topic "devices").

Every finding here carries the same safety rule (declared in ``checks/findings.toml``):
removing monitoring can alert the person who installed it and may destroy evidence, so the
collection is kept and an advocate or the police are talked to first. The removal steps
are general, because menu names differ from one phone maker to the next; they say so.
"""

from __future__ import annotations

from hygiene.findings import Finding, Severity, make
from hygiene.phone.heuristics import Sign, Sureness
from hygiene.phone.scan import Flagged, Match, PhoneResult

KEEP_FIRST = (
    "Do not remove it yet. Keep the collection hygiene read (the folder or zip) somewhere "
    "the other person cannot reach, and talk to an advocate or the police first: it is "
    "evidence. Until then, assume what is done on this phone can be seen, and use a safer "
    "phone for private calls and messages."
)
REMOVE_WHEN_SAFE = (
    "When it is safe to remove: if it is a device administrator, turn that off first (in "
    "Settings, under Security); then uninstall it from Settings, under Apps. If it will not "
    "go, a factory reset removes it, once you have kept what you need. Menu names differ by "
    "phone maker and are not confirmed for yours."
)


def phone_findings(result: PhoneResult) -> list[Finding]:
    findings = [_match(m) for m in result.matches]
    findings += [_flagged(f) for f in result.flagged]
    findings += [_phone(sign) for sign in result.phone]
    return findings


def _match(match: Match) -> Finding:
    entry, app = match.entry, match.app
    also = _signs_text(match.signs, " It also shows these signs. ")
    if entry.type == "stalkerware":
        return make(
            "phone_known_stalkerware",
            severity=Severity.URGENT,
            subject=app.id,
            title=f"Known stalkerware on the phone: {entry.name} ({app.id})",
            why=(
                f"{match.how} How sure: {match.sureness.value}. Apps on this list are sold to "
                "watch a person in secret: they can pass on messages, calls, photos and where "
                f"the phone is to whoever installed them.{also}"
            ),
            fix=f"{KEEP_FIRST} {REMOVE_WHEN_SAFE}",
        )
    return make(
        "phone_monitoring_app",
        severity=Severity.HIGH,
        subject=app.id,
        title=f"A monitoring app is on the phone: {entry.name} ({app.id})",
        why=(
            f"{match.how} How sure: {match.sureness.value}. It is a parental-control or "
            "family-locator app: it does not hide and may be there for a good reason, but "
            "whoever set it up can see what it reports, often where the phone is and which "
            f"apps are used.{also}"
        ),
        fix=(
            "Ask whether you set it up yourself, and who can see what it reports. If you did "
            f"not, treat it as stalkerware. {KEEP_FIRST} {REMOVE_WHEN_SAFE}"
        ),
    )


def _flagged(flagged: Flagged) -> Finding:
    return make(
        "phone_app_signs",
        severity=_severity(flagged.signs),
        subject=flagged.app.id,
        title=f"An app shows signs of monitoring: {flagged.app.label or flagged.app.id}",
        why=(
            f"{flagged.app.id} is on no list of known stalkerware, but:"
            + _signs_text(flagged.signs, " ")
        ),
        fix=(
            "Ask whether you know this app and installed it yourself. If not, keep the "
            "collection and talk to an advocate before you remove it. " + REMOVE_WHEN_SAFE
        ),
    )


def _phone(sign: Sign) -> Finding:
    title = "The phone is rooted" if sign.id == "rooted" else "Play Protect's app scanning is off"
    if sign.id == "rooted":
        fix = (
            "Ask whether you rooted the phone yourself. If not, keep the collection and talk "
            "to an advocate: a phone rooted by someone else cannot be trusted, and the safe "
            "way back is a factory reset once you have kept what you need."
        )
    else:
        fix = (
            "When it is safe, turn Play Protect back on (in the Play Store app, under Play "
            "Protect). It may then flag or remove a hidden app, which can alert whoever "
            "installed it, so keep the collection first. Menu names are not confirmed for "
            "your phone."
        )
    return make(
        "phone_rooted" if sign.id == "rooted" else "phone_app_scanning_off",
        severity=Severity.HIGH if sign.sureness is Sureness.HIGH else Severity.MEDIUM,
        subject="the phone",
        title=title,
        why=f"{sign.seen} How sure: {sign.sureness.value}. It may be innocent: {sign.innocent}",
        fix=fix,
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


def _signs_text(signs: tuple[Sign, ...], lead: str) -> str:
    if not signs:
        return ""
    parts = [
        f"{s.seen.rstrip('.')} ({s.sureness.value}; it may be innocent: {_lower(s.innocent)})."
        for s in signs
    ]
    return lead + " ".join(parts)


def _lower(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:].rstrip(".")
