"""The plan as Markdown: plain text that reads well on screen, aloud and on paper."""

from __future__ import annotations

from hygiene.helplines import help_markdown
from hygiene.plan.model import Plan
from hygiene.render import markdown_text as md
from hygiene.render.findings import markdown_lines

TITLE = "Your plan to shut the ways into your accounts"
NOTHING_FOUND = "Nothing to act on yet: no account or password was found that needs a change."


def to_markdown(plan: Plan) -> str:
    lines = [f"# {TITLE}", ""]
    if plan.label:
        lines += [f"For: {md(plan.label)}", ""]
    lines += ["## Help in an emergency", ""]
    for line in plan.emergency:
        lines.append(f"- **{md(line.name)}: {md(line.number)}**. {md(line.when)}")
    lines.append("")
    lines += ["To stay safe while you change things:", ""]
    lines += [f"- {point}" for point in plan.safety_first]
    lines.append("")
    number = 1
    if not plan.sections:
        lines += [NOTHING_FOUND, ""]
    for section in plan.sections:
        lines += [f"## {section.title}", "", section.intro, ""]
        lines += markdown_lines(section.findings, number, box=True)
        number += len(section.findings)
        lines.append("")
    if note := plan.log_note():
        lines += ["## Incident log", "", note, ""]
    if plan.facts:
        lines += ["## What they may know", ""]
        if not plan.facts_shown:
            lines += ["(Hidden. Shown only when asked for.)", ""]
        for fact in plan.facts:
            note = f" ({md(fact.note)})" if fact.note else ""
            lines.append(f"- {md(fact.kind)}{note}: {md(fact.value)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n\n" + help_markdown(plan.region)
