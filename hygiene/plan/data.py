"""The plan as JSON-ready data, for other tools; the same content as the printed plan.

Each item has its number (as printed), a stable ``key`` to refer to it across meetings,
and the registry ``id`` of its lead finding; ``findings`` lists what it says at once.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from hygiene.plan.items import Item
from hygiene.plan.model import PLAN_FORMAT, Plan


def item_data(item: Item, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "key": item.key,
        "id": item.id,
        "severity": item.severity.value,
        "topic": item.topic.value,
        "subject": item.subject,
        "title": item.title,
        "why": item.why,
        "also": list(item.also),
        "steps": [{"text": step.text, "where": step.where} for step in item.steps],
        "safety": list(item.safety),
        "findings": [
            {"id": f.id, "severity": f.severity.value, "subject": f.subject, "title": f.title}
            for f in item.findings
        ],
    }


def to_data(plan: Plan) -> dict[str, Any]:
    numbers = {id(item): n for n, item in enumerate(plan.items, start=1)}
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
                "items": [item_data(item, numbers[id(item)]) for item in section.items],
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
