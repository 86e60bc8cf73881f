"""The signs result as plain numbered text: reads the same aloud, on screen and on paper."""

from __future__ import annotations

from hygiene.signs.assess import SignsResult


def result_lines(result: SignsResult) -> list[str]:
    if not result.causes:
        return [
            "None of the warning signs apply at the moment.",
            "If that changes, run hygiene signs again; the questions stay the same.",
        ]
    lines = ["What these signs may point to", ""]
    for number, likely in enumerate(result.causes, start=1):
        cause = likely.cause
        lines.append(f"{number}. {cause.name}")
        lines.append(f"   Because of: {', '.join(sign.short for sign in likely.signs)}.")
        lines.append(f"   {cause.why}")
        lines.append(f"   Safety: {cause.safety}")
    lines += ["", "Checks to run", ""]
    for number, check in enumerate(result.checks, start=1):
        lines.append(f"{number}. {check.command}: {check.why}.")
    lines += ["", "Steps you can take", ""]
    for number, step in enumerate(result.steps, start=1):
        lines.append(f"{number}. {step}")
    return lines
