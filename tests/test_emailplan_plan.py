"""The email plan core: placement, recovery findings, and a move order that avoids lockouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.accounts.inventory import load_inventory
from hygiene.emailplan.address import check_address, fold
from hygiene.emailplan.compartments import load_compartments
from hygiene.emailplan.known import known_from_facts, known_from_inventory
from hygiene.emailplan.plan import build_plan, parse_assignments
from hygiene.emailplan.routes import mask
from hygiene.emailplan.steps import Phase
from hygiene.errors import InputError
from hygiene.facts.load import load_facts
from hygiene.findings import Severity, Topic

FIXTURES = Path(__file__).parent / "fixtures" / "emailplan"
INVENTORY = load_inventory(FIXTURES / "accounts.toml")
FACTS = load_facts(FIXTURES / "facts.toml")
CATALOGUE = load_compartments()


def _plan(**kwargs):
    return build_plan(INVENTORY, CATALOGUE, **kwargs)


def test_accounts_are_placed_by_category():
    plan = _plan()
    placed = {
        part.compartment.id: [p.account.id for p in part.accounts] for part in plan.compartments
    }
    assert placed == {
        "trusted": ["mail", "photos"],
        "social": [],
        "registrations": ["forum"],
        "financial": ["bank"],
    }


def test_a_person_can_move_an_account_and_recovery_then_stays_inside():
    assignments = parse_assignments(["forum=trusted"], INVENTORY, CATALOGUE, "--assign")
    plan = _plan(assignments=assignments)
    trusted = next(p for p in plan.compartments if p.compartment.id == "trusted")
    forum = next(p for p in trusted.accounts if p.account.id == "forum")
    assert not forum.suggested
    crossing = [f.subject for f in plan.findings if f.id == "compartment_recovery_crosses"]
    # The forum now recovers through an address in its own compartment; the bank still crosses.
    assert crossing == ["Bank"]


def test_bad_assignments_are_all_reported():
    with pytest.raises(InputError) as caught:
        parse_assignments(["nope=trusted", "bank=vault"], INVENTORY, CATALOGUE, "--assign")
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].startswith("--assign: no account 'nope'")
    assert messages[1].startswith("--assign: no compartment 'vault'")


def test_recovery_through_what_others_control_is_a_finding():
    findings = _plan().findings
    assert {f.topic for f in findings} == {Topic.COMPARTMENTS}
    not_yours = [(f.subject, f.severity) for f in findings if f.id == "compartment_route_not_yours"]
    assert ("Photos", Severity.HIGH) in not_yours  # their address, and a shared tablet
    assert ("Home mail", Severity.HIGH) in not_yours  # a number on a shared plan
    assert all(subject != "Bank" for subject, _ in not_yours)  # the bank's phone is hers
    crossing = [f for f in findings if f.id == "compartment_recovery_crosses"]
    assert {f.subject for f in crossing} == {"Bank", "Knitting forum"}
    assert all(f.safety for f in findings if f.id == "compartment_route_not_yours")


def test_the_move_adds_before_it_removes():
    steps = _plan().steps
    phases = [step.phase for step in steps]
    # Phases never go backwards: prepare, create, move, remove, after.
    assert phases == sorted(phases, key=list(Phase).index)
    assert phases[0] == Phase.PREPARE and phases[-1] == Phase.AFTER
    for account in ("bank", "photos", "forum"):
        mine = [s for s in steps if s.account == account]
        assert mine[0].phase == Phase.MOVE and mine[-1].phase == Phase.REMOVE
    text = " ".join(step.text for step in steps)
    assert "keep evidence" in text
    assert "safer device" in text
    assert "Keep your old addresses running" in text


def test_only_what_the_person_does_not_hold_alone_is_removed():
    steps = {s.account: s.text for s in _plan().steps if s.phase == Phase.REMOVE}
    assert "family tablet" in steps["photos"] and "o…@example.org" in steps["photos"]
    assert "789" not in steps["bank"]  # her own number stays as the recovery phone
    assert "forum" in steps  # its old address goes, though its second factor (a key) stays
    assert "mail" not in steps  # the old mailbox keeps running for evidence


def test_contacts_are_masked_in_the_plan():
    data = str(_plan().to_dict())
    for value in ("sam.rowan@example.com", "07700 900456", "900456", "old.box"):
        assert value not in data.lower()
    assert mask("07700 900456") == "the number ending 456"
    assert mask("Sam.Rowan@Example.com") == "s…@example.com"


def test_a_proposal_that_reveals_a_fact_is_named_by_label_and_never_printed():
    known = known_from_facts(FACTS) + known_from_inventory(INVENTORY)
    proposal = check_address("biscuit.whitby@proton.me", known)
    plan = _plan(proposals={"financial": proposal})
    financial = next(p for p in plan.compartments if p.compartment.id == "financial")
    assert "your dog's name" in financial.address_advice[0]
    assert "a place they know" in financial.address_advice[0]
    finding = next(f for f in plan.findings if f.id == "compartment_address_reveals_facts")
    assert finding.severity == Severity.HIGH
    text = str(plan.to_dict()).lower()
    assert "biscuit" not in text and "whitby" not in text


def test_a_clean_proposal_is_said_to_be_clean():
    known = known_from_facts(FACTS)
    plan = _plan(proposals={"social": check_address("quiet.harbour.4417@proton.me", known)})
    social = next(p for p in plan.compartments if p.compartment.id == "social")
    assert social.address_advice[0] == (
        "The address you picked contains nothing we know the other person knows."
    )
    assert not any(f.id == "compartment_address_reveals_facts" for f in plan.findings)


def test_old_usernames_from_the_inventory_are_known():
    check = check_address("samknits.again@proton.me", known_from_inventory(INVENTORY))
    assert [r.label for r in check.reveals] == ["an address or username you have used"]


KNOWN = known_from_facts(FACTS)
_fragment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=6)


@given(index=st.integers(0, len(KNOWN) - 1), before=_fragment, after=_fragment)
def test_an_address_built_from_any_fact_token_is_flagged(index, before, after):
    known = KNOWN[index]
    token = fold(known.value)
    whole = not known.loose or len(token) < 3
    joined = f"{before}.{token}.{after}" if whole else f"{before}{token}{after}"
    address = joined.strip(".").replace("..", ".") + "@example.org"
    check = check_address(address, KNOWN)
    assert check.is_address, address
    assert check.reveals, address


def test_an_address_belongs_to_its_mailbox_not_to_an_account_that_signs_in_with_it(
    tmp_path: Path,
):
    path = tmp_path / "accounts.toml"
    path.write_text(
        '[[account]]\nid = "social"\nlabel = "Chat app"\nlogin = "kit@example.com"\n'
        'category = "social"\n\n'
        '[[account]]\nid = "shop"\nlabel = "Shop"\nlogin = "shopper"\ncategory = "shopping"\n'
        'recovery_emails = ["kit@example.com"]\n\n'
        '[[account]]\nid = "mailbox"\nlabel = "Mailbox"\nlogin = "kit@example.com"\n'
        'category = "email"\n'
    )
    plan = build_plan(load_inventory(path), CATALOGUE)
    (crossing,) = [f for f in plan.findings if f.id == "compartment_recovery_crosses"]
    assert "(Mailbox), which belongs with most trusted friends and family" in crossing.why


@given(st.lists(st.text(max_size=30), max_size=5))
def test_assignments_parse_or_fail_with_one_problem_each(items):
    try:
        chosen = parse_assignments(items, INVENTORY, CATALOGUE, "--assign")
    except InputError as exc:
        assert 1 <= len(exc.problems) <= len(items)
        assert all(p.where == "--assign" for p in exc.problems)
    else:
        assert set(chosen) <= {a.id for a in INVENTORY.accounts}
        assert set(chosen.values()) <= set(CATALOGUE.ids)


def test_an_assignment_without_equals_says_how_to_write_it():
    with pytest.raises(InputError, match="write ACCOUNT=COMPARTMENT, not 'forum'"):
        parse_assignments(["forum"], INVENTORY, CATALOGUE, "--assign")


def test_a_number_from_another_part_of_life_is_never_moved_to_a_new_address(tmp_path: Path):
    path = tmp_path / "accounts.toml"
    path.write_text(
        '[[account]]\nid = "carrier"\nlabel = "Phone contract"\nlogin = "07700 900777"\n'
        'category = "phone"\n\n'
        '[[account]]\nid = "mail"\nlabel = "Mail"\nlogin = "kit@example.com"\n'
        'category = "email"\nrecovery_phones = ["07700 900777"]\n'
        'two_factor = ["sms:07700 900777"]\n'
    )
    plan = build_plan(load_inventory(path), CATALOGUE, assignments={"carrier": "financial"})
    crossing = [f for f in plan.findings if f.id == "compartment_recovery_crosses"]
    said = " ".join(f.why for f in crossing)
    assert "Its recovery phone is" in said and "Its sign-in codes go to" in said
    for finding in crossing:
        assert "a number from another part of life" in finding.title
        assert "new address" not in finding.fix and "that address" not in finding.why
        assert "Phone contract" in finding.fix
