"""A plan with items marked done and for later, in every format: how far, what waits and
why, done items apart at the end, and every number still meaning its item."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from markdown_it import MarkdownIt
from test_plan_marks import FINDINGS

from hygiene.plan import progress, to_data, to_html, to_markdown
from hygiene.plan.model import Plan
from hygiene.plan.saved import plan_of
from hygiene.vault import PlanMark, VaultDocument

TODAY = date.today()
WAITS = "Not yet: it would alert them — not before 15 January 2099"


def plan(marks: dict[int, PlanMark], stale: bool = False) -> Plan:
    """The saved plan of three items, with ``marks`` by the number each item shows."""
    document = VaultDocument(label="Sam").with_findings("accounts", FINDINGS)
    items = plan_of(document).items
    keyed = {items[number - 1].key: mark for number, mark in marks.items()}
    if stale:
        keyed["account:gone"] = progress.done(TODAY)
    return plan_of(document.model_copy(update={"marks": keyed}))


LATER = progress.later(TODAY, None, date(2099, 1, 15), "not_before")
MARKED = {2: progress.done(TODAY), 1: LATER}


def numbers_and_titles(markdown: str) -> list[tuple[int, str]]:
    return [(int(n), t) for n, t in re.findall(r"^(\d+)\. \[ \] \*\*(.+?)\*\*", markdown, re.M)]


def test_markdown_says_how_far_what_waits_and_what_is_done() -> None:
    before = numbers_and_titles(to_markdown(plan({})))
    text = to_markdown(plan(MARKED, stale=True))
    assert text.index("Progress: 1 of 3 done; 1 for later.") < text.index("## Help in an emergency")
    shown = numbers_and_titles(text)
    assert shown == [before[0], before[2]], "open items keep their numbers"
    assert f"1. [ ] **{before[0][1]}**" in text and WAITS in text
    assert text.index(WAITS) < text.index("3. [ ]"), "a waiting item stays in its place"
    assert "Item 2 is done: it is at the end, under Done." in text
    done = text.split("## Done", 1)[1]
    assert f"- [x] 2. {before[1][1]}. Done on " in done
    assert before[1][1] not in text.split("## Done", 1)[0], "done items are kept apart"


def test_rendered_markdown_shows_the_numbers_as_printed() -> None:
    html = MarkdownIt("commonmark").render(to_markdown(plan(MARKED)))
    starts = [int(n) for n in re.findall(r'<ol start="(\d+)">', html)]
    assert 3 in starts, "after a done item the list starts again at the next number"


def test_html_says_the_same() -> None:
    page = to_html(plan(MARKED, stale=True))
    assert "Progress: 1 of 3 done; 1 for later." in page
    assert "Not yet: it would alert them — not before 15 January 2099" in page
    assert '<section id="done">' in page and "Item 2 is done" in page
    assert page.index("<h1>") < page.index("Progress:") < page.index("Help in an emergency")


def test_json_gives_each_item_its_status_reason_and_day() -> None:
    data = to_data(plan(MARKED, stale=True))
    assert data["progress"] == {"done": 1, "later": 1, "total": 3}
    items = {item["number"]: item for s in data["sections"] for item in s["items"]}
    assert sorted(items) == [1, 2, 3], "done items stay in their place in the data"
    assert {k: items[1][k] for k in ("status", "reason", "date", "date_means")} == {
        "status": "later",
        "reason": "it would alert them",
        "date": "2099-01-15",
        "date_means": "not_before",
    }
    assert (items[2]["status"], items[2]["date"], items[2]["date_means"]) == (
        "done",
        TODAY.isoformat(),
        "done_on",
    )
    assert (items[3]["status"], items[3]["reason"], items[3]["date"]) == ("open", None, None)
    assert "account:gone" not in json.dumps(data), "a mark whose item went is never shown"


def test_nothing_marked_shows_no_progress_line() -> None:
    unmarked = plan({})
    assert "Progress:" not in to_markdown(unmarked) + to_html(unmarked)
    assert to_data(unmarked)["progress"] == {"done": 0, "later": 0, "total": 3}


def test_all_done_says_so_and_lists_them() -> None:
    every = plan({n: progress.done(TODAY) for n in (1, 2, 3)})
    text = to_markdown(every)
    assert "Progress: 3 of 3 done." in text
    assert "Every item of this plan is marked done" in text
    assert "[ ]" not in text


@pytest.mark.parametrize(
    "reason", ["![x](http://127.0.0.1:9/x.png)", "<img src=x>", "\x1b]0;owned\x07 alert"]
)
def test_a_reason_someone_typed_is_escaped_in_every_format(reason: str) -> None:
    marked = plan({1: progress.later(TODAY, reason)})
    rendered = MarkdownIt("commonmark", {"html": True}).render(to_markdown(marked))
    assert "<img" not in rendered and "\x1b" not in rendered
    page = to_html(marked)
    assert "<img src=x>" not in page and "\x1b" not in page
