"""The email plan as plain text and as Markdown: the same sections, in the same order.

Text reads the same aloud, on screen and on paper (numbers, not colour). Neither format
shows a proposed address or a passphrase: the plan may be printed or taken home.
"""

from __future__ import annotations

from hygiene.emailplan.plan import EmailPlan
from hygiene.emailplan.steps import Phase
from hygiene.findings import Finding

INTRO = (
    "One new address for each part of your life, so that an address the other person learns "
    "or gets into opens only that part."
)
PHASE_TITLES = {
    Phase.PREPARE: "Before you start",
    Phase.CREATE: "Create the new addresses",
    Phase.MOVE: "Move each account (add the new before taking anything away)",
    Phase.REMOVE: "Remove the old routes, once everything works",
    Phase.AFTER: "Afterwards",
}


def plan_lines(plan: EmailPlan) -> list[str]:
    lines = ["Your email plan", "", INTRO, ""]
    for number, part in enumerate(plan.compartments, start=1):
        labels = ", ".join(p.account.label + _moved(p.suggested) for p in part.accounts)
        lines.append(f"{number}. {part.compartment.name} ({part.compartment.purpose})")
        lines.append(f"   Accounts: {labels or 'none yet'}")
        lines += [f"   - {advice}" for advice in part.address_advice]
    lines += ["", "For every new address", ""]
    lines += [f"- {advice}" for advice in plan.shared_advice]
    lines += ["", "What to do, in this order"]
    phase = None
    for number, step in enumerate(plan.steps, start=1):
        if step.phase != phase:
            phase = step.phase
            lines += ["", PHASE_TITLES[phase]]
        lines.append(f"{number}. {step.text}")
        if step.safety:
            lines.append(f"   Safety: {step.safety}")
    return lines


def plan_markdown(plan: EmailPlan) -> str:
    lines = ["# Your email plan", "", INTRO, "", "## The addresses", ""]
    for part in plan.compartments:
        labels = ", ".join(p.account.label + _moved(p.suggested) for p in part.accounts)
        lines += [
            f"### {part.compartment.name}",
            "",
            f"{part.compartment.purpose.capitalize()}.",
            "",
        ]
        lines += [f"- **Accounts:** {labels or 'none yet'}"]
        lines += [f"- {advice}" for advice in part.address_advice]
        lines.append("")
    lines += ["### For every new address", ""]
    lines += [f"- {advice}" for advice in plan.shared_advice]
    lines += ["", "## What to do, in this order"]
    phase = None
    for number, step in enumerate(plan.steps, start=1):
        if step.phase != phase:
            phase = step.phase
            lines += ["", f"### {PHASE_TITLES[phase]}", ""]
        safety = f" *Safety: {step.safety}*" if step.safety else ""
        lines.append(f"{number}. [ ] {step.text}{safety}")
    if plan.findings:
        lines += ["", "## What needs fixing", ""]
        lines += _findings_markdown(plan.findings)
    return "\n".join(lines) + "\n"


def _findings_markdown(findings: tuple[Finding, ...]) -> list[str]:
    lines = []
    for number, finding in enumerate(findings, start=1):
        lines.append(f"{number}. **{finding.severity.value.upper()}: {finding.title}**")
        lines.append(f"   - Why: {finding.why}")
        lines.append(f"   - What to do: {finding.fix}")
        if finding.safety:
            lines.append(f"   - Safety: {finding.safety}")
    return lines


def _moved(suggested: bool) -> str:
    return "" if suggested else " (your choice)"
