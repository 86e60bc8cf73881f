"""Whole plans, rendered from files as a worker would give them, read for what a person
would trip over: a missing stage, a step that promises quiet but changes something, a
safety note repeated under every item, a step that points at something that never
happened or is not there, bullets for names, the word the plan must never say."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import Contact, Inventory, TwoFactor, load_inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.audit.findings import audit_findings
from hygiene.audit.run import run_audit
from hygiene.breach.builtin import BuiltinSource
from hygiene.content import examples_dir
from hygiene.exports.interface import Entry
from hygiene.exports.registry import Export
from hygiene.findings import Severity, registry
from hygiene.helplines import load_region
from hygiene.plan import build_plan, to_markdown
from hygiene.plan.accounts import EVIDENCE_KIND, MAIL_KINDS
from hygiene.plan.files import document_from_files
from hygiene.plan.refs import references
from hygiene.plan.saved import plan_of
from hygiene.render import html_text as escape
from hygiene.render import markdown_text as md
from hygiene.secret import Secret
from hygiene.session.passwords import TypedInMeeting

EXAMPLES = examples_dir()
SCENARIO = Path(__file__).parent / "fixtures" / "plan" / "scenario.toml"
STAGES = ["Safe to do now", "When you are ready", "After you have left, or when it is safe"]

CASES = {
    "examples": [
        "--facts",
        str(EXAMPLES / "facts.toml"),
        "--accounts",
        str(EXAMPLES / "accounts.toml"),
        "--export",
        str(EXAMPLES / "chrome-passwords.csv"),
        "--signs",
        "1",
    ],
    "scenario": ["--accounts", str(SCENARIO)],
    "scenario_and_facts": ["--accounts", str(SCENARIO), "--facts", str(EXAMPLES / "facts.toml")],
}


@pytest.fixture(params=sorted(CASES))
def rendered(
    request: pytest.FixtureRequest, cli: Callable[..., Result], tmp_path: Path
) -> tuple[list[str], str, str, dict[str, object]]:
    args = CASES[request.param]
    page = tmp_path / "plan.html"
    markdown = cli("plan", *args).stdout
    cli("plan", *args, "--html", str(page))
    data = json.loads(cli("plan", *args, "--json").stdout)
    return args, markdown, page.read_text(), data


def test_every_plan_is_in_stages_in_the_order_to_act(rendered) -> None:
    _, markdown, html, data = rendered
    headings = re.findall(r"^## (.*)$", markdown, re.MULTILINE)
    present = [h for h in headings if h in STAGES]
    assert present == [s for s in STAGES if s in present] and "When you are ready" in present
    assert [s["title"] for s in data["sections"]] == present
    for title in present:
        assert f"<h2>{title}</h2>" in html.replace("&#x27;", "'")


def test_nothing_safe_to_do_now_changes_anything_they_could_notice(rendered) -> None:
    _, _, _, data = rendered
    for section in data["sections"]:
        if section["stage"] != "now":
            continue
        for item in section["items"]:
            for finding in item["findings"]:
                kind = registry().kind(finding["id"])
                assert not kind.changes_something and not kind.can_alert, finding["id"]
            for step in item["steps"]:
                assert "sign out of" not in step["text"].lower(), "looking is not signing out"


def _items(data: dict[str, object]) -> list[dict[str, object]]:
    return [item for section in data["sections"] for item in section["items"]]  # type: ignore[attr-defined]


def test_each_problem_is_one_item_however_many_checks_found_it(rendered) -> None:
    args, _, _, data = rendered
    items = _items(data)
    assert [item["number"] for item in items] == list(range(1, len(items) + 1))
    keys = [item["key"] for item in items]
    assert len(set(keys)) == len(keys), "a key names one item"
    titles = [item["title"] for item in items]
    assert len(set(titles)) == len(titles), "no item says what another says"
    inventory = load_inventory(Path(args[args.index("--accounts") + 1]))
    subjects = [item["subject"] for item in items]
    for account in inventory.accounts:
        # An account's password, sessions and answers are one item, said once.
        assert subjects.count(account.label) <= 1, account.label
    # A number, address or device they hold or share is one item, naming every account it
    # opens, however many routes (reset, sign-in codes, through another account) it has.
    names = references(_values(inventory))
    for contact in inventory.contacts:
        if contact.controlled_by == "self" or inventory.account_by_login(contact.value):
            continue
        about = [item for item in items if item["subject"] == names[contact.value.strip()]]
        assert len(about) == 1, names[contact.value.strip()]


def _values(inventory: Inventory) -> list[str]:
    values = [c.value for c in inventory.contacts]
    for account in inventory.accounts:
        values += [account.login or "", *account.recovery_emails, *account.recovery_phones]
        values += [f.target or "" for f in account.two_factor]
    return [v for v in values if v]


def test_each_shared_safety_note_is_said_once_above_its_items(rendered) -> None:
    _, markdown, html, data = rendered
    text = json.dumps(data, ensure_ascii=False)
    for note in registry().safety.values():
        assert markdown.replace("\n   ", " ").count(note[:60]) <= 1
        assert text.count(note) <= 1
        assert html.count(note[:60]) <= 1
    notes = [n for s in data["sections"] for n in s["notes"]]
    assert notes, "the stage of changes opens with how to make them safely"


def test_names_read_as_names_and_never_as_the_blamed_word(rendered) -> None:
    _, markdown, html, data = rendered
    for text in (markdown, html, json.dumps(data, ensure_ascii=False)):
        assert "•••" not in text
        assert "abuser" not in text.lower()
        assert "07700 900777" not in text and "sam.other@example.net" not in text


def test_no_step_points_at_what_did_not_happen_or_is_not_there(rendered) -> None:
    args, markdown, _, _ = rendered
    if "--export" not in args:
        assert "audit" not in markdown.lower(), "no audit ran, so no step may mention one"
    # Where an item stands is the plan's choice (stage, topic, urgency), so an item that
    # says where another one is would be wrong as soon as the order changes.
    flat = re.sub(r"\s+", " ", markdown).lower()
    for pointer in ("see below", "see above", "the next item", "the item above"):
        assert pointer not in flat


def test_a_device_they_hold_and_a_carrier_account_are_in_the_plan(cli) -> None:
    data = json.loads(cli("plan", "--accounts", str(SCENARIO), "--json").stdout)
    text = json.dumps(data, ensure_ascii=False)
    assert "the old iPad" in text
    subjects = {item["subject"] for item in _items(data)}
    assert "Phone contract" in subjects


def test_passwords_typed_in_a_meeting_never_send_the_person_to_an_audit() -> None:
    typed = [
        Entry(
            title="Gmail", username="", urls=(), password=Secret("quartz-lantern-river-94"), row=1
        ),
    ]
    report = run_audit(Export(TypedInMeeting(), iter(typed)), BuiltinSource(), None)
    findings = audit_findings(report)
    assert any(f.id == "password_breach_unknown" for f in findings), "unknown stays unknown"
    assert "audit" not in to_markdown(build_plan(findings, load_region("uk"))).lower()


def test_severity_follows_the_graph() -> None:
    inventory = load_inventory(SCENARIO)
    found = check_inventory(inventory, shipped_catalogue()).findings
    passwords = {f.subject: f for f in found if f.id == "password_known_to_them"}
    # They know it, and its codes go to the number they share: nothing stands in the way.
    assert passwords["Gmail"].severity is Severity.URGENT
    assert "07700 900777" in passwords["Gmail"].why
    # They may know it, and its codes go to a device they hold.
    assert passwords["iCloud"].severity is Severity.HIGH
    assert "the old iPad" in passwords["iCloud"].why
    # Once the codes go somewhere only she holds, the second step stands in the way again.
    gmail = inventory.account("gmail")
    assert gmail is not None
    gmail.two_factor = [TwoFactor(kind="app", target="my own phone")]
    inventory.contacts.append(Contact(value="my own phone", controlled_by="self"))
    guarded = next(
        f
        for f in check_inventory(inventory, shipped_catalogue()).findings
        if f.id == "password_known_to_them" and f.subject == "Gmail"
    )
    assert guarded.severity is Severity.MEDIUM
    # In the plan, Gmail's item is urgent and says where the codes go.
    plan = plan_of(document_from_files("s", accounts=SCENARIO))
    (item,) = [i for i in plan.items if i.subject == "Gmail"]
    assert item.severity is Severity.URGENT
    assert any("sign-in codes go to" in line for line in (item.title, item.why, *item.also))


def _changes(item: dict[str, Any], label: str) -> bool:
    """Whether acting on ``item`` changes the account called ``label``."""
    if item["subject"] == label:
        return True
    return any(
        f["subject"] == label and registry().kind(f["id"]).changes_something
        for f in item["findings"]
    )


def _in_order(text: str, marks: list[str]) -> bool:
    flat = " ".join(text.split())
    places = [flat.find(" ".join(mark.split())) for mark in marks]
    return -1 not in places and places == sorted(places)


def test_evidence_comes_before_anything_that_changes_an_account(rendered) -> None:
    args, markdown, html, data = rendered
    inventory = load_inventory(Path(args[args.index("--accounts") + 1]))
    items = _items(data)
    ids = [item["id"] for item in items]
    keep = ids.index("keep_evidence")
    evidence = items[keep]
    for account in inventory.accounts:
        assert account.label in evidence["steps"][0]["text"], "every account's evidence"
        changing = [n for n, item in enumerate(items) if _changes(item, account.label)]
        assert changing and keep < min(changing), account.label
    # Mail forwarded to them would copy any notice: where it goes is looked at first.
    assert ids.index("check_mail_first") < keep
    for section in data["sections"]:
        for n, item in enumerate(section["items"]):
            if item["id"] == "download_sends_notice":
                assert (section["stage"], n) == ("ready", 0), "a download sends a notice"
                assert all(check["alert"] for check in item["checks"])
    marks = [f"{item['number']}. [ ] **{md(item['title'])}" for item in items]
    assert _in_order(markdown, marks), "the terminal and Markdown keep the order"
    marks = [f"<strong>{item['number']}. {escape(item['title'])}</strong>" for item in items]
    assert _in_order(html, marks)


def test_each_reviewed_account_brings_its_catalogue_checks_and_notes(rendered) -> None:
    args, markdown, html, data = rendered
    inventory = load_inventory(Path(args[args.index("--accounts") + 1]))
    items = {item["key"]: item for item in _items(data)}
    catalogue = shipped_catalogue()
    noted = 0
    for account in inventory.accounts:
        checklist = catalogue.checklist(account.provider, account.category)
        item = items[f"account:{account.id}"]
        for page in checklist.provider.to_look_at_too:
            key = "check_mail_first" if page.kind in MAIL_KINDS else f"account:{account.id}"
            if page.kind == EVIDENCE_KIND:
                quiet = page.can_alert_abuser == "no"
                key = "keep_evidence" if quiet else "download_sends_notice"
            (check,) = [c for c in items[key]["checks"] if c["title"] == page.title]
            assert check["why"] == page.why and page.where in check["where"]
            assert ("not confirmed" in check["where"]) == page.unconfirmed
            assert check["alert"] == (page.alert_note if page.can_alert_abuser != "no" else None)
            for text in (" ".join(markdown.split()), html):
                assert (md(page.title) in text) or (escape(page.title) in text)
        if account.note:
            noted += 1
            assert item["notes"] == [account.note]
            assert md(account.note) in " ".join(markdown.split()) and escape(account.note) in html
    assert noted, "the fixtures hold a note the worker typed"


def test_a_note_from_a_file_carries_nothing_live(cli, tmp_path: Path) -> None:
    planted = "PC ![x](http://127.0.0.1:9/x.png) <img src=x> \x1b[2J end"
    accounts = tmp_path / "accounts.toml"
    accounts.write_text(
        '[[account]]\nlabel = "Mail"\nprovider = "google"\ncategory = "email"\n'
        f"note = {json.dumps(planted)}\n",
        encoding="utf-8",
    )
    markdown = cli("plan", "--accounts", str(accounts)).stdout
    page = tmp_path / "plan.html"
    cli("plan", "--accounts", str(accounts), "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "\x1b" not in markdown and "\\x1b" in markdown, "shown, never sent"
    assert re.search(r"(?<!\\)(!\[|<img)", markdown) is None, "no live image or HTML"
    assert "<img" not in html and "&lt;img src=x&gt;" in html


def test_an_account_with_nothing_found_still_brings_what_to_look_at(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.toml"
    accounts.write_text(
        '[[account]]\nlabel = "Facebook"\nprovider = "facebook"\ncategory = "social"\n'
        'password_known_to_them = "no"\nunknown_sessions = "no"\ntwo_factor = ["key"]\n',
        encoding="utf-8",
    )
    plan = plan_of(document_from_files("s", accounts=accounts))
    ids = [item.id for item in plan.items]
    assert "account_to_check" in ids and "keep_evidence" in ids
    (item,) = [i for i in plan.items if i.key == "account:facebook"]
    assert item.stage == "ready" and item.checks, "its page's checks, when ready"
    # No mailbox was looked at first, so the download says which mail to look at itself.
    assert "check_mail_first" not in ids
    (download,) = [i for i in plan.items if i.id == "download_sends_notice"]
    assert "after you have looked at where the mail goes" not in download.steps[0].text
    assert "not forwarded" in download.steps[0].text
