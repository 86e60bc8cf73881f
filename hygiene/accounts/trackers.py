"""The plan's steps for hidden trackers: the phones' unknown-tracker alerts, and the car.

Given once the inventory lists devices: a tracker in a bag or on a car shows where the
person goes even after every account is safe. The words come from the catalogue's
trackers page, which cites where each step was checked and says what is not confirmed.
"""

from __future__ import annotations

from hygiene.accounts.devices import Device
from hygiene.accounts.providers import Catalogue, Item, where_text
from hygiene.findings import Finding, Severity, cause_key, make

TRACKER_ALERTS = ("android_unknown_tracker_alerts", "iphone_tracking_notifications")
CAR_TRACKER = "car_gps_tracker"


def tracker_findings(devices: list[Device], catalogue: Catalogue) -> list[Finding]:
    """The tracker steps for an inventory with ``devices``; the car's when it lists one."""
    page = catalogue.get("trackers")
    if page is None or not devices:
        return []
    items = {item.id: item for item in page.items}
    alerts = [items[i] for i in TRACKER_ALERTS if i in items]
    findings = []
    if alerts:
        findings.append(
            make(
                "tracker_alerts_check",
                severity=Severity.MEDIUM,
                subject="trackers",
                title="Hidden trackers: the phone's unknown-tracker alerts",
                why=alerts[0].why,
                fix=" ".join(_step(item) for item in alerts),
                safety=_alert_note(alerts),
                cause=cause_key("trackers"),
            )
        )
    cars = [d for d in devices if d.kind == "car"]
    if CAR_TRACKER in items and cars:
        car = items[CAR_TRACKER]
        theirs = any(d.holding()[0] is not None for d in cars)
        findings.append(
            make(
                "car_tracker_check",
                severity=Severity.HIGH if theirs else Severity.MEDIUM,
                subject=", ".join(d.label for d in cars),
                title=f"Hidden trackers: {', '.join(d.label for d in cars)}",
                why=car.why
                + (
                    " They have had a way into it, so look before you rely on it." if theirs else ""
                ),
                fix=_step(car),
                safety=_alert_note([car]),
                cause=cause_key("trackers:car"),
            )
        )
    return findings


def _step(item: Item) -> str:
    return f"{item.title}: {item.what} Where: {where_text(item)}."


def _alert_note(items: list[Item]) -> str | None:
    """What the catalogue says these steps can tell them; None leaves the shared note."""
    return " ".join(dict.fromkeys(item.alert_note or "" for item in items)).strip() or None
