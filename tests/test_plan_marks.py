"""``hygiene plan NAME --done N / --later N / --undo N`` on a saved session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from hygiene.findings import Severity, cause_key, make
from hygiene.plan import progress
from hygiene.plan.saved import plan_of
from hygiene.vault import Vault, VaultDocument

FINDINGS = [
    make(
        "password_known_to_them",
        severity=Severity.HIGH,
        subject=name,
        values={"account": name, "reason": "", "opens": name},
        variant="uncertain",
        account=name.lower(),
        cause=cause_key(f"account:{name.lower()}", "password"),
    )
    for name in ("Gmail", "Bank", "Facebook")
]


@pytest.fixture
def saved(memory_home: Path) -> None:
    Vault.with_keyring().save(VaultDocument(label="Sam").with_findings("accounts", FINDINGS))


def saved_session() -> VaultDocument:
    return Vault.with_keyring().load("Sam")


def item(number: int) -> progress.Numbered:
    return progress.tracked(plan_of(saved_session())).find(str(number))


def title(number: int) -> str:
    return item(number).item.title


def test_done_is_kept_and_said_back_in_the_plans_words(
    cli: Callable[..., Result], saved: None
) -> None:
    second = title(2)
    result = cli("plan", "Sam", "--done", "2")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"Marked done: 2. {second}", "Now 1 of 3 done."]
    mark = saved_session().marks[item(2).item.key]
    assert (mark.status, mark.marked) == ("done", date.today())


def test_numbers_keep_their_item_when_one_is_done(cli: Callable[..., Result], saved: None) -> None:
    before = [title(n) for n in (1, 2, 3)]
    cli("plan", "Sam", "--done", "1")
    assert [title(n) for n in (1, 2, 3)] == before
    result = cli("plan", "Sam", "--done", "3")
    assert f"3. {before[2]}" in result.stdout
    assert "Now 2 of 3 done." in result.stdout


def test_later_keeps_why_and_the_day(cli: Callable[..., Result], saved: None) -> None:
    result = cli(
        "plan",
        "Sam",
        "--later",
        "1",
        "--reason",
        "it would alert them",
        "--not-before",
        "15/01/2099",
    )
    assert result.exit_code == 0
    assert "Not yet: it would alert them — not before 15 January 2099" in result.stdout
    assert "Now 0 of 3 done; 1 for later." in result.stdout
    mark = saved_session().marks[item(1).item.key]
    assert (mark.status, mark.reason, mark.day, mark.day_means) == (
        "later",
        "it would alert them",
        date(2099, 1, 15),
        "not_before",
    )


def test_later_without_a_reason_takes_the_first_one_offered(
    cli: Callable[..., Result], saved: None
) -> None:
    result = cli("plan", "Sam", "--later", "2", "--by", "2099-06-30")
    assert "Not yet: it would alert them — by 30 June 2099" in result.stdout


def test_undo_opens_the_item_again(cli: Callable[..., Result], saved: None) -> None:
    cli("plan", "Sam", "--done", "2")
    result = cli("plan", "Sam", "--undo", "2")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"To do again: 2. {title(2)}")
    assert saved_session().marks == {}


def test_an_item_can_be_named_by_its_key(cli: Callable[..., Result], saved: None) -> None:
    key = item(3).item.key
    assert cli("plan", "Sam", "--done", key).exit_code == 0
    assert saved_session().marks[key].status == "done"


def test_a_mark_whose_item_went_is_kept_but_not_counted(
    cli: Callable[..., Result], saved: None
) -> None:
    vault = Vault.with_keyring()
    vault.save(saved_session().model_copy(update={"marks": {"gone": progress.done(date.today())}}))
    result = cli("plan", "Sam", "--done", "1")
    assert "Now 1 of 3 done." in result.stdout
    assert set(saved_session().marks) == {"gone", item(1).item.key}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--done", "4"], "There is no item 4: this plan has items 1 to 3."),
        (["--done", "0"], "There is no item 0"),
        (["--done", "nonsense"], "No item of this plan is 'nonsense'"),
        (["--undo", "1"], "Item 1 is not marked done or for later"),
        (["--done", "1", "--later", "2"], "choose one of --done, --later, --undo"),
        (["--done", "1", "--reason", "x"], "go with --later N"),
        (["--later", "1", "--by", "1/1/2099", "--not-before", "1/1/2099"], "not both"),
        (["--later", "1", "--by", "1/1/2001"], "1 January 2001 has passed"),
        (["--later", "1", "--by", "next week"], "could not be read as a date"),
        (["--done", "1", "--json"], "one at a time"),
    ],
)
def test_a_mark_that_cannot_be_made_is_an_error_and_changes_nothing(
    cli: Callable[..., Result], saved: None, args: list[str], says: str
) -> None:
    before = saved_session()
    result = cli("plan", "Sam", *args)
    assert result.exit_code == 2
    assert says in result.stderr
    assert saved_session() == before


def test_a_plan_from_files_or_no_session_cannot_be_marked(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    examples = Path(__file__).parent.parent / "examples"
    for args in (["--done", "1"], ["--accounts", str(examples / "accounts.toml"), "--done", "1"]):
        result = cli("plan", *args)
        assert result.exit_code == 2
        assert "saved session" in result.stderr
