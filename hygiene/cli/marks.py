"""Marking plan items on a saved session: ``hygiene plan NAME --done N``, ``--later N``,
``--undo N``.

The mark is kept in the saved session (encrypted, like everything the person tells us)
and what was marked is said back in the plan's own words, so a wrong number shows at
once. Why an item waits is asked, when it was not given and someone is at the terminal;
the first reason offered is that it would alert them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from datetime import date

from hygiene.cli import console
from hygiene.errors import InputError
from hygiene.plan import progress
from hygiene.plan.progress import DayMeans, Numbered
from hygiene.prompts import Prompter
from hygiene.render import visible
from hygiene.vault import PlanMark, Vault

OTHER_REASON = "Something else (you type it)"
DAY_CHOICES: list[tuple[str, DayMeans | None]] = [
    ("No day", None),
    ("Not before a day", "not_before"),
    ("By a day", "by"),
]


@dataclass(frozen=True)
class Request:
    """What to do to one item: ``action`` is "done", "later" or "undo"."""

    action: str
    ref: str
    reason: str | None = None
    not_before: str | None = None
    by: str | None = None


def request_of(
    done: str | None,
    later: str | None,
    undo: str | None,
    reason: str | None,
    not_before: str | None,
    by: str | None,
) -> Request | None:
    """The one mark the options ask for, if any; options that do not go together refused."""
    given = [(action, ref) for action, ref in (("done", done), ("later", later), ("undo", undo))]
    given = [(action, ref) for action, ref in given if ref is not None]
    if len(given) > 1:
        raise InputError("choose one of --done, --later, --undo")
    if (reason, not_before, by) != (None, None, None) and [a for a, _ in given] != ["later"]:
        raise InputError("--reason, --not-before and --by go with --later N")
    if not_before is not None and by is not None:
        raise InputError("give --not-before DAY or --by DAY, not both")
    if not given:
        return None
    action, ref = given[0]
    assert ref is not None
    return Request(action, ref, reason, not_before, by)


def apply(vault: Vault, name: str, request: Request) -> None:
    """Mark the item of the session ``name``, keep the mark with it, say what was marked."""
    from hygiene.cli.prompter import TerminalPrompter
    from hygiene.plan.saved import plan_of

    document = vault.load(name)
    today = date.today()
    plan = plan_of(document)
    entry = progress.tracked(plan, today).find(request.ref)
    marks = dict(document.marks)
    if request.action == "done":
        marks[entry.item.key] = progress.done(today)
        said = "Marked done"
    elif request.action == "later":
        asking = TerminalPrompter() if request.reason is None and sys.stdin.isatty() else None
        marks[entry.item.key] = _later(request, today, asking)
        said = "Marked for later"
    else:
        if entry.mark is None:
            raise InputError(
                f"Item {entry.number} is not marked done or for later: there is nothing to undo."
            )
        del marks[entry.item.key]
        said = "To do again"
    vault.save(document.model_copy(update={"marks": marks}))
    console.echo(f"{said}: {_words(entry)}")
    if request.action == "later":
        console.echo(visible(progress.status_words(marks[entry.item.key], today)))
    headline = progress.tracked(replace(plan, marks=marks), today).tally().headline()
    if headline:
        console.echo(f"Now {headline}.")


def _words(entry: Numbered) -> str:
    return f"{entry.number}. {visible(entry.item.title)}"


def _later(request: Request, today: date, ask: Prompter | None) -> PlanMark:
    reason = request.reason
    means: DayMeans = "not_before" if request.not_before is not None else "by"
    given = request.not_before if request.not_before is not None else request.by
    day = progress.day_ahead(given, today) if given is not None else None
    if ask is not None:
        reason = _ask_reason(ask)
        if given is None:
            means_asked, day = _ask_day(ask, today)
            means = means_asked or means
    return progress.later(today, reason, day, means)


def _ask_reason(ask: Prompter) -> str:
    options = [reason[0].upper() + reason[1:] for reason in progress.REASONS] + [OTHER_REASON]
    choice = ask.choose("Why does it wait?", options, default=0)
    if choice < len(progress.REASONS):
        return progress.REASONS[choice]
    return ask.ask("Why does it wait? (a few words)") or progress.DEFAULT_REASON


def _ask_day(ask: Prompter, today: date) -> tuple[DayMeans | None, date | None]:
    choice = ask.choose("Is there a day to keep to?", [words for words, _ in DAY_CHOICES], 0)
    means = DAY_CHOICES[choice][1]
    if means is None:
        return None, None
    while True:
        try:
            return means, progress.day_ahead(ask.ask("Which day? (for example 15/01/2027)"), today)
        except InputError as exc:
            ask.say(str(exc))
