"""The plan as JSON-ready data, for other tools; the same content as the printed plan."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from hygiene.plan.model import PLAN_FORMAT, Plan


def to_data(plan: Plan) -> dict[str, Any]:
    return {
        "format": PLAN_FORMAT,
        "label": plan.label,
        "emergency": [line.model_dump() for line in plan.emergency],
        "safety_first": list(plan.safety_first),
        "sections": [
            {
                "stage": section.stage,
                "title": section.title,
                "intro": section.intro,
                "notes": list(section.notes),
                "findings": [finding.to_dict() for finding in section.findings],
            }
            for section in plan.sections
        ],
        "facts_shown": plan.facts_shown,
        "facts": [asdict(fact) for fact in plan.facts],
        "region": plan.region.id,
        "helplines": [line.model_dump() for line in plan.helplines],
        "legal": [route.model_dump() for route in plan.legal],
        "log_entries": plan.log_entries,
    }
