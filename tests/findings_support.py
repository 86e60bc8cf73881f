"""Findings of any declared kind, worded by the registry from made-up values."""

from __future__ import annotations

from hygiene.findings import Finding, Kind, Severity, make


def member_id(kind: Kind) -> str:
    """An id of ``kind``: for a family whose members each have their own wording, the
    first of them; for any other family, a member that reads as the kind itself."""
    if not kind.family:
        return kind.id
    complete = all(getattr(kind, part) for part in ("title", "why", "fix"))
    return f"{kind.id}_{'member' if complete else next(iter(kind.variants))}"


def sample_values(kind: Kind, label: str) -> dict[str, str]:
    """Every field of ``kind``, each a value no template holds (words only, no markup)."""
    name = label.replace("_", " ")
    return {field: f"{name} {field.replace('_', ' ')}" for field in kind.fields}


def of_kind(
    kind: Kind,
    severity: Severity,
    alert_note: str | None = None,
    variant: tuple[str, ...] = (),
    label: str | None = None,
) -> Finding:
    """A finding of ``kind`` filled with sample values; ``label`` keeps two apart."""
    words = label or kind.id
    return make(
        member_id(kind),
        severity=severity,
        values=sample_values(kind, words),
        variant=variant,
        subject=None if kind.subject else f"{words.replace('_', ' ')} subject",
        alert_note=alert_note,
        topic=kind.topic if kind.family else None,
    )
