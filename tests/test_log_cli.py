"""``hygiene log`` as a worker runs it: add, correct, list, show, export, copies, forget."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import assert_no_leak
from typer.testing import Result

from hygiene.cli import exitcodes
from hygiene.vault import Vault, VaultDocument

Cli = Callable[..., Result]
HOSTILE = "He wrote \x1b]0;pwned\x07<script>alert(1)</script> **bold** [x](http://e.test)"
SCREENSHOT = b"\x89PNG\r\n\x1a\nnot really a picture, but bytes all the same"


@pytest.fixture
def home(memory_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return memory_home


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    path = tmp_path / "evidence" / "texts-30-nov.png"
    path.parent.mkdir()
    path.write_bytes(SCREENSHOT)
    return path


def add(cli: Cli, *options: str) -> Result:
    result = cli("log", "add", "Sam", *options)
    assert result.exit_code == 0, result.stderr
    return result


def three_entries(cli: Cli, shot: Path) -> None:
    add(
        cli,
        "--new",
        "--when",
        "30/11/2026 21:15",
        "--what",
        "Texts from a new number",
        "--how",
        "message",
        "--evidence",
        str(shot),
        "--keep-copy",
    )
    add(
        cli,
        "--when",
        "2026-11-28",
        "--what",
        "Car seen outside work",
        "--where",
        "Work",
        "--how",
        "in_person",
        "--witness",
        "Jo",
        "--witness",
        "Priya",
        "--police-ref",
        "CR/123",
    )
    add(cli, "--corrects", "1", "--when", "29/11/2026 21:15")


def test_entries_are_written_numbered_and_listed_in_the_order_things_happened(
    cli: Cli, home: Path, shot: Path
) -> None:
    three_entries(cli, shot)
    listed = cli("log", "list", "Sam")
    assert listed.exit_code == exitcodes.OK
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("2. Sat 28 Nov 2026 (time not known): Car seen outside work")
    assert lines[1].startswith("3. Sun 29 Nov 2026, 21:15")
    assert lines[1].endswith("[corrects 1]")
    assert lines[2].startswith("1. Mon 30 Nov 2026, 21:15")
    assert lines[2].endswith("[1 file]")
    assert "Checked: all 3 entries are as they were written, in order, none missing." in lines


def test_a_correction_copies_the_old_entry_and_leaves_it_as_it_was(
    cli: Cli, home: Path, shot: Path
) -> None:
    three_entries(cli, shot)
    log = Vault.with_keyring().load("Sam").log
    old, correction = log.entry(1), log.entry(3)
    assert old is not None and correction is not None
    assert old.happened_at.day == 30, "the old entry is never edited"
    assert correction.corrects == 1 and correction.what == old.what
    assert correction.happened_at.day == 29
    shown = cli("log", "show", "Sam", "1").stdout
    assert "Corrected by: entry 3" in shown
    assert "Check: as it was written." in shown


def test_a_correction_of_an_entry_that_is_not_there_is_refused(cli: Cli, home: Path) -> None:
    add(cli, "--new", "--what", "First")
    result = cli("log", "add", "Sam", "--corrects", "7", "--what", "x")
    assert result.exit_code == exitcodes.BAD_INPUT
    assert "There is no entry 7 to correct." in result.stderr


def test_evidence_is_fingerprinted_and_its_kept_copy_comes_back_byte_for_byte(
    cli: Cli, home: Path, shot: Path, tmp_path: Path
) -> None:
    result = add(cli, "--new", "--what", "Texts", "--evidence", str(shot), "--keep-copy")
    digest = hashlib.sha256(SCREENSHOT).hexdigest()
    assert f"SHA-256 {digest}" in result.stdout
    evidence = Vault.with_keyring().load("Sam").log.entries[0].evidence[0]
    assert (evidence.name, evidence.size, evidence.copy_kept) == (shot.name, len(SCREENSHOT), True)
    assert evidence.modified is not None
    assert str(shot.parent) not in Vault.with_keyring().load("Sam").model_dump_json()
    out = tmp_path / "copies"
    copies = cli("log", "copies", "Sam", str(out))
    assert copies.exit_code == 0
    [written] = list(out.iterdir())
    assert written.read_bytes() == SCREENSHOT
    assert written.stat().st_mode & 0o077 == 0, "readable by its owner alone"
    again = cli("log", "copies", "Sam", str(out))
    assert again.exit_code == exitcodes.BAD_INPUT, "never written over"


def test_a_file_that_is_not_there_is_refused_and_nothing_is_written(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    add(cli, "--new", "--what", "First")
    result = cli("log", "add", "Sam", "--what", "x", "--evidence", str(tmp_path / "gone.png"))
    assert result.exit_code == exitcodes.BAD_INPUT
    assert "There is no file called gone.png there." in result.stderr
    assert len(Vault.with_keyring().load("Sam").log.entries) == 1


def test_a_name_nothing_is_kept_under_needs_new(cli: Cli, home: Path) -> None:
    result = cli("log", "add", "Sma", "--what", "typo in the name")
    assert result.exit_code == exitcodes.BAD_INPUT
    assert "Nothing is saved under 'Sma'" in result.stderr
    assert not home.exists()


def test_asked_one_question_at_a_time_when_no_part_is_given(
    cli: Cli, home: Path, shot: Path
) -> None:
    add(cli, "--new", "--what", "First")
    answers = [
        "28/11/2026 10:00",
        "Home",
        "He came to the door",
        "5",
        "",
        "My neighbour",
        "",
        "CR/9",
        str(shot),
        "y",
        "",
        "y",
    ]
    result = cli("log", "add", "Sam", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    entry = Vault.with_keyring().load("Sam").log.entry(2)
    assert entry is not None
    assert (entry.what, entry.where, entry.how, entry.witnesses) == (
        "He came to the door",
        "Home",
        "in_person",
        "My neighbour",
    )
    assert entry.evidence[0].copy_kept
    assert "This is the entry:" in result.stdout


def test_a_date_that_cannot_be_read_is_asked_again(cli: Cli, home: Path) -> None:
    add(cli, "--new", "--what", "First")
    answers = ["31/02/2026", "yesterday", "", "Another", "", "", "", "", "", "", "y"]
    result = cli("log", "add", "Sam", input="\n".join(answers) + "\n")
    assert "That date does not exist." in result.stdout
    entry = Vault.with_keyring().load("Sam").log.entry(2)
    assert entry is not None and not entry.time_known


def test_every_export_holds_the_entries_the_evidence_and_the_check(
    cli: Cli, home: Path, shot: Path, tmp_path: Path
) -> None:
    three_entries(cli, shot)
    digest = hashlib.sha256(SCREENSHOT).hexdigest()
    markdown = cli("log", "export", "Sam").stdout
    assert (
        markdown.index("### Entry 2")
        < markdown.index("### Entry 3")
        < markdown.index("### Entry 1")
    ), "in the order things happened"
    assert "- **Written:**" in markdown and "- **Happened:**" in markdown
    assert digest in markdown and "How this log was kept" in markdown
    assert "Checked: all 3 entries" in markdown

    data = json.loads(cli("log", "export", "Sam", "--json").stdout)
    assert data["check"]["intact"] is True
    assert [e["number"] for e in data["entries"]] == [2, 3, 1]
    assert data["entries"][2]["evidence"][0]["sha256"] == digest
    assert data["corrected_by"] == {"1": [3]}

    table = tmp_path / "log.csv"
    assert cli("log", "export", "Sam", "--csv", str(table)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    rows, tail = rows[:3], rows[3:]
    assert [r["entry"] for r in rows] == ["2", "3", "1"]
    assert rows[0]["witnesses"] == "Jo, Priya" and rows[0]["police_ref"] == "CR/123"
    assert digest in rows[2]["evidence"] and {r["check"] for r in rows} == {"ok"}
    assert [r["entry"] for r in tail] == [
        "How this log was kept",
        "Check",
        "Fingerprint of the last entry",
    ]
    assert tail[1]["happened"].startswith("Checked: all 3 entries")

    page = tmp_path / "log.html"
    assert cli("log", "export", "Sam", "--html", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in html and digest in html
    assert not re.search(r"(src|href)=", html), "the page fetches nothing"
    assert html.index('id="entry-2"') < html.index('id="entry-1"')


def test_the_fingerprints_in_the_json_can_be_checked_by_anyone(
    cli: Cli, home: Path, shot: Path
) -> None:
    three_entries(cli, shot)
    data = json.loads(cli("log", "export", "Sam", "--json").stdout)
    by_number = {entry["number"]: entry for entry in data["entries"]}
    previous = "0" * 64
    for number in sorted(by_number):
        entry = dict(by_number[number])
        claimed = entry.pop("fingerprint")
        text = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(text.encode()).hexdigest() == claimed
        assert entry["previous"] == previous
        previous = claimed
    assert previous == data["check"]["last_fingerprint"]


def test_the_persons_words_are_escaped_in_every_format(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    add(
        cli,
        "--new",
        "--what",
        HOSTILE,
        "--where",
        '=HYPERLINK("http://e.test")',
        "--technology",
        "@SUM(1)",
        "--witness",
        "-2+3",
        "--police-ref",
        "+44",
    )
    for command in (["list"], ["show", "1"], ["export"], ["export", "--json"]):
        out = cli("log", command[0], "Sam", *command[1:]).stdout
        assert "\x1b" not in out and "\x07" not in out, command
        assert "pwned" in out, "shown, as harmless text"
    markdown = cli("log", "export", "Sam").stdout
    assert "<script>" not in markdown and "\\*\\*bold\\*\\*" in markdown
    assert "\\[x\\]" in markdown
    page = tmp_path / "log.html"
    cli("log", "export", "Sam", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    table = tmp_path / "log.csv"
    cli("log", "export", "Sam", "--csv", str(table))
    row = next(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    for column in ("where", "technology", "witnesses", "police_ref"):
        assert row[column].startswith("'"), f"{column} would run as a formula"


def test_an_empty_log_exports_nothing(cli: Cli, home: Path) -> None:
    Vault.with_keyring().save(VaultDocument(label="Sam"))
    result = cli("log", "export", "Sam", "--json")
    assert result.exit_code == exitcodes.BAD_INPUT
    assert "has no entries, so nothing was exported" in result.stderr
    listed = cli("log", "list", "Sam")
    assert "has no entries yet" in listed.stdout


def test_nothing_of_the_log_reaches_disk_but_the_vault_and_the_export_asked_for(
    cli: Cli, home: Path, shot: Path, tmp_path: Path
) -> None:
    words = "Zanzibar-marker outside the flat"
    add(
        cli,
        "--new",
        "--what",
        words,
        "--evidence",
        str(shot),
        "--keep-copy",
        "--witness",
        "Quentin-marker",
    )
    for args in (
        ("list", "Sam"),
        ("show", "Sam", "1"),
        ("export", "Sam", "--json"),
        ("export", "Sam"),
        ("copies", "Sam", str(tmp_path / "out")),
    ):
        cli("log", *args)
    shot.unlink()
    for path in (tmp_path / "out").iterdir():
        path.unlink()
    for marker in ("Zanzibar-marker", "Quentin-marker"):
        assert_no_leak(marker, files_under=tmp_path)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"not really a picture" not in path.read_bytes(), path
    page = tmp_path / "asked.html"
    cli("log", "export", "Sam", "--html", str(page))
    assert "Zanzibar-marker" in page.read_text(encoding="utf-8")


def test_forget_removes_the_log_and_its_copies_and_says_so(
    cli: Cli, home: Path, shot: Path
) -> None:
    add(cli, "--new", "--what", "Texts", "--evidence", str(shot), "--keep-copy")
    add(cli, "--what", "More texts")
    result = cli("forget", "Sam")
    assert (
        "  - the saved session 'Sam', with its incident log of 2 entries and 1 evidence copy"
        in result.stdout.splitlines()
    )
    assert not list(home.glob("*.vault"))
    assert cli("log", "list", "Sam").exit_code == exitcodes.BAD_INPUT


def test_a_log_locked_with_a_passphrase_never_writes_or_shows_it(
    cli: Cli, home: Path, tmp_path: Path, all_logs: pytest.LogCaptureFixture
) -> None:
    phrase = "purple elephant marmalade"
    added = cli("log", "add", "Kit", "--new", "--passphrase", "--what", "Texts", input=phrase)
    assert added.exit_code == 0, added.stderr
    wrong = cli("log", "list", "Kit", "--passphrase", input="not it")
    assert wrong.exit_code == exitcodes.BAD_INPUT
    listed = cli("log", "list", "Kit", "--passphrase", input=phrase)
    assert "Texts" in listed.stdout
    page = tmp_path / "log.html"
    cli("log", "export", "Kit", "--passphrase", "--html", str(page), input=phrase)
    for result in (added, wrong, listed):
        assert_no_leak(phrase, result.stdout, result.stderr)
    assert_no_leak(phrase, all_logs.text, files_under=tmp_path)
