"""The plan in stages: what is safe now, what waits until the person is ready, what waits
until it is safe; each stage says its shared safety notes once, each item only its own."""

from __future__ import annotations

from findings_support import of_kind
from hypothesis import given
from hypothesis import strategies as st

from hygiene.findings import Finding, Severity, registry
from hygiene.helplines import load_region
from hygiene.plan import build_plan, to_data, to_html, to_markdown
from hygiene.plan.model import WATCHED_NOTE
from hygiene.session.safety import DEVICE_FINDING

UK = load_region("uk")


kinds = st.sampled_from(registry().finding)


@given(
    st.lists(
        st.tuples(kinds, st.data(), st.sampled_from([None, "Mail tells the old address."])),
        min_size=1,
        max_size=8,
    )
)
def test_every_kind_lands_in_a_stage_its_flags_allow_and_notes_are_said_once(picks) -> None:
    findings = [
        of_kind(kind, data.draw(st.sampled_from(kind.severities)), alert, label=f"pick {n}")
        for n, (kind, data, alert) in enumerate(picks)
    ]
    plan = build_plan(findings, UK)
    placed = {i.title: s.stage for s in plan.sections for i in s.items}
    assert len(placed) == len({f.title for f in findings}), "every finding is in the plan"
    for (kind, _, _), finding in zip(picks, findings, strict=True):
        stage = placed[finding.title]
        if kind.changes_something or kind.can_alert:
            assert stage != "now", "'safe to do now' promises nothing they can notice"
        else:
            assert stage == kind.stage
    text = to_markdown(plan)
    for note in registry().safety.values():
        assert text.count(note) <= 1, "a shared note heads its stage, never each item"
    for section in plan.sections:
        for item in section.items:
            for finding in item.findings:
                shared = registry().safety_note(finding.kind)
                if shared and finding.kind.can_alert:
                    assert shared in section.notes
            assert all("On this service" not in note for note in item.safety)
    # What a provider tells them is all an item keeps, and no item loses it.
    noted = {i.title for s in plan.sections for i in s.items if i.safety}
    assert all(
        i.safety == ("Mail tells the old address.",)
        for s in plan.sections
        for i in s.items
        if i.safety
    )
    assert noted == {
        finding.title
        for (kind, _, alert), finding in zip(picks, findings, strict=True)
        if alert and registry().safety_note(kind)
    }


def test_a_stage_opens_with_its_notes_and_an_item_keeps_what_its_provider_does() -> None:
    kind = registry().kind("account_reachable_by_them")
    gmail = of_kind(kind, Severity.URGENT, "Google may email the old recovery address.")
    bank = of_kind(kind, Severity.HIGH)
    shared = registry().safety_note(kind)
    assert shared
    plan = build_plan([gmail, bank], UK)
    for text in (to_markdown(plan), to_html(plan)):
        ready = text.split("When you are ready")[1]
        assert text.count(shared) == 1
        assert ready.index(shared) < ready.index("the other person can get in")
        assert "Google may email the old recovery address." in ready
        assert "On this service" not in text
    data = to_data(plan)
    assert data["sections"][0]["notes"] == [shared]
    assert data["sections"][0]["items"][0]["safety"] == [
        "Google may email the old recovery address."
    ]


def test_a_note_of_its_own_stays_with_its_item() -> None:
    own = Finding(
        id="recovery_phone_reachable_by_them",
        severity=Severity.HIGH,
        topic=registry().kind("recovery_phone_reachable_by_them").topic,
        subject="Gmail",
        title="Phone",
        why="w",
        fix="f",
        safety="They get a text when it changes.",
    )
    plan = build_plan([own], UK)
    assert plan.sections[0].notes == ()
    assert plan.sections[0].items[0].safety == ("They get a text when it changes.",)


def test_a_watched_device_is_said_at_the_head_of_every_stage_of_changes() -> None:
    change = of_kind(registry().kind("password_known_to_them"), Severity.HIGH)
    later = of_kind(registry().kind("compartment_needs_own_address"), Severity.MEDIUM)
    looking = of_kind(registry().kind("sessions_not_checked"), Severity.MEDIUM)
    watched = build_plan([DEVICE_FINDING, change, later, looking], UK)
    stages = {s.stage: s for s in watched.sections}
    assert stages["ready"].notes[0] == WATCHED_NOTE
    assert stages["when_safe"].notes[0] == WATCHED_NOTE
    assert WATCHED_NOTE not in stages["now"].notes
    assert DEVICE_FINDING.title in [i.title for i in stages["now"].items]
    calm = build_plan([change, later, looking], UK)
    assert all(WATCHED_NOTE not in s.notes for s in calm.sections)


def test_a_kind_this_version_does_not_know_waits_until_the_person_is_ready() -> None:
    old = Finding(
        id="a_kind_from_a_later_version",
        severity=Severity.LOW,
        topic=registry().kind("password_old").topic,
        subject="s",
        title="t",
        why="w",
        fix="f",
    )
    assert [s.stage for s in build_plan([old], UK).sections] == ["ready"]
