"""The catalogue report: per provider, what is unconfirmed and what is due a re-check."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from hygiene.accounts.freshness import freshness, freshness_lines
from hygiene.accounts.providers import load_catalogue, shipped_catalogue

PAGE = """
id = "example"
name = "Example Mail"
category = "other"
url = "https://example.com"
last_checked = 2026-01-01

[[item]]
id = "recovery"
kind = "recovery"
title = "Recovery phone"
what = "Check the recovery phone is yours."
where = "Settings"
why = "Whoever holds it can reset the password."
can_alert_abuser = "maybe"
alert_note = "The old number may be told. Keep evidence first."
source = "https://example.com/help/recovery"
last_checked = 2026-01-10

[[item]]
id = "two_factor"
kind = "two_factor"
title = "Second step"
what = "Check who holds the second step."
where = "Settings"
why = "Whoever holds it passes the second step."
can_alert_abuser = "maybe"
alert_note = "They may notice. Keep evidence first."
unconfirmed = true
why_unconfirmed = "No help page for it was found."
source = "a guide"
last_checked = 2026-11-30

[[item]]
id = "sessions"
kind = "sessions"
title = "Sessions"
what = "Change the password first, then sign out of sessions you do not know."
where = "Settings"
why = "A session gets in without the password."
can_alert_abuser = "maybe"
alert_note = "Their session ends. Keep evidence first."
source = "https://example.com/help/sessions"
last_checked = 2026-11-30
"""


def _report(tmp_path: Path, today: datetime.date):
    (tmp_path / "example.toml").write_text(PAGE, encoding="utf-8")
    return freshness(load_catalogue([tmp_path / "example.toml"]), today)


def test_a_page_reports_its_unconfirmed_items_with_why_and_its_old_ones(tmp_path: Path):
    report = _report(tmp_path, datetime.date(2026, 12, 2))
    [page] = report.pages
    assert page.items == 3
    assert [i.id for i in page.unconfirmed] == ["two_factor"]
    assert [i.id for i in page.stale] == ["recovery"]  # 326 days before
    assert report.needs_work
    text = "\n".join(freshness_lines(report))
    assert "3 items on 1 provider pages; 1 not confirmed (33%); 1 last checked more" in text
    assert "two_factor: not confirmed. No help page for it was found." in text
    assert "recovery: last checked 2026-01-10." in text


def test_an_item_is_old_only_after_180_days(tmp_path: Path):
    report = _report(tmp_path, datetime.date(2026, 7, 9))  # 180 days after 2026-01-10
    assert not report.pages[0].stale
    assert [i.id for i in _report(tmp_path, datetime.date(2026, 7, 10)).pages[0].stale] == [
        "recovery"
    ]


def test_the_catalogue_command_lists_every_provider(cli):
    result = cli("catalogue", "--json")
    data = json.loads(result.stdout)
    ids = {page["provider"] for page in data["providers"]}
    assert {"google", "apple", "generic"} <= ids
    assert data["items"] == sum(page["items"] for page in data["providers"])
    assert result.exit_code == (1 if data["unconfirmed"] or data["stale"] else 0)
    text = cli("catalogue").stdout
    assert "google" in text and "unconfirmed" in text


def test_at_most_a_fifth_of_the_shipped_catalogue_is_unconfirmed_and_each_says_why():
    report = freshness(shipped_catalogue(), datetime.date(2026, 12, 2))
    assert report.items >= 100
    assert report.unconfirmed <= report.items // 5
    for page in report.pages:
        assert all(item.why_unconfirmed for item in page.unconfirmed), page.provider_id
