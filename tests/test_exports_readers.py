"""Each export layout is detected and read, with its quirks, from the project's own fixtures."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hygiene.errors import InputError
from hygiene.exports.interface import Entry, SkipKind, Skipped
from hygiene.exports.registry import LAYOUTS, open_export

FIXTURES = Path(__file__).parent / "fixtures" / "exports"


def read(path: Path, layout: str | None = None) -> tuple[str, list[Entry], list[Skipped]]:
    export = open_export(path, layout)
    items = list(export.items)
    entries = [i for i in items if isinstance(i, Entry)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    return export.layout.name, entries, skipped


Login = tuple[str, str, str]
Skip = tuple[int, SkipKind]


def logins(entries: list[Entry]) -> list[Login]:
    return [(e.title, e.username, e.password.reveal()) for e in entries]


def skips(skipped: list[Skipped]) -> list[tuple[int, SkipKind]]:
    return [(s.row, s.kind) for s in skipped]


# fixture, layout, (title, username, password) of every login, (row, kind) of every skip
CASES = [
    (
        "bitwarden.csv",
        "bitwarden-csv",
        [
            ("Allotment forum", "sam@mail.test", "Marigold-7-sun"),
            ("Rota", "sam.w", 'Quote"and,comma'),
        ],
        [(3, SkipKind.NOT_LOGIN), (5, SkipKind.NO_PASSWORD)],
    ),
    (
        "bitwarden_org.csv",
        "bitwarden-csv",
        [("Streaming", "family@mail.test", "couch-potato-42")],
        [(3, SkipKind.NOT_LOGIN)],
    ),
    (
        "bitwarden.json",
        "bitwarden-json",
        [
            ("Council tax", "sam", "Bin-day-Tuesday-6"),
            ("Bookshop", "sam", "Paperback-Writer-1"),
        ],
        [(2, SkipKind.TRASHED), (3, SkipKind.NOT_LOGIN), (5, SkipKind.MALFORMED)],
    ),
    (
        "keepassxc.csv",
        "keepassxc-csv",
        [("Credit union", "sam", 'Tulip"s-are-red')],
        [(3, SkipKind.TRASHED), (4, SkipKind.NO_PASSWORD)],
    ),
    (
        "keepassx_legacy.csv",
        "keepassxc-csv",
        [("Webmail", "sam@mail.test", "Pebble&Stone99")],
        [],
    ),
    (
        "lastpass.csv",
        "lastpass-csv",
        [("Shop", "sam@mail.test", "fish&amp;chips-2020"), ("Gym", "sam", "Barbell-77-lift")],
        [(3, SkipKind.NOT_LOGIN)],
    ),
    ("lastpass_old.csv", "lastpass-csv", [("Cinema", "sam", "popcorn-row-F")], []),
    (
        "chrome.csv",
        "chrome-csv",
        [
            ("cinema.test", "sam@mail.test", "Velvet-seat-9"),
            ("com.example.tickets", "sam@mail.test", "Velvet-seat-9"),
            ("tickets.example", "sam@mail.test", "Velvet-seat-9"),
            ("garden.test", "sam@mail.test", "Velvet-seat-9"),
            ("recipes.test", "sam", 'Salt,pepper "and" thyme'),
        ],
        [],
    ),
    ("chrome_old.csv", "chrome-csv", [("museum.test", "sam", "Dinosaur-bones-3")], []),
    (
        "firefox.csv",
        "firefox-csv",
        [("https://bakery.test", "sam", "Croissant-Crumbs-5")],
        [(2, SkipKind.NOT_LOGIN), (4, SkipKind.NO_PASSWORD)],
    ),
    (
        "1password8.csv",
        "1password-csv",
        [("Bike shop", "sam", "Spokes-and-chains-8"), ("Choir", "sam", "Alto-section\n-2")],
        [(3, SkipKind.TRASHED)],
    ),
    (
        "1password7_mac.csv",
        "1password7-mac-csv",
        [("Pottery", "sam", 'Back"slash"quote')],
        [(3, SkipKind.NOT_LOGIN)],
    ),
    ("1password4.csv", "1password4-csv", [("Knitting club", "sam", "Purl-two-together")], []),
    ("apple.csv", "apple-csv", [("climbing.test (sam)", "sam", "Chalk-bag-19")], []),
    ("apple_old.csv", "apple-csv", [("pool.test (sam)", "sam", "Lane-six-swim")], []),
    (
        "dashlane.csv",
        "dashlane-csv",
        [("Vet", "sam@mail.test", "Whiskers-Tabby-4"), ("Dentist", "sam", "Floss-daily-22")],
        [],
    ),
    (
        "dashlane_legacy.json",
        "dashlane-json",
        [("Cafe", "sam", "Latte-art-3")],
        [(2, SkipKind.NO_PASSWORD)],
    ),
    (
        "protonpass.csv",
        "protonpass-csv",
        [("Pottery", "sam@mail.test", "Glaze-and-fire-3")],
        [(3, SkipKind.NOT_LOGIN)],
    ),
    (
        "protonpass.json",
        "protonpass-json",
        [("Swimming", "sam", "Breast-stroke-50")],
        [(2, SkipKind.TRASHED), (3, SkipKind.NOT_LOGIN)],
    ),
]


@pytest.mark.parametrize(("name", "layout", "expected", "skipped"), CASES)
def test_each_layout_is_detected_and_read(
    name: str, layout: str, expected: list[Login], skipped: list[Skip]
) -> None:
    found, entries, skips_seen = read(FIXTURES / name)
    assert found == layout
    assert logins(entries) == expected
    assert skips(skips_seen) == skipped


@pytest.mark.parametrize(("name", "layout", "expected", "skipped"), CASES)
def test_format_names_the_layout_without_detection(
    name: str, layout: str, expected: list[Login], skipped: list[Skip]
) -> None:
    found, entries, _ = read(FIXTURES / name, layout)
    assert found == layout
    assert logins(entries) == expected


def test_every_layout_has_a_fixture_or_an_archive_test() -> None:
    covered = {layout for _, layout, _, _ in CASES} | {
        "1pux",
        "dashlane-zip",
        "protonpass-zip",
        "bitwarden-zip",
        "dashlane-legacy-csv",
        "1password7-windows-csv",
    }
    # Read in test_exports_products, from fixtures written for hygiene.
    covered |= {
        "nordpass-csv",
        "keepass-csv",
        "roboform-csv",
        "safeincloud-csv",
        "padlock-csv",
        "zoho-csv",
        "zoho-old-csv",
        "1password6-csv",
        "buttercup-csv",
        "psono-json",
        "enpass-json",
        "keepass-xml",
        "kdbx",
        "keeper-csv",
        "keeper-json",
        "kaspersky-txt",
        "safeincloud-xml",
    }
    assert {layout.name for layout in LAYOUTS} <= covered


def test_urls_keep_every_uri_and_the_row_number() -> None:
    _, entries, _ = read(FIXTURES / "bitwarden.csv")
    assert entries[0].urls == ("https://forum.allotment.test/login", "https://allotment.test")
    assert entries[0].row == 2
    assert entries[1].row == 4  # a multi-line row counts once, as a spreadsheet shows it
    _, proton, _ = read(FIXTURES / "protonpass.csv")
    assert proton[0].urls == ("https://pottery.test", "https://kiln.test")


def test_password_change_dates_only_where_real() -> None:
    _, firefox, _ = read(FIXTURES / "firefox.csv")
    assert firefox[0].password_changed == datetime(2019, 1, 1, tzinfo=UTC)
    _, bitwarden, _ = read(FIXTURES / "bitwarden.json")
    assert bitwarden[0].password_changed == datetime(2022, 6, 15, 12, 30, tzinfo=UTC)
    assert bitwarden[1].password_changed is None  # no history: revisionDate is not used
    for name in ("keepassxc.csv", "protonpass.json", "chrome.csv", "lastpass.csv"):
        _, entries, _ = read(FIXTURES / name)
        assert all(e.password_changed is None for e in entries), name


def test_lastpass_entities_are_flagged_not_rewritten() -> None:
    _, entries, _ = read(FIXTURES / "lastpass.csv")
    assert [e.entity_like for e in entries] == [True, False]


def test_bom_and_crlf_are_read_like_plain_files(tmp_path: Path) -> None:
    plain = (FIXTURES / "chrome_old.csv").read_bytes()
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n"))
    assert logins(read(odd)[1]) == logins(read(FIXTURES / "chrome_old.csv")[1])


def test_malformed_rows_are_skipped_by_row_number_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "chrome.csv"
    path.write_bytes(
        b"name,url,username,password,note\n"
        b"a.test,https://a.test/,sam,First-pass-1,\n"
        b"b.test,https://b.test/,sam,Second-pass-2,,extra,fields\n"
        b"c.test,https://c.test/,sam,\x81undefined-in-1252,\n"
        b"d.test,https://d.test/,sam,Fourth-pass-4,\n"
    )
    _, entries, skipped = read(path)
    assert [e.title for e in entries] == ["a.test", "d.test"]
    assert skips(skipped) == [(3, SkipKind.MALFORMED), (4, SkipKind.MALFORMED)]
    assert "not text" in skipped[1].reason
    assert "undefined" not in skipped[1].reason


def test_unknown_layout_names_the_header_and_the_known_layouts(tmp_path: Path) -> None:
    path = tmp_path / "mystery.csv"
    path.write_text("site,login,secret,colour\nx.test,sam,Hidden-Value-77,blue\n")
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert "site, login, …, …" in message  # only names hygiene knows are echoed
    assert "bitwarden-csv" in message and "1pux" in message
    assert "Hidden-Value-77" not in message


def test_unknown_headerless_file_never_echoes_a_password(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("x.test;sam;S3cret!word;1;2;3;4;5;6\n" * 3)
    with pytest.raises(InputError) as caught:
        read(path)
    assert "S3cret!word" not in str(caught.value)


def test_a_format_that_does_not_fit_names_the_missing_columns() -> None:
    with pytest.raises(InputError, match=r"lacks .*grouping"):
        read(FIXTURES / "chrome.csv", "lastpass-csv")
    with pytest.raises(InputError, match="not a layout hygiene knows"):
        read(FIXTURES / "chrome.csv", "netscape")


@pytest.mark.parametrize("name", ["bitwarden_encrypted.json", "bitwarden_protected.json"])
def test_encrypted_bitwarden_is_refused_with_how_to_and_delete_afterwards(name: str) -> None:
    with pytest.raises(InputError) as caught:
        read(FIXTURES / name)
    message = str(caught.value)
    assert "encrypted" in message and "'.json' or '.csv'" in message
    assert "delete the export" in message


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_1pux_logins_and_password_items_are_read(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "export.1pux",
        {
            "export.attributes": b'{"version":3,"description":"1Password Unencrypted Export"}',
            "export.data": (FIXTURES / "onepux_export.data").read_bytes(),
            "files/": b"",
        },
    )
    layout, entries, skipped = read(path)
    assert layout == "1pux"
    assert logins(entries) == [
        ("Garden centre", "sam@mail.test", "Compost-heap-12"),
        ("Router", "", "Router-admin-99"),
    ]
    assert entries[0].urls == ("https://garden-centre.test", "https://gc.example")
    assert entries[0].password_changed == datetime.fromtimestamp(1650000000, UTC)
    assert skips(skipped) == [(2, SkipKind.TRASHED), (4, SkipKind.NOT_LOGIN)]


def test_dashlane_zip_reads_credentials_csv(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "dashlane.zip",
        {
            "credentials.csv": (FIXTURES / "dashlane.csv").read_bytes(),
            "securenotes.csv": b"title,note\nx,y\n",
        },
    )
    layout, entries, _ = read(path)
    assert layout == "dashlane-zip"
    assert [e.title for e in entries] == ["Vet", "Dentist"]


def test_proton_zip_is_read_and_its_encrypted_form_refused(tmp_path: Path) -> None:
    plain = _zip(
        tmp_path / "Proton Pass_export.zip",
        {"Proton Pass/data.json": (FIXTURES / "protonpass.json").read_bytes()},
    )
    layout, entries, _ = read(plain)
    assert (layout, [e.title for e in entries]) == ("protonpass-zip", ["Swimming"])
    sealed = _zip(tmp_path / "sealed.zip", {"Proton Pass/data.pgp": b"-----BEGIN PGP MESSAGE"})
    with pytest.raises(InputError, match=r"encrypted.*delete the export"):
        read(sealed)


def test_bitwarden_zip_reads_data_json_and_leaves_attachments(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "bitwarden.zip",
        {
            "data.json": (FIXTURES / "bitwarden.json").read_bytes(),
            "attachments/1/photo.jpg": b"\xff\xd8",
        },
    )
    layout, entries, _ = read(path)
    assert (layout, len(entries)) == ("bitwarden-zip", 2)


def test_zip_archives_are_read_within_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hygiene.exports import source

    members = {f"files/{n}": b"" for n in range(30)} | {"export.data": b"{}"}
    many = _zip(tmp_path / "many.zip", members)
    monkeypatch.setattr(source, "MAX_ZIP_MEMBERS", 20)
    with pytest.raises(InputError, match="more than 20 files"):
        read(many)
    monkeypatch.setattr(source, "MAX_ZIP_MEMBERS", 10_000)
    monkeypatch.setattr(source, "MAX_DOCUMENT_BYTES", 1000)
    bomb = _zip(tmp_path / "bomb.1pux", {"export.data": b"{" + b" " * 100_000 + b"}"})
    with pytest.raises(InputError, match="larger than"):
        read(bomb)


def test_legacy_headerless_dashlane_and_1password7_windows(tmp_path: Path) -> None:
    legacy = tmp_path / "dashlane.csv"
    legacy.write_text(
        '"only a title"\n'
        '"Cafe","https://cafe.test","sam","Latte-art-3",""\n'
        '"Bakery","https://bakery.test","sam","Sourdough-9",""\n'
    )
    layout, entries, skipped = read(legacy)
    assert layout == "dashlane-legacy-csv"
    assert [(e.title, e.row) for e in entries] == [("Cafe", 2), ("Bakery", 3)]
    assert skips(skipped) == [(1, SkipKind.NO_PASSWORD)]
    windows = tmp_path / "1p7.csv"
    windows.write_text(
        '"UUID","TITLE","USERNAME","PASSWORD","URL","URLS","NOTES"\n'
        '"u1","Forum","sam","Thread-reply-4","https://forum.test","https://forum.test\n'
        'https://m.forum.test",""\n'
    )
    layout, entries, _ = read(windows)
    assert layout == "1password7-windows-csv"
    assert entries[0].urls == ("https://forum.test", "https://m.forum.test")


def test_a_large_export_is_streamed_not_loaded(tmp_path: Path) -> None:
    """100,000 rows come through one at a time; the reader holds no list of them."""
    path = tmp_path / "big.csv"
    with path.open("w") as out:
        out.write("name,url,username,password,note\n")
        for n in range(100_000):
            out.write(f"site{n}.test,https://site{n}.test/,user{n},Password-{n}-x,\n")
    export = open_export(path)
    count = 0
    for item in export.items:
        assert isinstance(item, Entry)
        count += 1
    assert count == 100_000
