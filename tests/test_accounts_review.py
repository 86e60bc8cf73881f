"""The accounts review, end to end through the prompt seam, and through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripted import ScriptedPrompter

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import load_inventory
from hygiene.accounts.providers import load_catalogue
from hygiene.accounts.review import review
from hygiene.errors import Interrupted

GOOGLE, UK_BANK, SOMETHING_ELSE, FINISHED = "4", "13", "15", "16"

GMAIL = [
    GOOGLE,
    "Personal Gmail",
    "jen.perry@gmail.com",
    "jen.old@yahoo.co.uk",  # recovery emails
    "07700 900123",  # recovery phones
    "1",
    "07700 900123",
    "n",  # a text to that number, nothing else
    "2",  # password: no
    "3",  # sessions: not checked
    "y",
    "a filter forwards to an address I do not know",
    "1",
    "",  # jen.old@yahoo.co.uk: only me
    "2",
    "family plan he pays for",  # 07700 900123: shared
    "1",
    "",  # the Gmail address itself: only me
]
BANK = [
    UK_BANK,
    "Bank",
    "",
    "jen.perry@gmail.com",  # the Gmail account: no question about who controls it
    "call me",
    "07700 900999",  # not a number, asked again
    "5",  # second step: not known
    "3",  # password: maybe
    "2",  # sessions: all mine
    "n",
    "1",
    "",  # 07700 900999: only me
]
SHOP = [
    SOMETHING_ELSE,
    "Tesco Clubcard",
    "4",  # shopping
    "",
    "jen.shop@example.com",
    "",
    "",
    "y",
    "first school",
    "1",
    "n",  # a question they know
    "4",  # no second step
    "2",
    "2",
    "n",
    "4",
    "",  # the login address: not known who controls it
]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_a_review_writes_an_inventory_the_check_reads(tmp_path: Path, catalogue):
    path = tmp_path / "accounts.toml"
    prompter = ScriptedPrompter([*GMAIL, *BANK, *SHOP, FINISHED])
    review(prompter, path, catalogue)
    assert prompter.unused == []
    inv = load_inventory(path)
    assert [a.id for a in inv.accounts] == ["personal_gmail", "bank", "tesco_clubcard"]
    gmail, bank, shop = inv.accounts
    assert gmail.provider == "google" and gmail.category == "email"
    assert [str(f) for f in gmail.two_factor] == ["sms:07700 900123"]
    assert gmail.unknown_sessions == "not_checked"
    assert gmail.note == "a filter forwards to an address I do not know"
    assert bank.recovery_phones == ["07700 900999"] and bank.two_factor == []
    assert bank.password_known_to_them == "maybe"
    assert shop.provider == "tesco clubcard" and shop.category == "shopping"
    assert shop.security_questions[0].they_know == "yes"
    shared = inv.contact("07700900123")
    assert shared is not None and shared.controlled_by == "shared"
    assert shared.note == "family plan he pays for"
    # The Gmail address is an account: the bank review never asked who controls it.
    assert [c.value for c in inv.contacts].count("jen.perry@gmail.com") == 1

    result = check_inventory(inv)
    assert result.sentences["bank"].startswith(
        "Bank can be reset through Personal Gmail (jen.perry@gmail.com), which can be reset "
        "through 07700 900123"
    )
    text = "\n".join(prompter.transcript)
    assert "'call me' does not look like a phone number" in text
    assert 'We have no page for "Tesco Clubcard", so this is the general checklist' in text
    assert "[may differ; not confirmed]" in text
    assert "Saved Personal Gmail to" in text


def test_leaving_keeps_every_account_already_saved(tmp_path: Path, catalogue):
    path = tmp_path / "accounts.toml"
    with pytest.raises(Interrupted):
        review(ScriptedPrompter([*GMAIL, UK_BANK, "Bank", "<quit>"]), path, catalogue)
    inv = load_inventory(path)
    assert [a.id for a in inv.accounts] == ["personal_gmail"]
    assert not list(tmp_path.glob(".*.tmp"))
    assert path.stat().st_mode & 0o077 == 0  # only the person can read the list


def test_a_second_review_adds_to_the_file(tmp_path: Path, catalogue):
    path = tmp_path / "accounts.toml"
    review(ScriptedPrompter([*GMAIL, FINISHED]), path, catalogue)
    prompter = ScriptedPrompter([*BANK, FINISHED])
    review(prompter, path, catalogue)
    assert [a.id for a in load_inventory(path).accounts] == ["personal_gmail", "bank"]
    assert "already lists 1 accounts" in "\n".join(prompter.transcript)


def test_the_review_command_asks_in_plain_numbers_and_q_leaves(cli, tmp_path: Path):
    path = tmp_path / "accounts.toml"
    lines = [*GMAIL, UK_BANK, "q"]
    result = cli("accounts", "review", str(path), input="\n".join(lines) + "\n")
    assert result.exit_code == 130
    assert "  4. Google (Gmail)" in result.stdout
    assert [a.id for a in load_inventory(path).accounts] == ["personal_gmail"]


def test_the_review_command_writes_nothing_when_nothing_was_recorded(cli, tmp_path: Path):
    path = tmp_path / "accounts.toml"
    result = cli("accounts", "review", str(path), input=f"{FINISHED}\n")
    assert result.exit_code == 0
    assert "nothing was written" in result.stdout
    assert not path.exists()


def test_a_code_app_on_a_device_asks_who_holds_the_device(tmp_path: Path, catalogue):
    path = tmp_path / "accounts.toml"
    answers = [
        "3",
        "",
        "me@example.com",
        "",
        "",  # Facebook, signs in with an address
        "2",
        "old iPad",
        "n",  # codes come from an app on the old iPad
        "1",
        "2",
        "n",  # password known; sessions all mine; nothing else found
        "2",
        "left at his flat",
        "1",
        "",  # the iPad: shared; the address: only me
        FINISHED,
    ]
    prompter = ScriptedPrompter(answers)
    review(prompter, path, catalogue)
    assert 'Who holds the device "old iPad"?' in prompter.transcript
    inv = load_inventory(path)
    assert [str(f) for f in inv.accounts[0].two_factor] == ["app:old iPad"]
    result = check_inventory(inv)
    assert result.sentences["facebook"] == (
        "Facebook can be signed in to with its password, which they know, and the codes "
        "sent to old iPad, which they share with you (left at his flat)."
    )
