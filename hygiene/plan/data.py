"""The plan as JSON-ready data, for other tools; the same content as the printed plan.

Each item has its number (as printed), a stable ``key`` to refer to it across meetings,
and the registry ``id`` of its lead finding; ``findings`` lists what it says at once.
Items marked done stay in their section here, with ``status`` "done"; ``progress``
counts them.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from hygiene.plan import progress
from hygiene.plan.items import Item
from hygiene.plan.model import PLAN_FORMAT, Plan
from hygiene.plan.progress import Numbered


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
        "notes": list(item.notes),
        "checks": [asdict(check) for check in item.checks],
        "findings": [
            {"id": f.id, "severity": f.severity.value, "subject": f.subject, "title": f.title}
            for f in item.findings
        ],
    }


def status_data(entry: Numbered) -> dict[str, str | None]:
    """Whether the item is open, done or waits; why it waits; and its day: the day it was
    done, or the day it waits for or is due by (``date_means`` says which)."""
    mark = entry.mark
    if mark is None:
        return {"status": "open", "reason": None, "date": None, "date_means": None}
    day: date | None = mark.marked if mark.status == "done" else mark.day
    means: str | None = "done_on" if mark.status == "done" else mark.day_means
    return {
        "status": mark.status,
        "reason": mark.reason,
        "date": day.isoformat() if day else None,
        "date_means": means,
    }


def to_data(plan: Plan) -> dict[str, Any]:
    tracked = progress.tracked(plan)
    entries = {entry.item.key: entry for entry in tracked.entries}
    return {
        "format": PLAN_FORMAT,
        "label": plan.label,
        "emergency": [line.model_dump() for line in plan.emergency],
        "safety_first": list(plan.safety_first),
        "progress": asdict(tracked.tally()),
        "sections": [
            {
                "stage": section.stage,
                "title": section.title,
                "intro": section.intro,
                "notes": list(section.notes),
                "items": [
                    {**item_data(item, entries[item.key].number), **status_data(entries[item.key])}
                    for item in section.items
                ],
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
