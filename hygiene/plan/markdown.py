"""The plan as Markdown: plain text that reads well on screen, aloud and on paper."""

from __future__ import annotations

from collections import Counter

from hygiene.helplines import help_markdown
from hygiene.plan import progress
from hygiene.plan.items import Check, Item, Step, shown_subject, where_said
from hygiene.plan.model import Plan
from hygiene.render import markdown_text as md

TITLE = "Your plan to shut the ways into your accounts"
LOOK_AT = "Look at:"
IF_CHANGED = "They may notice:"
HIDDEN_FACTS = "Hidden, and shown only when asked for:"
SAME_PLACE = "as in step {step}."
NOTHING_FOUND = (
    "Nothing has been checked yet, so this plan has no steps of its own. That does not mean "
    "your accounts are safe: start with hygiene session, or make a plan from the files a "
    "worker prepared (hygiene plan --facts FILE --accounts FILE)."
)
ALL_DONE = "Every item of this plan is marked done: they are listed at the end."


def step_text(step: Step, same_as: int | None = None) -> str:
    """A step and where its setting is (or which earlier step's place it shares)."""
    if same_as is not None:
        return f"{md(step.text)} Where: {SAME_PLACE.format(step=same_as)}"
    return md(step.text) + (f" Where: {md(step.where)}" if step.where else "")


def item_lines(item: Item, number: int, status: str | None = None) -> list[str]:
    """One item: a box to tick, what was found, what to do in order, what they may see;
    ``status`` says why it waits, if it does."""
    subject = shown_subject(item)
    about = f"; {md(subject)}" if subject else ""
    lines = [f"{number}. [ ] **{md(item.title)}** ({item.severity.value}{about})"]
    if status:
        lines.append(f"   - {md(status)}")
    lines.append(f"   - Why: {md(item.why)}")
    if item.also:
        lines.append("   - Also found: " + " ".join(md(line) for line in item.also))
    if len(item.steps) == 1:
        lines.append(f"   - What to do: {step_text(item.steps[0])}")
    else:
        lines.append("   - What to do, in this order:")
        said = where_said(item.steps)
        lines += [
            f"     {n}. {step_text(step, same)}"
            for n, (step, same) in enumerate(zip(item.steps, said, strict=True), start=1)
        ]
    if item.notes:
        lines.append("   - Your notes: " + " ".join(_sentence(md(note)) for note in item.notes))
    if item.checks:
        lines.append(f"   - {LOOK_AT}")
        lines += [f"     - {check_text(check)}" for check in item.checks]
    if item.safety:
        lines.append("   - Safety: " + " ".join(md(note) for note in item.safety))
    return lines


def check_text(check: Check) -> str:
    """What to look at, where, why, and what changing it may tell them, escaped."""
    title = f"{check.subject}: {check.title}" if check.subject else check.title
    text = f"**{md(title)}**. Where: {md(check.where)}. {md(check.why)}"
    return text + (f" {IF_CHANGED} {md(check.alert)}" if check.alert else "")


def hidden_facts(plan: Plan) -> str:
    """What is hidden, on one line: how many of each kind ("Hidden ...: 4 names, 2 dates")."""
    counts = Counter(fact.kind for fact in plan.facts)
    kinds = ", ".join(f"{n} {md(kind)}{'' if n == 1 else 's'}" for kind, n in counts.items())
    return f"{HIDDEN_FACTS} {kinds}."


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def to_markdown(plan: Plan) -> str:
    lines = [f"# {TITLE}", ""]
    if plan.label:
        lines += [f"For: {md(plan.label)}", ""]
    if headline := progress.headline(plan):
        lines += [f"Progress: {headline}.", ""]
    lines += ["## Help in an emergency", ""]
    for line in plan.emergency:
        lines.append(f"- **{md(line.name)}: {md(line.number)}**. {md(line.when)}")
    lines.append("")
    lines += ["To stay safe while you change things:", ""]
    lines += [f"- {point}" for point in plan.safety_first]
    lines.append("")
    tracked = progress.tracked(plan)
    if not plan.sections:
        lines += [NOTHING_FOUND, ""]
    elif not any(tracked.shown_in(section) for section in plan.sections):
        lines += [ALL_DONE, ""]
    shown_last = 0
    for section in plan.sections:
        shown = tracked.shown_in(section)
        if not shown:
            continue
        lines += [f"## {section.title}", "", section.intro, ""]
        if section.notes:
            lines += ["Before any of these:", ""]
            lines += [f"- {note}" for note in section.notes]
            lines.append("")
        for entry in shown:
            if gone := tracked.done_before(entry, shown_last):
                lines += [gone, ""]  # also ends the list, so numbers read as printed
            lines += item_lines(entry.item, entry.number, tracked.words(entry))
            lines.append("")
            shown_last = entry.number
    if done := tracked.done():
        lines += ["## Done", ""]
        for entry in done:
            lines.append(f"- [x] {entry.number}. {md(entry.item.title)}. {tracked.words(entry)}.")
        lines.append("")
    if note := plan.log_note():
        lines += ["## Incident log", "", note, ""]
    if plan.facts:
        lines += ["## What they may know", ""]
        if plan.facts_shown:
            for fact in plan.facts:
                note = f" ({md(fact.note)})" if fact.note else ""
                lines.append(f"- {md(fact.kind)}{note}: {md(fact.value)}")
        else:
            lines.append(hidden_facts(plan))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n\n" + help_markdown(plan.region, plan.emergency)
