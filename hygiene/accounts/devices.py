"""Devices in the inventory: who bought and pays for each, who knows its PIN, whether the
other person has held it, and which accounts are signed in on it.

A phone or laptop the other person has had in their hands, or can unlock, opens every
account signed in on it, without a password; in the recovery graph such a device is a
starting point with an edge to each of those accounts. One they bought or pay for may be
managed through their own account or phone plan, so it counts as "may hold". Unknown is
never safe: a device with nothing recorded about who has held it or knows its PIN is
counted as one they may hold. This module also picks the plan's steps for each device
they can open (their wording is in ``checks/findings.toml``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hygiene.findings import Finding, Severity, cause_key, make, phrase

Who = Literal["self", "them", "shared", "unknown"]
DeviceKind = Literal["phone", "tablet", "computer", "watch", "car", "smart_home", "other"]
YesNoMaybe = Literal["yes", "no", "maybe"]
COMPUTING = frozenset({"phone", "tablet", "computer", "watch"})  # accounts are signed in on these


class Device(BaseModel):
    """One device, and who else has had a way into it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    label: str = Field(min_length=1, max_length=200)
    kind: DeviceKind = "other"
    bought_by: Who = "unknown"
    paid_by: Who = "unknown"
    # Not recorded means not known, so "maybe": unknown is never treated as safe.
    pin_known_to_them: YesNoMaybe = "maybe"
    held_by_them: YesNoMaybe = "maybe"
    signed_in: list[str] = []  # account ids
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: object) -> object:
        from hygiene.accounts.inventory import slug

        if isinstance(data, dict) and "id" not in data and isinstance(data.get("label"), str):
            derived = slug(data["label"])
            if derived:
                data = {**data, "id": derived}
        return data

    def holding(self) -> tuple[bool | None, str | None]:
        """(held, why) for the recovery graph: True they hold it, False they may, None not."""
        if self.held_by_them == "yes" and self.pin_known_to_them == "yes":
            return True, "which they have held and can unlock"
        if self.held_by_them == "yes":
            return True, "which they have held"
        if self.pin_known_to_them == "yes":
            return True, "whose PIN they know"
        if "them" in (self.bought_by, self.paid_by):
            payer = "they bought" if self.bought_by == "them" else "they pay for"
            return False, f"which {payer}, so they may manage it through their own account"
        if self.held_by_them == "maybe" or self.pin_known_to_them == "maybe":
            return False, "which they may have held or can unlock: nobody has said"
        if "shared" in (self.bought_by, self.paid_by):
            return False, "which is on a shared plan or account"
        return None, None


def device_finding(device: Device, accounts: list[str], opens: str | None) -> Finding | None:
    """The plan's step for a device the other person holds or may hold (None if neither).

    ``accounts`` are the labels of the accounts signed in on it; ``opens`` says what they
    reach through it, chains included, when the recovery graph has counted that.
    """
    held, reason = device.holding()
    if held is None:
        return None
    if opens:
        reach = phrase("device_reaches", opens=opens)
    elif accounts:
        reach = phrase("device_signed_in", accounts=", ".join(accounts))
    elif device.kind in COMPUTING:
        reach = phrase("device_accounts_unknown")
    else:
        reach = phrase("device_who_else")
    return make(
        "device_open_to_them",
        severity=Severity.URGENT if held and accounts else Severity.HIGH,
        subject=device.label,
        values={
            "device": device.label,
            "reason": reason or "",
            "reach": reach,
            "steps": " ".join(_device_steps(device)),
        },
        variant=() if held else "uncertain",
        cause=cause_key(f"device:{device.id}"),
    )


def _device_steps(device: Device) -> list[str]:
    if device.kind not in COMPUTING:
        steps = [phrase("device_change_access", device=device.label)]
    else:
        steps = [phrase("device_sign_out", device=device.label)]
        if device.kind in {"phone", "tablet"}:
            steps.append(phrase("device_phone_check"))
    if "them" in (device.bought_by, device.paid_by):
        steps.append(phrase("device_theirs"))
    return steps
