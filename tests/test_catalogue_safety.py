"""The catalogue's safety rules: the loader refuses unsafe advice; the review's findings stay fixed.

Each rule is shown refusing a bad provider file; then every difference and unsafe item
found when the catalogue was compared with the providers' own help is checked on the
shipped catalogue, so none of them can quietly come back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hygiene.accounts.providers import Item, Provider, load_catalogue, shipped_catalogue
from hygiene.errors import InputError

GOOD = {
    "id": "r",
    "kind": "recovery",
    "title": "Recovery phone",
    "what": "Check the recovery phone is yours.",
    "where": "Settings → Security",
    "url": "https://example.com/help/recovery",
    "why": "Whoever holds it can reset the password.",
    "can_alert_abuser": "maybe",
    "alert_note": "The old number may be told. Keep evidence first: a screenshot.",
    "source": "https://example.com/help/recovery",
    "last_checked": "2026-12-02",
}


def _page(tmp_path: Path, **changes: object) -> Path:
    """A one-provider file whose recovery item has ``changes`` (None removes a field)."""
    item = {**GOOD, **changes}
    lines = [
        'id = "example"',
        'name = "Example"',
        'category = "other"',
        "last_checked = 2026-12-02",
        'url = "https://example.com"',
        "",
    ]
    for kind in ("two_factor", "sessions"):
        lines += [
            "[[item]]",
            f'id = "{kind}"',
            f'kind = "{kind}"',
            'title = "The setting"',
            'what = "Change the password first, then look at it."',
            'where = "Settings"',
            'why = "Because it matters."',
            'can_alert_abuser = "maybe"',
            'alert_note = "They may notice. Keep evidence first."',
            'source = "https://example.com/help"',
            "last_checked = 2026-12-02",
            "",
        ]
    lines.append("[[item]]")
    for key, value in item.items():
        if value is None:
            continue
        if key == "last_checked":
            lines.append(f"{key} = {value}")
        elif isinstance(value, bool):
            lines.append(f"{key} = {str(value).lower()}")
        else:
            lines.append(f'{key} = "{value}"')
    path = tmp_path / "example.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_catalogue([path])
    return "\n".join(str(p) for p in caught.value.problems)


def test_the_good_page_loads(tmp_path: Path):
    assert load_catalogue([_page(tmp_path)]).get("example") is not None


@pytest.mark.parametrize("kind", ["two_factor", "recovery", "sessions", "delegation", "forwarding"])
def test_removing_their_access_cannot_be_marked_as_unable_to_alert_them(tmp_path: Path, kind: str):
    text = _refusal(_page(tmp_path, kind=kind, can_alert_abuser="no", alert_note=None))
    assert "example.toml" in text and "item[3]" in text
    assert 'can_alert_abuser must be "maybe" or "yes"' in text


def test_a_removal_from_a_kind_that_is_not_a_removal_kind_is_caught_by_its_words(tmp_path: Path):
    text = _refusal(
        _page(
            tmp_path,
            kind="other",
            what="Look for device profiles and remove them.",
            can_alert_abuser="no",
            alert_note=None,
        )
    )
    assert 'can_alert_abuser must be "maybe"' in text


def test_a_removal_without_keeping_evidence_first_is_refused(tmp_path: Path):
    text = _refusal(_page(tmp_path, kind="delegation", alert_note="They lose the mailbox."))
    assert "keep evidence first" in text


def test_an_export_that_sends_a_notice_must_say_so(tmp_path: Path):
    quiet = _refusal(
        _page(
            tmp_path,
            kind="evidence",
            title="Download your data",
            what="Download your data before changing anything.",
            can_alert_abuser="no",
            alert_note=None,
        )
    )
    assert "can send an email or notice" in quiet
    vague = _refusal(
        _page(
            tmp_path,
            kind="evidence",
            title="Download your data",
            what="Download your data before changing anything.",
            alert_note="It may be seen.",
        )
    )
    assert "what notice the export sends" in vague


def test_signing_out_before_changing_the_password_is_refused(tmp_path: Path):
    text = _refusal(
        _page(
            tmp_path,
            kind="sessions",
            what="Look for sessions you do not recognise; sign them out, then change the password.",
        )
    )
    assert "change the password first, then sign out" in text
    never = _refusal(_page(tmp_path, kind="sessions", what="Log out of all other sessions."))
    assert "change the password first" in never


def test_a_confirmed_item_cites_an_address_and_an_unconfirmed_one_says_why(tmp_path: Path):
    assert "cites the address" in _refusal(_page(tmp_path, source="general knowledge"))
    assert "why_unconfirmed" in _refusal(_page(tmp_path, unconfirmed=True))
    loaded = load_catalogue(
        [
            _page(
                tmp_path,
                unconfirmed=True,
                why_unconfirmed="No help page found.",
                source="a guide",
            )
        ]
    )
    provider = loaded.get("example")
    assert provider is not None and provider.items[-1].unconfirmed


def _item(provider: str, item_id: str) -> Item:
    page: Provider | None = shipped_catalogue().get(provider)
    assert page is not None, provider
    return next(i for i in page.items if i.id == item_id)


def test_google_recovery_says_where_it_lives_and_that_old_contacts_get_codes_for_7_days():
    item = _item("google", "recovery_email_phone")
    assert "Personal info" in item.where and "Contact info" in item.where
    assert "7 days" in item.what and "7 days" in (item.alert_note or "")
    assert "183723" in item.source


def test_google_app_passwords_are_revoked_by_a_password_change_and_cite_the_live_page():
    item = _item("google", "app_passwords")
    assert "1070455" not in f"{item.url} {item.source}"
    assert "revokes them all" in item.what
    assert "after the main password is changed" not in item.why


def test_google_connections_and_partner_sharing_use_the_current_paths():
    assert _item("google", "third_party_access").url == "https://myaccount.google.com/connections"
    photos = _item("google", "android_and_photos")
    assert "Photos settings → Sharing → Partner sharing" in photos.where


def test_apple_addresses_point_at_the_right_personal_safety_pages():
    assert "ips2aad835e1" in (_item("apple", "safety_check").url or "")
    assert "ips75b3b794f" in (_item("apple", "shared_access").url or "")
    for item_id in ("location", "profiles", "shared_access"):
        assert "ips2aad835e1" not in (_item("apple", item_id).url or ""), item_id
    assert "scroll" in _item("apple", "two_factor_devices").where


def test_apple_profiles_warn_that_a_work_profile_may_be_legitimate():
    item = _item("apple", "profiles")
    assert "employer" in item.what and item.can_alert_abuser != "no"


def test_microsoft_reset_does_not_name_an_option_that_no_longer_exists():
    item = _item("microsoft", "reset_help")
    assert "someone else is using my account" not in item.where
    # Microsoft's reset page (support.microsoft.com/help/4026971) has no reason step: the code
    # goes to an alternate contact the person picks, which may be theirs.
    assert "security code" in item.where and "alternate" in (item.alert_note or "")


def test_instagram_login_activity_is_under_accounts_center():
    assert _item("instagram", "login_activity").where.startswith("Accounts Center")
    assert "login_activity" not in (_item("instagram", "security_checkup").url or "")


def test_whatsapp_pin_text_gives_no_false_reassurance():
    item = _item("whatsapp", "two_step_pin")
    assert "waits only 7 days" not in item.what
    assert "Without a PIN" in item.what and "at once" in item.what
    assert _item("whatsapp", "linked_devices").url != "https://web.whatsapp.com"


def test_stopping_whatsapp_live_location_says_the_last_location_stays_visible():
    # WhatsApp's own page: after sharing stops, the chat still shows the last location.
    assert "last location" in _item("whatsapp", "live_location").what


def test_x_two_factor_warns_that_a_backup_code_or_open_session_gets_past_it():
    # X's own help: a backup code signs in without the phone, and two-factor authentication
    # can be turned off from anywhere still logged in, so turning it on is not enough alone.
    item = _item("x", "two_factor")
    assert "backup code" in item.what and "logged in" in item.what
    assert "change the password first" in item.what


def test_instagram_does_not_promise_that_a_password_change_logs_everyone_out():
    # No Instagram page confirmed it, and guides say the change page may offer a choice.
    assert "logs out every" not in _item("instagram", "login_activity").advice


def test_amazon_household_names_amazon_family_and_alexa_drop_in():
    item = _item("amazon", "household")
    assert "Amazon Family" in item.what and "Drop In" in item.what


def test_exports_that_send_a_notice_are_not_marked_silent():
    for provider, item_id in [("google", "takeout"), ("facebook", "download_information")]:
        item = _item(provider, item_id)
        assert item.can_alert_abuser != "no", provider
        assert "email" in (item.alert_note or "") and "forward" in (item.alert_note or "")


def test_no_shipped_item_signs_them_out_before_the_password_changes():
    item = _item("generic", "sessions")
    assert item.what.index("password") < item.what.index("sign them out")


def test_every_removal_in_the_shipped_catalogue_may_alert_and_keeps_evidence_first():
    removals = [i for p in shipped_catalogue().providers for i in p.items if i.removes_access]
    assert len(removals) > 50
    for item in removals:
        assert item.can_alert_abuser != "no", item.id
        assert "evidence" in item.advice.lower(), item.id


def test_the_missing_items_the_review_named_now_exist():
    catalogue = shipped_catalogue()
    wanted = {
        "google": {"find_my_device", "location_sharing", "android_and_photos"},
        "apple": {"shared_albums_and_library", "check_in"},
        "smart_home": {
            "ring_shared_users",
            "alexa_drop_in",
            "alexa_household",
            "google_home_members",
        },
        "trackers": {
            "android_unknown_tracker_alerts",
            "iphone_tracking_notifications",
            "car_gps_tracker",
        },
        "connected_car": {"app_users_and_location"},
        "home_router": {"connected_devices", "admin_password"},
        "family_safety": {"microsoft_family_group", "google_family_link"},
    }
    for provider_id, items in wanted.items():
        page = catalogue.get(provider_id)
        assert page is not None, provider_id
        assert items <= {i.id for i in page.items}, provider_id
        for item in page.items:
            assert item.where and item.why and item.source
            assert item.can_alert_abuser == "no" or item.alert_note
    assert catalogue.checklist("AirTag").provider.id == "trackers"
    assert catalogue.checklist("Ring doorbell").provider.id == "smart_home"


def test_phone_company_protections_warn_that_an_account_in_their_name_can_tell_them():
    for item_id in ("port_out", "sim_swap"):
        found = _item("mobile_carrier", item_id)
        assert found.can_alert_abuser == "maybe"
        assert "in their name" in (found.alert_note or "")
