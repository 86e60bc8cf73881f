"""Findings as text and Markdown: one layout, each field escaped for its format.

Every command that lists findings (the accounts check, the email plan) draws them here
(the plan draws its merged items in ``hygiene.plan``), so a finding reads the same
everywhere and every string in it, which may hold a label or a note the other person
planted, passes its format's escaping rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from hygiene.findings import Finding
from hygiene.render.escape import markdown_text, visible


def text_lines(findings: Iterable[Finding], start: int = 1) -> list[str]:
    """Numbered plain text that reads the same aloud and on paper: severity is a word."""
    lines: list[str] = []
    for number, finding in enumerate(findings, start=start):
        lines.append(f"{number}. [{finding.severity.value.upper()}] {visible(finding.title)}")
        lines.append(f"   Why: {visible(finding.why)}")
        lines.append(f"   What to do: {visible(finding.fix)}")
        if finding.where:
            lines.append(f"   Where: {visible(finding.where)}")
        if finding.safety:
            lines.append(f"   Safety: {visible(finding.safety)}")
    return lines


def markdown_lines(findings: Iterable[Finding], start: int = 1, *, box: bool = False) -> list[str]:
    """A numbered Markdown list; ``box`` adds a tick box to each item."""
    lines: list[str] = []
    tick = "[ ] " if box else ""
    for number, finding in enumerate(findings, start=start):
        lines.append(
            f"{number}. {tick}**{markdown_text(finding.title)}** "
            f"({finding.severity.value}; {markdown_text(finding.subject)})"
        )
        lines.append(f"   - Why: {markdown_text(finding.why)}")
        lines.append(f"   - What to do: {markdown_text(finding.fix)}")
        if finding.where:
            lines.append(f"   - Where: {markdown_text(finding.where)}")
        if finding.safety:
            lines.append(f"   - Safety: {markdown_text(finding.safety)}")
    return lines
