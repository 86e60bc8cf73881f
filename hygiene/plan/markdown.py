"""The plan as Markdown: plain text that reads well on screen, aloud and on paper."""

from __future__ import annotations

from hygiene.helplines import help_markdown
from hygiene.plan.model import Plan

TITLE = "Your plan to shut the ways into your accounts"
NOTHING_FOUND = "Nothing to act on yet: no account or password was found that needs a change."


def to_markdown(plan: Plan) -> str:
    lines = [f"# {TITLE}", ""]
    if plan.label:
        lines += [f"For: {plan.label}", ""]
    lines += ["## Help in an emergency", ""]
    for line in plan.emergency:
        lines.append(f"- **{line.name}: {line.number}**. {line.when}")
    lines.append("")
    lines += ["To stay safe while you change things:", ""]
    lines += [f"- {point}" for point in plan.safety_first]
    lines.append("")
    number = 0
    if not plan.sections:
        lines += [NOTHING_FOUND, ""]
    for section in plan.sections:
        lines += [f"## {section.title}", "", section.intro, ""]
        for finding in section.findings:
            number += 1
            lines.append(
                f"{number}. [ ] **{finding.title}** ({finding.severity.value}; {finding.subject})"
            )
            lines.append(f"   - Why: {finding.why}")
            lines.append(f"   - What to do: {finding.fix}")
            if finding.safety:
                lines.append(f"   - Safety: {finding.safety}")
        lines.append("")
    if note := plan.log_note():
        lines += ["## Incident log", "", note, ""]
    if plan.facts:
        lines += ["## What they may know", ""]
        if not plan.facts_shown:
            lines += ["(Hidden. Shown only when asked for.)", ""]
        for fact in plan.facts:
            note = f" ({fact.note})" if fact.note else ""
            lines.append(f"- {fact.kind}{note}: {fact.value}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n\n" + help_markdown(plan.region)
