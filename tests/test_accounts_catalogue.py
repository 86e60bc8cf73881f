"""The provider catalogue: all of it loads, every error at once, and unknowns fall back."""

from __future__ import annotations

from pathlib import Path

import pytest

from hygiene.accounts.providers import REQUIRED, load_catalogue, where_text
from hygiene.catalogue import content_files
from hygiene.errors import InputError

ASKED_FOR = [
    "google",
    "apple",
    "microsoft",
    "facebook",
    "instagram",
    "whatsapp",
    "snapchat",
    "x",
    "tiktok",
    "amazon",
    "paypal",
    "uk_bank",
    "mobile_carrier",
    "email_generic",
]


def test_the_whole_catalogue_loads_and_covers_every_provider_asked_for():
    catalogue = load_catalogue()
    ids = {p.id for p in catalogue.providers}
    assert set(ASKED_FOR) <= ids
    for path in content_files("providers"):
        assert catalogue.get(path.stem) is not None, f"{path.name}: id differs from file name"
    for provider in catalogue.providers:
        kinds = {item.kind for item in provider.items}
        assert set(REQUIRED["*"]) <= kinds or not provider.account
        for item in provider.items:
            assert item.last_checked.year >= 2026
            if not provider.generic:
                assert item.url or provider.url


def test_mail_providers_cover_routing_and_the_carrier_covers_the_line():
    catalogue = load_catalogue()
    for provider_id in ["google", "apple", "microsoft", "email_generic"]:
        provider = catalogue.get(provider_id)
        assert provider is not None
        assert {"forwarding", "filters", "delegation"} <= {i.kind for i in provider.items}
    carrier = catalogue.get("mobile_carrier")
    assert carrier is not None
    assert {"account_holder", "port_out", "sim_swap"} <= {i.kind for i in carrier.items}


def test_an_unconfirmed_path_is_shown_as_such():
    catalogue = load_catalogue()
    google = catalogue.get("google")
    assert google is not None
    app = next(i for i in google.items if i.id == "app_passwords")
    assert where_text(app).endswith("[may differ]")
    doubted = app.model_copy(update={"unconfirmed": True, "why_unconfirmed": "not found"})
    assert where_text(doubted).endswith("[may differ; not confirmed]")
    for provider in catalogue.providers:
        for item in provider.items:
            shown = where_text(item)
            assert shown.endswith("not confirmed]") == item.unconfirmed, shown


def test_errors_in_two_files_are_reported_together(tmp_path: Path):
    good = Path(content_files("providers")[0]).read_text()
    (tmp_path / "ok.toml").write_text(good)
    (tmp_path / "one.toml").write_text(
        good.replace("can_alert_abuser = ", 'can_alert_abuser = "often"\nold = ', 1)
    )
    (tmp_path / "two.toml").write_text(
        'id = "two"\nname = "Two"\ncategory = "email"\nlast_checked = 2026-01-01\n\n'
        '[[item]]\nid = "r"\nkind = "recovery"\ntitle = "Ensure recovery"\n'
        'what = "Look at the recovery details."\nwhere = "Settings"\n'
        'url = "http://example.com"\nwhy = "Because it matters."\ncan_alert_abuser = "no"\n'
        'source = "test"\nlast_checked = 2026-01-01\n'
    )
    with pytest.raises(InputError) as caught:
        load_catalogue(tmp_path.glob("*.toml"))
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "one.toml, line" in text and "can_alert_abuser" in text
    assert "two.toml, line 9 (item[1].title)" in text
    assert "two.toml, line 12 (item[1].url)" in text
    assert "ok.toml" not in text


def test_a_page_missing_what_its_kind_needs_says_what_is_missing(tmp_path: Path):
    (tmp_path / "mail.toml").write_text(
        'id = "mail"\nname = "Mail"\ncategory = "email"\nlast_checked = 2026-01-01\n\n'
        '[[item]]\nid = "r"\nkind = "recovery"\ntitle = "Recovery"\n'
        'what = "Look at the recovery details."\nwhere = "Settings"\n'
        'why = "Because it matters."\ncan_alert_abuser = "maybe"\n'
        'source = "test"\nlast_checked = 2026-01-01\n'
    )
    with pytest.raises(InputError) as caught:
        load_catalogue([tmp_path / "mail.toml"])
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "line 6 (item[1])" in text and "alert_note" in text
    assert "ok.toml" not in text


def test_an_unknown_provider_falls_back_to_the_general_checklist_said_as_such():
    catalogue = load_catalogue()
    known = catalogue.checklist("Gmail")
    assert known.provider.id == "google" and not known.fallback and known.notice is None
    assert catalogue.checklist("Twitter").provider.id == "x"
    unknown = catalogue.checklist("Tesco Clubcard")
    assert unknown.fallback and unknown.provider.id == "generic"
    assert unknown.notice is not None and '"Tesco Clubcard"' in unknown.notice
    assert "general checklist" in unknown.notice
    mail = catalogue.checklist("Mailbox.org", category="email")
    assert mail.provider.id == "email_generic" and mail.fallback


def test_a_mail_page_without_forwarding_filters_or_delegation_is_refused(tmp_path: Path):
    (tmp_path / "mail.toml").write_text(
        'id = "mail"\nname = "Mail"\ncategory = "email"\nlast_checked = 2026-01-01\n'
        'url = "https://mail.example"\n\n'
        '[[item]]\nid = "r"\nkind = "recovery"\ntitle = "Recovery"\n'
        'what = "Look at the recovery details."\nwhere = "Settings"\n'
        'why = "Because it matters."\ncan_alert_abuser = "maybe"\n'
        'alert_note = "They may be told. Keep evidence first."\n'
        'source = "https://mail.example/help"\nlast_checked = 2026-01-01\n'
    )
    with pytest.raises(InputError) as caught:
        load_catalogue([tmp_path / "mail.toml"])
    assert "no item covers: two_factor, sessions, forwarding, filters, delegation" in str(
        caught.value
    )
