"""The plan's steps for hidden trackers: the phones' unknown-tracker alerts, and the car.

Given once the inventory lists devices: a tracker in a bag or on a car shows where the
person goes even after every account is safe. The steps come from the catalogue's
trackers page, which cites where each step was checked and says what is not confirmed;
the finding's wording around them is in ``checks/findings.toml``.
"""

from __future__ import annotations

from hygiene.accounts.devices import Device
from hygiene.accounts.providers import Catalogue, Item, where_text
from hygiene.findings import Finding, Severity, cause_key, make, phrase

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
                values={"about": alerts[0].why, "steps": " ".join(_step(i) for i in alerts)},
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
                values={
                    "cars": ", ".join(d.label for d in cars),
                    "about": car.why,
                    "steps": _step(car),
                },
                variant="theirs" if theirs else (),
                safety=_alert_note([car]),
                cause=cause_key("trackers:car"),
            )
        )
    return findings


def _step(item: Item) -> str:
    return phrase("tracker_step", title=item.title, what=item.what, place=where_text(item))


def _alert_note(items: list[Item]) -> str | None:
    """What the catalogue says these steps can tell them; None leaves the shared note."""
    return " ".join(dict.fromkeys(item.alert_note or "" for item in items)).strip() or None
