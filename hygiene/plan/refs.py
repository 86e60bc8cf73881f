"""How a plan names a contact or a fact it keeps private: readable, and never two alike.

A plan may be printed or taken home, so an address, a number or a personal fact is not
written out in full. It is not blanked either (a screen reader says "bullet bullet
bullet", and two blanks read the same): an address reads "j…@example.com", a number "the
number ending 456", a fact by the label the person gave it (“daughter”). Where two
would read the same, more of each is shown until they differ. The same words are used
in every format, since every format renders the same plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hygiene.accounts.phones import is_email, normalise_phone

ELLIPSIS = "…"


def partial(value: str, shown: int = 1) -> str:
    """``value`` shown in part: ``shown`` letters of an address, or digits of a number."""
    if is_email(value):
        local, _, domain = value.strip().lower().rpartition("@")
        if shown >= len(local):
            return f"{local}@{domain}"
        return f"{local[:shown]}{ELLIPSIS}@{domain}"
    phone = normalise_phone(value)
    if phone is not None:
        digits = re.sub(r"\D", "", phone)
        return f"the number ending {digits[-(shown + 2) :]}"
    return value.strip()


def references(
    contacts: Iterable[str], facts: Iterable[tuple[str, str | None, str]] = ()
) -> dict[str, str]:
    """Each private value and the words that stand for it, no two the same.

    ``facts`` are (kind, label, value): a fact is named by its label, or by its kind.
    """
    values = sorted({c.strip() for c in contacts if c.strip()})
    shown = dict.fromkeys(values, 1)
    refs: dict[str, str] = {}
    # Widen every reference that collides, until none does; each pass shows one more.
    for _ in range(64):
        refs = {v: partial(v, shown[v]) for v in values}
        seen: dict[str, list[str]] = {}
        for value, ref in refs.items():
            seen.setdefault(ref.casefold(), []).append(value)
        clashes = [v for group in seen.values() if len(group) > 1 for v in group]
        if not clashes:
            break
        for value in clashes:
            shown[value] += 1
    names = dict(refs)
    counts: dict[str, int] = {}
    for kind, label, value in facts:
        if not value.strip() or value.strip() in names:
            continue
        base = label or kind.replace("_", " ")
        counts[base] = counts.get(base, 0) + 1
        names[value.strip()] = f"“{base}”" if counts[base] == 1 else f"“{base} {counts[base]}”"
    return names


def substitute(text: str, names: dict[str, str]) -> str:
    """``text`` with every private value (longest first, any case) replaced by its name."""
    words = sorted((v for v in names if len(v) >= 2), key=len, reverse=True)
    if not words:
        return text
    folded = {v.casefold(): names[v] for v in words}
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return pattern.sub(lambda m: folded.get(m.group().casefold(), m.group()), text)
