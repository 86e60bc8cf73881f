"""Exports as people really hand them over: re-saved, zipped, cut off, or crafted.

A spreadsheet re-save (UTF-16, Windows-1252, ``;`` or tab) or a zip of the export reads
the same logins as the original and says how it was read; a file cut part-way through
its last row skips that row and names it; nesting, line length and zip depth are
bounded; and no audit that read nothing, or little, ever says all is well.
"""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from hygiene.errors import InputError
from hygiene.exports.interface import Entry, SkipKind, Skipped
from hygiene.exports.registry import open_export

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
Cli = Callable[..., Result]


def read(path: Path, layout: str | None = None) -> tuple[str, list[Entry], list[Skipped]]:
    export = open_export(path, layout)
    items = list(export.items)
    return (
        export.layout.name,
        [i for i in items if isinstance(i, Entry)],
        [i for i in items if isinstance(i, Skipped)],
    )


def logins(entries: list[Entry]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(e.title, e.username, e.password.reveal(), e.urls) for e in entries]


def resave(source: Path, *, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """The file as a spreadsheet writes it back: every field re-quoted as needed."""
    rows = list(csv.reader(io.StringIO(source.read_text("utf-8-sig"), newline="")))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


ORIGINALS = ["chrome.csv", "bitwarden.csv", "keepassxc.csv", "1password8.csv", "lastpass.csv"]
RESAVES = {
    "utf-16 (Excel Unicode text)": {"delimiter": "\t", "encoding": "utf-16"},
    "utf-16-le without a mark": {"encoding": "utf-16-le"},
    "utf-8 with a mark": {"encoding": "utf-8-sig"},
    "windows-1252": {"encoding": "cp1252"},
    "semicolons": {"delimiter": ";"},
    "tabs": {"delimiter": "\t"},
    "semicolons in windows-1252": {"delimiter": ";", "encoding": "cp1252"},
}


@pytest.mark.parametrize("original", ORIGINALS)
@pytest.mark.parametrize("how", list(RESAVES))
def test_a_resaved_export_reads_the_same_logins(original: str, how: str, tmp_path: Path) -> None:
    source = FIXTURES / original
    path = tmp_path / "resaved.csv"
    path.write_bytes(resave(source, **RESAVES[how]))
    layout, entries, _ = read(path)
    expected_layout, expected, _ = read(source)
    assert layout == expected_layout
    assert logins(entries) == logins(expected)


def test_a_value_with_a_tab_on_each_of_its_lines_does_not_make_tab_the_separator(
    tmp_path: Path,
) -> None:
    # Read with tab as the separator, the quoted value falls apart into several short
    # records that each split in two; the header and the login only agree under ",".
    path = tmp_path / "bitwarden.csv"
    path.write_text(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\r\n"
        ',,login,Forum,,,0,https://forum.test/,"a\n\tb\n\tc\n\td",pw-1,\r\n',
        encoding="utf-8",
        newline="",
    )
    layout, entries, skipped = read(path)
    assert layout == "bitwarden-csv"
    assert logins(entries) == [("Forum", "a\n\tb\n\tc\n\td", "pw-1", ("https://forum.test/",))]
    assert skipped == []


def test_a_windows_1252_file_keeps_its_accents_and_says_how_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "name;url;username;password;note\r\n"
        "café.test;https://cafe.test/;zoë;Crème-brûlée-€5;\r\n".encode("cp1252")
    )
    export = open_export(path)
    entries = [i for i in export.items if isinstance(i, Entry)]
    assert logins(entries) == [("café.test", "zoë", "Crème-brûlée-€5", ("https://cafe.test/",))]
    notes = " ".join(export.notes)
    assert "Windows-1252" in notes and "semicolons" in notes


def test_utf16_and_plain_files_say_so_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(resave(FIXTURES / "chrome.csv", delimiter="\t", encoding="utf-16"))
    notes = " ".join(open_export(path).notes)
    assert "UTF-16" in notes and "tabs" in notes
    assert open_export(FIXTURES / "chrome.csv").notes == ()


def test_a_json_export_in_windows_1252_is_read(tmp_path: Path) -> None:
    document = json.loads((FIXTURES / "bitwarden.json").read_text())
    document["items"][0]["name"] = "Café tax"
    path = tmp_path / "export.json"
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode("cp1252"))
    export = open_export(path)
    entries = [i for i in export.items if isinstance(i, Entry)]
    assert entries[0].title == "Café tax"
    assert any("Windows-1252" in note for note in export.notes)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_holding_one_export_at_any_depth_is_read(tmp_path: Path) -> None:
    chrome = (FIXTURES / "chrome.csv").read_bytes()
    inner = _zip(tmp_path / "inner.zip", {"deep/down/passwords.csv": chrome})
    cases = {
        "flat.zip": {"passwords.csv": chrome},
        "folders.zip": {"a/b/c/Chrome Passwords.csv": chrome, "a/readme.md": b"hello"},
        "mac.zip": {"export/passwords.csv": chrome, "__MACOSX/export/._passwords.csv": chrome},
        "nested.zip": {"outer/inner.zip": inner.read_bytes()},
    }
    expected = logins(read(FIXTURES / "chrome.csv")[1])
    for name, members in cases.items():
        export = open_export(_zip(tmp_path / name, members))
        assert export.layout.name == "chrome-csv", name
        assert logins([i for i in export.items if isinstance(i, Entry)]) == expected, name
        assert any("inside the zip" in note for note in export.notes), name
    nested = open_export(tmp_path / "nested.zip")
    assert "outer/inner.zip/deep/down/passwords.csv" in " ".join(nested.notes)


def test_a_zip_of_a_resaved_export_is_read_in_its_encoding(tmp_path: Path) -> None:
    data = resave(FIXTURES / "bitwarden.csv", delimiter=";", encoding="cp1252")
    path = _zip(tmp_path / "export.zip", {"Bitwarden/export.csv": data})
    assert logins(read(path)[1]) == logins(read(FIXTURES / "bitwarden.csv")[1])


def test_a_zip_with_two_exports_or_none_is_refused(tmp_path: Path) -> None:
    chrome = (FIXTURES / "chrome.csv").read_bytes()
    two = _zip(tmp_path / "two.zip", {"a.csv": chrome, "b/c.csv": chrome})
    with pytest.raises(InputError, match=r"more than one export \(a.csv, b/c.csv\)"):
        read(two)
    none = _zip(tmp_path / "photos.zip", {"cat.jpg": b"\xff\xd8", "notes.txt": b"hello"})
    with pytest.raises(InputError, match="does not recognise"):
        read(none)


def test_a_zip_nested_past_the_depth_limit_is_not_followed(tmp_path: Path) -> None:
    data = _zip(tmp_path / "0.zip", {"p.csv": (FIXTURES / "chrome.csv").read_bytes()})
    for depth in range(1, 5):
        data = _zip(tmp_path / f"{depth}.zip", {f"{depth - 1}.zip": data.read_bytes()})
    with pytest.raises(InputError, match="does not recognise"):
        read(data)


CHROME_HEADER = b"name,url,username,password,note\n"
FULL_ROW = b"a.test,https://a.test/,sam,First-pass-1,\n"


@pytest.mark.parametrize(
    "tail",
    [
        b'b.test,https://b.test/,sam,"Second-pa',  # in a quoted password
        b"b.test,https://b.test/,sam,Second-pa",  # an unquoted password, short of the note
        b'b.test,https://b.test/,sam,"Second-pass-2","a note that goes o',  # in the note
    ],
)
def test_a_cut_off_last_row_is_skipped_and_named(tail: bytes, tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes(CHROME_HEADER + FULL_ROW + tail)
    _, entries, skipped = read(path)
    assert [e.title for e in entries] == ["a.test"]
    assert [(s.row, s.kind) for s in skipped] == [(3, SkipKind.MALFORMED)]
    assert "cut off" in skipped[0].reason


def test_a_complete_last_row_without_a_line_break_is_read(tmp_path: Path) -> None:
    path = tmp_path / "whole.csv"
    path.write_bytes(CHROME_HEADER + FULL_ROW + b'b.test,https://b.test/,sam,"Second,2",')
    _, entries, skipped = read(path)
    assert [e.password.reveal() for e in entries] == ["First-pass-1", "Second,2"]
    assert skipped == []
    firefox = (FIXTURES / "firefox.csv").read_bytes().rstrip(b"\r\n")  # as Firefox writes
    path.write_bytes(firefox)
    assert [e.title for e in read(path)[1]] == ["https://bakery.test"]


def test_deep_json_nesting_is_refused_in_plain_words(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    with pytest.raises(InputError, match="nested far too deeply"):
        read(path)
    result = cli("audit", str(path), "--offline")
    assert result.exit_code == 2
    assert "nested far too deeply" in result.stderr and "Traceback" not in result.stderr


def test_one_enormous_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    with path.open("wb") as out:
        out.write(CHROME_HEADER + FULL_ROW)
        out.write(b"x" * 30_000_000 + b",https://x.test/,sam,pw\n")
        out.write(b"c.test,https://c.test/,sam,Third-pass-3,\n")
    tracemalloc.start()
    try:
        _, entries, skipped = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [e.title for e in entries] == ["a.test", "c.test"]
    assert [(s.row, s.kind) for s in skipped] == [(3, SkipKind.MALFORMED)]
    assert "far too long" in skipped[0].reason
    assert peak < 20_000_000  # a few line-sized buffers, never the whole line


def test_a_headerless_layout_never_takes_a_header_row(tmp_path: Path) -> None:
    """A header of a product hygiene does not read is not legacy Dashlane or Keeper data,
    even when the rows below it have those products' shape."""
    path = tmp_path / "vault.csv"
    path.write_text(
        "Site Name,Web Address,Account,Secret Word,Remarks\n"
        "Bank,https://bank.test,sam,Hidden-Value-77,\n"
        "Mail,https://mail.test,sam,Other-Value-88,\n"
    )
    with pytest.raises(InputError) as caught:
        read(path)
    assert "Hidden-Value-77" not in str(caught.value)


def test_json_with_items_is_bitwarden_only_in_bitwarden_shape(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"folders": [], "items": [{"title": "Bank", "fields": []}]}))
    with pytest.raises(InputError):
        read(path)


def _audit(cli: Cli, path: Path, *extra: str) -> Result:
    return cli("audit", str(path), "--offline", "--quiet", *extra)


def test_an_audit_that_read_no_login_never_says_all_is_well(tmp_path: Path, cli: Cli) -> None:
    header_only = tmp_path / "header.csv"
    header_only.write_bytes(CHROME_HEADER)
    notes_only = tmp_path / "notes.csv"
    notes_only.write_text(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\n,,note,Door codes,front,,0,,,,\n"
    )
    for path in (header_only, notes_only):
        result = _audit(cli, path)
        assert result.exit_code == 3, path.name
        assert "No login was read" in result.stdout
        assert "Nothing in this export needs acting on" not in result.stdout
        data = json.loads(_audit(cli, path, "--json").stdout)
        assert data["summary"]["may_be_misread"] is True and data["doubt"]


def test_an_audit_that_skipped_most_rows_says_the_file_may_be_misread(
    tmp_path: Path, cli: Cli
) -> None:
    path = tmp_path / "mostly-broken.csv"
    rows = [b"x.test,https://x.test/,sam,\x81bad-1,\n"] * 3
    path.write_bytes(
        CHROME_HEADER + b"a.test,https://a.test/,sam,Tr0ub4dor&3-horse-staple,\n" + b"".join(rows)
    )
    result = _audit(cli, path)
    assert result.exit_code == 3
    assert "Only 1 of 4 rows were read as logins" in result.stdout
    assert "Nothing in this export needs acting on" not in result.stdout


def test_the_audit_says_how_a_resaved_file_was_read(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        resave(FIXTURES / "chrome.csv", delimiter=";", encoding="cp1252")
        + "café.test;https://cafe.test/;zoë;Crème-brûlée-€5;\r\n".encode("cp1252")
    )
    result = _audit(cli, path)
    assert "read as Windows-1252" in result.stdout and "semicolons" in result.stdout
    data = json.loads(_audit(cli, path, "--json").stdout)
    assert any("Windows-1252" in note for note in data["notes"])


def test_an_export_past_the_login_limit_is_refused_at_once(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hygiene.audit import run

    monkeypatch.setattr(run, "MAX_LOGINS", 50)
    rows = b"".join(b"s%d.test,https://s%d.test/,sam,Pw-%d-x!,\n" % (n, n, n) for n in range(60))
    path = _zip(tmp_path / "many.zip", {"export/passwords.csv": CHROME_HEADER + rows})
    result = _audit(cli, path)
    assert result.exit_code == 2
    assert "more than 50 logins" in result.stderr
    error = json.loads(_audit(cli, path, "--json").stdout)["error"]
    assert error["kind"] == "too_large"


def test_a_short_last_row_of_a_ragged_layout_is_not_taken_for_a_cut(tmp_path: Path) -> None:
    """Legacy Dashlane rows are of uneven length, so only an open quote shows a cut."""
    path = tmp_path / "dashlane.csv"
    path.write_text(
        '"Cafe","https://cafe.test","sam","Latte-art-3",""\n'
        '"Bakery","https://bakery.test","sam","Sourdough-9"'
    )
    _, entries, skipped = read(path)
    assert [e.title for e in entries] == ["Cafe", "Bakery"] and skipped == []
    path.write_text(
        '"Cafe","https://cafe.test","sam","Latte-art-3",""\n'
        '"Bakery","https://bakery.test","sam","Sourd'
    )
    _, entries, skipped = read(path)
    assert [e.title for e in entries] == ["Cafe"] and "cut off" in skipped[0].reason


def test_format_never_reads_a_zip_or_a_database_as_text(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"passwords.csv": CHROME_HEADER + FULL_ROW})
    with pytest.raises(InputError, match=r"zip archive.*cannot read"):
        read(path, "chrome-csv")
    database = tmp_path / "vault.kdbx"
    database.write_bytes(bytes.fromhex("03d9a29a67fb4bb5") + b"\x00" * 200)
    with pytest.raises(InputError, match=r"KeePass database.*cannot read"):
        read(database, "lastpass-csv")


def test_a_first_row_of_data_is_never_echoed_even_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("Allotment,sam,Marigold,Sunflower\nBakery,sam,Sourdough,Crumpet\n")
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert "4 columns" in message
    assert not {"Marigold", "marigold", "Sunflower", "sunflower"} & set(message.split())
    assert "marigold" not in message.lower()


def test_a_zip_of_many_candidate_files_is_refused_not_read_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hygiene.exports import registry

    monkeypatch.setattr(registry, "MAX_PROBED_MEMBERS", 5)
    members = {f"notes/{n}.txt": b"nothing here\n" for n in range(8)}
    with pytest.raises(InputError, match="more than 5 files that could be an export"):
        read(_zip(tmp_path / "many.zip", members))
    few = {f"notes/{n}.txt": b"nothing here\n" for n in range(4)}
    few["export/passwords.csv"] = CHROME_HEADER + FULL_ROW
    assert [e.title for e in read(_zip(tmp_path / "few.zip", few))[1]] == ["a.test"]
