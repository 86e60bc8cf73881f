"""The products added for the audit: each read with the right titles, usernames and URLs.

Every fixture was written for hygiene with made-up logins. Those under
``fixtures/exports/layouts`` keep the exact layout of a file in another project's test
suite (which one is in ``fixtures/exports/README.md``); the rest follow each product's
own format. A product whose columns overlap another's is reported under its own name,
and a KeePass database is read with its password from standard input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import assert_no_leak
from typer.testing import Result

from hygiene.errors import InputError
from hygiene.exports.interface import Entry, SkipKind, Skipped
from hygiene.exports.registry import open_export

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
LAYOUTS = FIXTURES / "layouts"
Cli = Callable[..., Result]

# The shared vault that every file after a pass-import layout holds
VAULT_LOGINS = {
    "chatter.example": ("kelwin", "Q<rTTmu?#?Hd7%`pL/9w!/'$K", "https://chatter.example/"),
    "chirp.example.org": ("kelwin", "VoLAxrE,mP%-dtOWR8[h#T;]qN", "https://chirp.example.org/"),
    "larch": (
        "mirel@quoba.example",
        "hq7R@;_VC[P|T!3'`~y%WD'KMGRcv#OZ _F8}:JN,[{tu5Lk29",
        "https://banking.larch.example",
    ),
    "mirel@zentori.example": ("mirel", "4TRBmw:.X_P;hG`=DK@r\\f{z8", "https://zentori.example"),
    "mirel@plovask.example": ("mirel", "8fRoy}w3}>KLbq)Xu>7D2GM,t", ""),
    "two words": ("sodrinek", "]hjQWx{%re", "https://pelmora.example"),
}


def read(path: Path, layout: str | None = None) -> tuple[str, list[Entry], list[Skipped]]:
    export = open_export(path, layout)
    items = list(export.items)
    return (
        export.layout.name,
        [i for i in items if isinstance(i, Entry)],
        [i for i in items if isinstance(i, Skipped)],
    )


def by_title(entries: list[Entry]) -> dict[str, tuple[str, str, str]]:
    return {e.title: (e.username, e.password.reveal(), e.url) for e in entries}


@pytest.mark.parametrize(
    ("name", "layout", "count"),
    [
        ("nordpass.csv", "nordpass-csv", 11),
        ("keepass.csv", "keepass-csv", 11),
        ("roboform.csv", "roboform-csv", 11),
        ("safeincloud.csv", "safeincloud-csv", 11),
        ("padlock.csv", "padlock-csv", 11),
        ("zoho_vault.csv", "zoho-csv", 11),
        ("1password6.csv", "1password6-csv", 11),
    ],
)
def test_pass_import_vault_is_read_from_each_product(name: str, layout: str, count: int) -> None:
    found, entries, skipped = read(LAYOUTS / name)
    assert found == layout
    assert len(entries) == count
    titles = by_title(entries)
    for title, expected in VAULT_LOGINS.items():
        assert titles[title] == expected, (name, title)
    # Empty entries, empty passwords and the note are skipped, never audited.
    assert {"blank item", "no password", "memo"}.isdisjoint(titles)
    assert all(s.kind in (SkipKind.NO_PASSWORD, SkipKind.NOT_LOGIN) for s in skipped)


def test_nordpass_folders_and_the_newer_header_with_types(tmp_path: Path) -> None:
    _, _, skipped = read(LAYOUTS / "nordpass.csv")
    assert [(s.row, s.kind) for s in skipped][:6] == [(n, SkipKind.NOT_LOGIN) for n in range(2, 8)]
    newer = tmp_path / "nordpass.csv"
    newer.write_text(
        "name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,"
        "expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,"
        "country,state,type,custom_fields\n"
        'Bank,https://bank.test,"[""https://m.bank.test""]",sam,Vault-Door-5,,,,,,,,,,,,,,,,,'
        "password,\n"
        "Card,,,,,,Sam,4111111111111111,123,,,,,,,,,,,,,credit_card,\n"
    )
    layout, entries, skipped = read(newer)
    assert layout == "nordpass-csv"
    assert entries[0].urls == ("https://bank.test", "https://m.bank.test")
    assert [(s.row, s.kind) for s in skipped] == [(3, SkipKind.NOT_LOGIN)]


def test_zoho_current_and_oldest_layouts(tmp_path: Path) -> None:
    layout, entries, _ = read(LAYOUTS / "zoho_vault_current.csv")
    assert layout == "zoho-csv"
    assert by_title(entries) == {
        "Quill Depot": (
            "nib@mail.example.org",
            "Tn8_WUPKoqLRb3ZV",
            "https://quill.example.org:5001/#/login",
        )
    }
    # The oldest header names three columns; username and password follow unnamed
    # (the layout of roddhjav/pass-import tests/assets/db/zoho.csv).
    oldest = tmp_path / "zoho.csv"
    oldest.write_text(
        '"Secret Name","Secret URL","Notes"\n'
        '"larch","https://banking.larch.example","","mirel@quoba.example","hq7R@;_VC[P","815203"\n'
        '"blank item","","","",""\n'
    )
    layout, entries, skipped = read(oldest)
    assert layout == "zoho-old-csv"
    assert by_title(entries) == {
        "larch": ("mirel@quoba.example", "hq7R@;_VC[P", "https://banking.larch.example")
    }
    assert [s.kind for s in skipped] == [SkipKind.NO_PASSWORD]


def test_buttercup_is_named_and_its_folder_rows_skipped() -> None:
    layout, entries, skipped = read(LAYOUTS / "buttercup.csv")
    assert layout == "buttercup-csv"
    assert by_title(entries) == {
        "Shed Lock": ("potter@garden.example", "ShedKey4412", "https://sheds.example.com"),
        "Greenhouse": ("grower", "GrowPass", "https://greenhouse.example.net"),
    }
    assert [s.kind for s in skipped] == [SkipKind.NOT_LOGIN] * 3


def test_psono_folders_at_any_depth() -> None:
    layout, entries, skipped = read(LAYOUTS / "psono.json")
    assert layout == "psono-json"
    assert by_title(entries) == {
        "Dovetail.example": ("carver", "mitre", "https://www.dovetail.example"),
        "Sawdust": ("joiner", "shavings-3", "https://www.sawdust.example.com/"),
        "Offcut": ("joiner", "shavings-3", "https://bins.offcut.example.org/"),
    }
    assert [s.kind for s in skipped] == [SkipKind.NOT_LOGIN]


def test_enpass_logins_other_items_with_passwords_and_the_trash() -> None:
    layout, entries, skipped = read(FIXTURES / "enpass.json")
    assert layout == "enpass-json"
    assert by_title(entries) == {
        "Library": ("sam@mail.test", "Hedgehog-Lane-14", "https://library.test"),
        "Home router": ("admin", "Router-Attic-77", ""),
    }
    assert [(s.row, s.kind) for s in skipped] == [(2, SkipKind.TRASHED), (3, SkipKind.NOT_LOGIN)]


def test_keepass_xml_skips_history_and_the_recycle_bin() -> None:
    layout, entries, skipped = read(FIXTURES / "keepass.xml")
    assert layout == "keepass-xml"
    assert by_title(entries) == {
        "Canal trust": ("sam", "Canal-Boat&Lock-9", "https://canal.test"),
        "Grocer": ("sam@mail.test", "Basket-Weave-31", "https://grocer.test"),
    }
    assert [s.kind for s in skipped] == [SkipKind.TRASHED]


def test_keeper_csv_without_a_header_and_keeper_json() -> None:
    layout, entries, _ = read(FIXTURES / "keeper.csv")
    assert layout == "keeper-csv"
    assert by_title(entries) == {
        "Allotment": ("sam@mail.test", "Runner-Beans-22", "https://allotment.test"),
        "Bakery": ("sam", 'Crust,Crumb "Loaf"', "https://bakery.test"),
        "Rota": ("sam.w", "Shift-Pattern-7", "https://rota.example.org"),
    }
    assert [e.row for e in entries] == [1, 2, 3]  # a record over two lines counts once
    layout, entries, skipped = read(FIXTURES / "keeper.json")
    assert layout == "keeper-json"
    assert by_title(entries) == {
        "Allotment": ("sam@mail.test", "Runner-Beans-22", "https://allotment.test"),
        "Home Wi-Fi": ("", "Kettle-Attic-48", ""),
    }
    assert [s.kind for s in skipped] == [SkipKind.NOT_LOGIN, SkipKind.NO_PASSWORD]


def test_kaspersky_text_export() -> None:
    layout, entries, skipped = read(FIXTURES / "kaspersky.txt")
    assert layout == "kaspersky-txt"
    assert by_title(entries) == {
        "Allotment": ("sam@mail.test", "Runner-Beans-22", "https://allotment.test"),
        "Bakery": ("sam", "Crust: and crumb", "https://bakery.test"),
        "Photo editor": ("sam", "Darkroom-Red-3", ""),
    }
    assert [s.kind for s in skipped] == [SkipKind.NOT_LOGIN]


def test_safeincloud_xml_picks_the_password_among_secrets() -> None:
    layout, entries, skipped = read(FIXTURES / "safeincloud.xml")
    assert layout == "safeincloud-xml"
    assert by_title(entries) == {
        "Allotment": ("sam@mail.test", "Runner-Beans-22", "https://allotment.test"),
        "Bank": ("", "Counting-House-8", "https://bank.test/login"),
    }
    assert [s.kind for s in skipped] == [
        SkipKind.NOT_LOGIN,
        SkipKind.TRASHED,
        SkipKind.NOT_LOGIN,
    ]


def test_older_proton_pass_csv_without_email_or_vault(tmp_path: Path) -> None:
    path = tmp_path / "proton.csv"
    path.write_text(
        "type,name,url,username,password,note,totp,createTime,modifyTime\n"
        "login,Pottery,https://pottery.test,sam,Glaze-and-fire-3,,,1,1\n"
        "note,Door codes,,,,front 1234,,1,1\n"
    )
    layout, entries, skipped = read(path)
    assert layout == "protonpass-csv"
    assert by_title(entries) == {"Pottery": ("sam", "Glaze-and-fire-3", "https://pottery.test")}
    assert [s.kind for s in skipped] == [SkipKind.NOT_LOGIN]


# --- KeePass databases, read with their password -------------------------------------

DB_PASSWORD = "Correct-Horse-Kdbx-41"


def _database(path: Path) -> Path:
    from pykeepass import create_database

    database = create_database(str(path), password=DB_PASSWORD)
    home = database.add_group(database.root_group, "Home")
    database.add_entry(
        home, "Allotment", "sam@mail.test", "Runner-Beans-22", url="https://allotment.test"
    )
    database.add_entry(database.root_group, "Forum", "sam", "qwerty12", url="http://forum.test")
    gone = database.add_entry(database.root_group, "Gone", "sam", "Deleted-one-5")
    database.trash_entry(gone)
    database.save()
    return path


def test_a_kdbx_is_read_with_its_password_from_stdin(
    tmp_path: Path, cli: Cli, all_logs: pytest.LogCaptureFixture
) -> None:
    path = _database(tmp_path / "vault.kdbx")
    result = cli("audit", str(path), "--offline", "--json", input=DB_PASSWORD + "\n")
    assert result.exit_code == 1  # qwerty12 is weak
    data = json.loads(result.stdout)
    assert data["layout"] == "kdbx"
    assert sorted(e["title"] for e in data["entries"]) == ["Allotment", "Forum"]
    assert data["summary"]["skipped_by_kind"]["trashed"] == 1
    # A KeePass user is never told to delete their database.
    assert "delete the export" not in result.stderr + result.stdout
    logs = "\n".join(r.getMessage() for r in all_logs.records)
    assert_no_leak(DB_PASSWORD, result.stdout, result.stderr, logs)
    assert_no_leak(DB_PASSWORD, files_under=tmp_path)


def test_a_wrong_kdbx_password_is_refused_without_echoing_it(tmp_path: Path, cli: Cli) -> None:
    path = _database(tmp_path / "vault.kdbx")
    wrong = "Not-The-Password-77"
    result = cli("audit", str(path), "--offline", input=wrong + "\n")
    assert result.exit_code == 2
    assert "password for this KeePass database is not right" in result.stderr
    assert_no_leak(wrong, result.stdout, result.stderr)
    assert_no_leak(DB_PASSWORD, result.stdout, result.stderr)
    as_json = cli("audit", str(path), "--offline", "--json", input=wrong + "\n")
    error = json.loads(as_json.stdout)["error"]
    assert error["kind"] == "wrong_password" and error["product"] == "KeePass"


# --- Refusals that help ----------------------------------------------------------------

ONE_PIF = (
    b'{"uuid":"1","typeName":"webforms.WebForm","title":"Bank"}\n'
    b"***5642bee8-a5ff-11dc-8314-0800200c9a66***\n"
)


@pytest.mark.parametrize(
    ("name", "data", "product", "kind"),
    [
        ("old.kdb", bytes.fromhex("03d9a29a65fb4bb5") + b"\x00" * 120, "KeePass 1", "unsupported"),
        ("export.1pif", ONE_PIF, "1Password", "unsupported"),
        (
            "bw.json",
            b'{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.x", "items": []}',
            "Bitwarden",
            "encrypted",
        ),
        ("sealed.pgp", b"-----BEGIN PGP MESSAGE-----\nxx\n", "Proton Pass", "encrypted"),
    ],
)
def test_a_refusal_names_the_product_and_how_to_export(
    name: str, data: bytes, product: str, kind: str, tmp_path: Path, cli: Cli
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("audit", str(path), "--offline")
    assert result.exit_code == 2
    assert product in result.stderr
    as_json = cli("audit", str(path), "--offline", "--json")
    assert as_json.exit_code == 2
    error = json.loads(as_json.stdout)["error"]
    assert error["product"] == product and error["kind"] == kind
    assert product in error["message"]


def test_an_unknown_file_is_refused_as_json_without_row_values(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("x.test;sam;S3cret!word;1;2;3;4;5;6\n" * 3)
    result = cli("audit", str(path), "--offline", "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "unrecognised" and error["product"] is None
    assert "S3cret!word" not in result.stdout + result.stderr


def test_kdbx_without_a_way_to_ask_is_refused_by_name(tmp_path: Path) -> None:
    path = _database(tmp_path / "vault.kdbx")
    with pytest.raises(InputError, match="KeePass database"):
        read(path)
