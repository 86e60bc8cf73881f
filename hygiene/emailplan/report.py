"""The email plan as plain text and as Markdown: the same sections, in the same order.

Text reads the same aloud, on screen and on paper (numbers, not colour). Neither format
shows a proposed address or a passphrase: the plan may be printed or taken home.
"""

from __future__ import annotations

from hygiene.emailplan.plan import EmailPlan
from hygiene.emailplan.steps import Phase
from hygiene.render import markdown_text as md
from hygiene.render import visible
from hygiene.render.findings import markdown_lines

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
        labels = ", ".join(visible(p.account.label) + _moved(p.suggested) for p in part.accounts)
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
        lines.append(f"{number}. {visible(step.text)}")
        if step.safety:
            lines.append(f"   Safety: {visible(step.safety)}")
    return lines


def plan_markdown(plan: EmailPlan) -> str:
    lines = ["# Your email plan", "", INTRO, "", "## The addresses", ""]
    for part in plan.compartments:
        labels = ", ".join(md(p.account.label) + _moved(p.suggested) for p in part.accounts)
        lines += [
            f"### {md(part.compartment.name)}",
            "",
            f"{md(part.compartment.purpose.capitalize())}.",
            "",
        ]
        lines += [f"- **Accounts:** {labels or 'none yet'}"]
        lines += [f"- {md(advice)}" for advice in part.address_advice]
        lines.append("")
    lines += ["### For every new address", ""]
    lines += [f"- {md(advice)}" for advice in plan.shared_advice]
    lines += ["", "## What to do, in this order"]
    phase = None
    for number, step in enumerate(plan.steps, start=1):
        if step.phase != phase:
            phase = step.phase
            lines += ["", f"### {PHASE_TITLES[phase]}", ""]
        safety = f" *Safety: {md(step.safety)}*" if step.safety else ""
        lines.append(f"{number}. [ ] {md(step.text)}{safety}")
    if plan.findings:
        lines += ["", "## What needs fixing", ""]
        lines += markdown_lines(plan.findings)
    return "\n".join(lines) + "\n"


def _moved(suggested: bool) -> str:
    return "" if suggested else " (your choice)"
