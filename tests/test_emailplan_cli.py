"""``hygiene email-plan`` and ``check-address`` as a person uses them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import assert_no_leak

FIXTURES = Path(__file__).parent / "fixtures" / "emailplan"
ACCOUNTS = str(FIXTURES / "accounts.toml")
FACTS = str(FIXTURES / "facts.toml")
# Fact values (folded) that must never appear in a plan.
FACT_VALUES = ("biscuit", "whitby", "rowan", "elm road", "900456", "leeds united", "1990")


def _no_facts_in(text: str) -> None:
    lowered = text.lower()
    for value in FACT_VALUES:
        assert value not in lowered, value


def test_plan_from_files_as_json(cli):
    result = cli("email-plan", "--accounts", ACCOUNTS, "--facts", FACTS, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["name"] for c in data["compartments"]] == [
        "Most trusted friends and family",
        "Social networks and other friends",
        "Online registrations",
        "Financial accounts",
    ]
    assert [a["id"] for a in data["compartments"][3]["accounts"]] == ["bank"]
    assert all(c["address_advice"] for c in data["compartments"])
    assert [s["number"] for s in data["steps"]] == list(range(1, len(data["steps"]) + 1))
    assert data["steps"][0]["phase"] == "prepare"
    assert {f["topic"] for f in data["findings"]} == {"compartments"}
    assert data["helplines"]["helplines"][0]["number"] == "999"
    _no_facts_in(result.stdout)


def test_plan_as_markdown_ends_with_help(cli):
    result = cli("email-plan", "--accounts", ACCOUNTS, "--markdown")
    assert result.exit_code == 1
    text = result.stdout
    assert text.startswith("# Your email plan")
    assert "## What to do, in this order" in text
    assert "1. [ ] Before you change anything, keep evidence" in text
    assert text.index("## What needs fixing") < text.index("## Where to get help")
    assert "National Domestic Abuse Helpline (England): 0808 2000 247" in text


def test_plan_as_text_with_an_account_moved(cli):
    result = cli("email-plan", "--accounts", ACCOUNTS, "--assign", "forum=social")
    assert result.exit_code == 1
    assert "Accounts: Knitting forum (your choice)" in result.stdout
    assert "What needs fixing" in result.stdout
    assert "1. Emergency services: 999" in result.stdout


def test_every_problem_in_both_files_is_listed_with_its_place(cli):
    result = cli(
        "email-plan",
        "--accounts",
        str(FIXTURES / "broken-accounts.toml"),
        "--facts",
        str(FIXTURES / "broken-facts.toml"),
    )
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    assert any("broken-accounts.toml, line 3 (account[1].category" in e for e in errors)
    assert any("broken-facts.toml, line 2 (dates[1])" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_unknown_assignment_is_bad_input(cli):
    result = cli("email-plan", "--accounts", ACCOUNTS, "--assign", "forum=attic")
    assert result.exit_code == 2
    assert "no compartment 'attic'" in result.stderr


def test_interactive_walkthrough_without_files(cli):
    answers = [
        "Bank",
        "2",  # money
        "Chess club",
        "8",  # something else
        "",  # done
        "",  # Bank: the suggested financial address
        "2",  # Chess club: social instead of registrations
        "y",  # addresses to check
        "biscuit90@proton.me",  # trusted: gives away the dog and the year
        "",  # keep it (the plan will say to choose another)
        "",  # social: skip
        "",  # registrations: skip
        "not-an-address",  # financial: not an address
        "quiet.harbour.4417@proton.me",
        "y",  # show passphrases
    ]
    result = cli("email-plan", "--facts", FACTS, "--json", input="\n".join(answers) + "\n")
    assert result.exit_code == 1, result.stderr
    # The explanation goes to the person who proposed it...
    assert "'biscuit' is your dog's name" in result.stderr
    assert "This is not an email address" in result.stderr
    # ...but the plan itself never shows the address or the facts in it.
    data = json.loads(result.stdout)
    _no_facts_in(result.stdout)
    social = data["compartments"][1]
    assert social["accounts"] == [
        {"id": "chess_club", "label": "Chess club", "category": "other", "suggested": False}
    ]
    trusted_advice = data["compartments"][0]["address_advice"][0]
    assert trusted_advice.startswith("The address you picked contains")
    assert "choose another" in trusted_advice
    assert data["compartments"][3]["address_advice"][0].endswith(
        "nothing we know the other person knows."
    )
    assert "compartment_address_reveals_facts" in {f["id"] for f in data["findings"]}
    # One passphrase per address, on screen only: never in the plan.
    names = "|".join(c["name"] for c in data["compartments"])
    shown = re.findall(rf"(?:{names}): ([a-z-]+)$", result.stderr, flags=re.M)
    assert len(shown) == 4 and len(set(shown)) == 4
    for passphrase in shown:
        assert len(passphrase.split("-")) >= 5  # a few list words hold a hyphen (t-shirt)
        assert_no_leak(passphrase, result.stdout)


def test_review_asks_with_an_inventory_and_q_leaves(cli):
    result = cli("email-plan", "--accounts", ACCOUNTS, "--review", input="q\n")
    assert result.exit_code == 130
    assert "Home mail: which address should it use?" in result.stdout


def test_check_address_names_facts_by_label(cli):
    result = cli("email-plan", "check-address", "Biscuit.Whitby@proton.me", "--facts", FACTS)
    assert result.exit_code == 1
    assert "'Biscuit' is your dog's name, so the other person could recognise it." in result.stdout
    assert "'Whitby' is a place they know, so the other person could recognise it." in result.stdout


def test_check_address_clean(cli):
    result = cli(
        "email-plan", "check-address", "quiet.harbour.4417@proton.me", "--facts", FACTS, "--json"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["reveals_nothing"] is True and data["reveals"] == []


def test_check_address_old_username_from_the_inventory(cli):
    result = cli("email-plan", "check-address", "samknits@proton.me", "--accounts", ACCOUNTS)
    assert result.exit_code == 1
    assert "an address or username you have used" in result.stdout


def test_check_address_without_facts_is_unknown_not_clean(cli):
    result = cli("email-plan", "check-address", "quiet.harbour@proton.me")
    assert result.exit_code == 3
    assert "only the shape of the address was checked" in result.stdout


def test_not_an_address_says_so(cli):
    result = cli("email-plan", "check-address", "sam at home", "--facts", FACTS)
    assert result.exit_code == 2
    assert "ADDRESS: not an email address: it contains spaces" in result.stderr


def test_markdown_plan_and_logs_hold_no_fact_nor_proposal(cli, all_logs):
    answers = ["", "", "", "", "y", "biscuit.whitby@proton.me", "", "", "", "", "n"]
    result = cli(
        "email-plan",
        "--accounts",
        ACCOUNTS,
        "--facts",
        FACTS,
        "--review",
        "--markdown",
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 1, result.stderr
    assert "The address you picked contains" in result.stdout
    _no_facts_in(result.stdout)
    assert "proton.me" not in result.stdout
    _no_facts_in(all_logs.text)


def test_check_address_never_shows_part_of_an_old_password(cli):
    for as_json in ([], ["--json"]):
        result = cli(
            "email-plan", "check-address", "zz.Biscuit1990@proton.me", "--facts", FACTS, *as_json
        )
        assert result.exit_code == 1
        assert "old password" in result.stdout
        assert "1990" not in result.stdout.replace("1990-06-21", "")
        assert "iscuit1" not in result.stdout.lower()


def test_check_address_asks_for_the_address_when_not_given(cli):
    typed = "Biscuit.Whitby@proton.me\n"
    result = cli("email-plan", "check-address", "--facts", FACTS, input=typed)
    assert result.exit_code == 1
    assert "The address you have in mind" in result.stdout
    assert "'Whitby' is a place they know" in result.stdout
