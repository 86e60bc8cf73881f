"""Small helpers every command uses to print: JSON, and findings as plain numbered text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from hygiene.cli import console
from hygiene.findings import Finding


def print_json(data: Any) -> None:
    console.raw(json.dumps(data, indent=2, ensure_ascii=False))


def finding_lines(findings: Iterable[Finding]) -> list[str]:
    """Findings as text that reads the same aloud and on paper: the severity is a word."""
    lines: list[str] = []
    for number, finding in enumerate(findings, start=1):
        lines.append(f"{number}. [{finding.severity.value.upper()}] {finding.title}")
        lines.append(f"   Why: {finding.why}")
        lines.append(f"   What to do: {finding.fix}")
        if finding.safety:
            lines.append(f"   Safety: {finding.safety}")
    return lines
