"""The plan as a person reads it: order, masking, and three formats saying the same."""

from __future__ import annotations

import json
import re

import pytest

from hygiene.findings import Finding, Severity, Topic
from hygiene.helplines import load_region
from hygiene.plan import build_plan, to_data, to_html, to_markdown
from hygiene.plan.model import Plan

FACTS = [("name", "daughter", "Poppy"), ("date", "birthday", "12/04/1990")]


def finding(fid: str, severity: Severity, topic: Topic, **text: str) -> Finding:
    return Finding(
        id=fid,
        severity=severity,
        topic=topic,
        subject=text.get("subject", "Gmail"),
        title=text.get("title", fid.replace("_", " ")),
        why=text.get("why", "Why it matters."),
        fix=text.get("fix", "What to do."),
        safety=text.get("safety"),
    )


FINDINGS = [
    finding("password_weak", Severity.MEDIUM, Topic.PASSWORDS),
    finding("password_insecure_url", Severity.LOW, Topic.GOOD_TO_DO),
    finding(
        "password_guessable",
        Severity.URGENT,
        Topic.PASSWORDS,
        why="It is built from Poppy's name and the date 12/04/1990.",
    ),
    finding(
        "recovery_phone_reachable_by_them",
        Severity.HIGH,
        Topic.RECOVERY,
        safety="They may get a message when it changes. Keep evidence first.",
    ),
    finding(
        "account_shared_with_them", Severity.URGENT, Topic.ACCESS_NOW, subject="Phone <plan> & co"
    ),
    finding("sessions_not_checked", Severity.MEDIUM, Topic.ACCESS_NOW),
]


@pytest.fixture
def plan() -> Plan:
    return build_plan(FINDINGS, load_region("uk"), FACTS, label="Sam")


def test_stages_then_most_urgent_first_then_topics(plan: Plan) -> None:
    assert [s.stage for s in plan.sections] == ["now", "ready", "when_safe"]
    assert [f.id for f in plan.sections[0].items] == ["sessions_not_checked"]
    assert [f.id for f in plan.sections[1].items] == [
        "account_shared_with_them",
        "password_guessable",
        "recovery_phone_reachable_by_them",
        "password_weak",
    ]
    assert [f.id for f in plan.sections[2].items] == ["password_insecure_url"]
    assert plan.action_count == 6


def test_markdown_opens_with_emergency_help_and_ends_with_helplines(plan: Plan) -> None:
    text = to_markdown(plan)
    headings = re.findall(r"^## (.*)$", text, re.MULTILINE)
    assert headings == [
        "Help in an emergency",
        "Safe to do now",
        "When you are ready",
        "After you have left, or when it is safe",
        "What they may know",
        "Where to get help (United Kingdom)",
    ]
    emergency = text.split("## Safe to do now")[0]
    assert "999" in emergency and "keep evidence" in emergency
    assert (
        text.index("1. [ ] **sessions not checked**")
        < text.index("2. [ ] **account shared with them**")
        < text.index("6. [ ] **password insecure url**")
    )
    assert "0808 802 0300" in text.split("## Where to get help")[1]


def test_personal_facts_are_masked_everywhere_unless_asked(plan: Plan) -> None:
    for text in (to_markdown(plan), to_html(plan), json.dumps(to_data(plan), ensure_ascii=False)):
        assert "Poppy" not in text
        assert "12/04/1990" not in text
        assert "Sam" not in text, "a label can be a name: shown only with the facts"
        assert "•••" not in text, "a blank reads as bullets aloud, and two read the same"
        assert "“daughter”" in text  # named by the label the person gave
    shown = build_plan(FINDINGS, load_region("uk"), FACTS, label="Sam", show_facts=True)
    text = to_markdown(shown)
    assert "name (daughter): Poppy" in text
    assert "built from Poppy's name" in text
    assert "For: Sam" in text


def test_json_carries_the_same_plan(plan: Plan) -> None:
    data = json.loads(json.dumps(to_data(plan)))
    assert data["format"] == 2
    assert [s["stage"] for s in data["sections"]] == ["now", "ready", "when_safe"]
    assert data["sections"][1]["items"][0]["id"] == "account_shared_with_them"
    assert data["emergency"][0]["number"] == "999"
    assert data["facts"][0] == {"kind": "name", "note": "daughter", "value": "(hidden)"}
    assert data["label"] is None


def test_html_is_self_contained_printable_and_escaped(plan: Plan) -> None:
    page = to_html(plan)
    assert page.startswith("<!DOCTYPE html>")
    assert "Phone &lt;plan&gt; &amp; co" in page
    for forbidden in ("<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"):
        assert forbidden not in page.lower()
    assert "default-src 'none'" in page
    assert "@media print" in page
    # Meaning never rests on colour alone: severities are words, no colour but black.
    assert '<span class="severity">urgent</span>' in page
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", page))
    assert colours <= {"#000", "#fff"}


def test_an_empty_plan_still_gives_the_emergency_help() -> None:
    empty = build_plan([], load_region("uk"))
    text = to_markdown(empty)
    assert "Nothing has been checked yet" in text and "does not mean" in text
    assert "Nothing to act on" not in text
    assert "999" in text and "National Domestic Abuse Helpline" in text
    assert empty.action_count == 0
