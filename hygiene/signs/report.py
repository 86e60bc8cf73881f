"""The signs result as plain numbered text: reads the same aloud, on screen and on paper."""

from __future__ import annotations

from hygiene.signs.assess import SignsResult


def result_lines(result: SignsResult, *, in_session: bool = False) -> list[str]:
    """The result; ``in_session``, the checks are what the meeting goes on to, not commands
    to run (a person in a guided meeting is never sent off to type one)."""
    if not result.causes:
        again = (
            "If that changes, we can go through these questions again at another meeting."
            if in_session
            else "If that changes, run hygiene signs again; the questions stay the same."
        )
        return ["None of the warning signs apply at the moment.", again]
    lines = ["What these signs may point to", ""]
    for number, likely in enumerate(result.causes, start=1):
        cause = likely.cause
        lines.append(f"{number}. {cause.name}")
        lines.append(f"   Because of: {', '.join(sign.short for sign in likely.signs)}.")
        lines.append(f"   {cause.why}")
        lines.append(f"   Safety: {cause.safety}")
    if in_session:
        lines += ["", "What the rest of this meeting looks at", ""]
        whys = dict.fromkeys(check.why for check in result.checks)
        lines += [f"{number}. A check that {why}." for number, why in enumerate(whys, start=1)]
    else:
        lines += ["", "Checks to run", ""]
        for number, check in enumerate(result.checks, start=1):
            lines.append(f"{number}. {check.command}: {check.why}.")
    lines += ["", "Steps you can take", ""]
    for number, step in enumerate(result.steps, start=1):
        lines.append(f"{number}. {step}")
    return lines
