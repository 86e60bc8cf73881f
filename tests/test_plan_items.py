"""One item per owner of a cause: whatever the checks found, a plan says each problem once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hygiene.accounts.providers import shipped_catalogue
from hygiene.demo import demo_plan
from hygiene.findings import (
    ON_SERVICE,
    Finding,
    Severity,
    Topic,
    cause_key,
    cause_owner,
    registry,
)
from hygiene.helplines import load_region
from hygiene.plan import Step, build_plan

UK = load_region("uk")
OWNERS = ["account:gmail", "account:bank", "contact:+447700900456", "device:old-ipad", "reuse:1"]
PARTS = [None, "password", "session", "answer:0", "login"]
KINDS = [k for k in registry().finding if not k.family]


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    kind = draw(st.sampled_from(KINDS))
    owner = draw(st.sampled_from(OWNERS))
    part = draw(st.sampled_from(PARTS)) if owner.startswith("account:") else None
    account = owner.removeprefix("account:") if owner.startswith("account:") else None
    return Finding(
        kind.id,
        draw(st.sampled_from(kind.severities)),
        kind.topic,
        subject=draw(st.sampled_from(["Gmail", "Bank", "the number ending 456", "iPad"])),
        title=draw(st.sampled_from(["Title one", "Title two", "Title three"])),
        why="Why.",
        fix=draw(st.sampled_from(["Fix one.", "Fix two."])),
        account=draw(st.sampled_from([account, None])),
        cause=cause_key(owner, part),
    )


@given(st.lists(findings(), min_size=1, max_size=12))
def test_no_two_items_share_a_subject_and_cause(found: list[Finding]) -> None:
    plan = build_plan(found, UK)
    items = plan.items
    assert sum(len(item.findings) for item in items) == len(found), "each finding once"
    owners = [{cause_owner(f.cause or "") for f in item.findings} for item in items]
    assert all(len(owner) == 1 for owner in owners), "an item is about one owner"
    flat = [next(iter(owner)) for owner in owners]
    assert len(flat) == len(set(flat)), "no owner, so no (subject, cause), in two items"
    assert len({item.key for item in items}) == len(items)
    for item in items:
        assert item.severity == min((f.severity for f in item.findings), key=lambda s: s.rank)
        fixes = [step.text for step in item.steps]
        assert len(fixes) == len(set(fixes)), "a fix is said once"


def test_a_shared_number_is_one_item_said_once() -> None:
    number = cause_key("contact:+447700900456")
    shared = registry().safety_note(registry().kind("account_reachable_by_them"))
    root = Finding(
        "recovery_phone_reachable_by_them",
        Severity.HIGH,
        Topic.RECOVERY,
        subject="the number ending 456",
        title="The other person can use the number ending 456 to reach 2 accounts",
        why="Through it they can reach Gmail (recovery phone) and, through it, Bank.",
        fix="Take the number ending 456 off Gmail.",
        safety=f"{shared} {ON_SERVICE}Google tells the old number.",
        where="Google Account → Personal info",
        cause=number,
    )
    reach = Finding(
        "account_reachable_by_them",
        Severity.URGENT,
        Topic.ACCESS_NOW,
        subject="Bank",
        title="Bank: the other person can get in",
        why="Bank can be reset through Gmail, which can be reset through the number.",
        fix="Replace Gmail as a way to reset Bank, or make Gmail safe first.",
        safety=f"{shared} {ON_SERVICE}The bank writes to the old address.",
        where="Banking app → Settings",
        account="bank",
        cause=number,
    )
    (item,) = build_plan([reach, root], UK).items
    # The finding about the number itself leads; one reached through it adds its urgency,
    # and what its provider may tell them, named by where it comes from.
    assert item.title == root.title and item.subject == "the number ending 456"
    assert item.severity is Severity.URGENT
    assert item.steps == (Step(root.fix, "Google Account → Personal info"),)
    assert item.safety == (
        "the number ending 456: Google tells the old number.",
        "Bank: The bank writes to the old address.",
    )


def test_a_password_step_points_only_at_a_password_page() -> None:
    items = [item for page in shipped_catalogue().providers for item in page.items]
    password_places = {item.where for item in items if item.kind == "password"}
    other_places = {item.where for item in items} - password_places
    password_steps = [
        step
        for section in demo_plan().sections
        for item in section.items
        for step in item.steps
        if "change the password" in step.text
    ]
    assert password_steps
    for step in password_steps:
        assert not any((step.where or "").startswith(place) for place in other_places)
