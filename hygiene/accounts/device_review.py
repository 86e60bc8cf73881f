"""The guided devices review: each phone, tablet, computer or car, and who else had a way in.

Plain numbered questions, one device at a time: what it is, who bought it and who pays for
it, whether the other person knows its PIN or has held it, and which of the inventory's
accounts are signed in on it. ``keep`` is called after each device (the file review writes
the file, a session saves it encrypted), so leaving at any question loses nothing before
it. It only records; nothing on any device is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from hygiene.accounts.devices import COMPUTING, Device, DeviceKind, Who, YesNoMaybe
from hygiene.accounts.inventory import Inventory, slug
from hygiene.prompts import Prompter
from hygiene.render import visible

KINDS: list[tuple[str, DeviceKind]] = [
    ("A phone", "phone"),
    ("A tablet", "tablet"),
    ("A laptop or computer", "computer"),
    ("A smartwatch", "watch"),
    ("A car", "car"),
    ("A smart speaker, doorbell or other home device", "smart_home"),
    ("Something else", "other"),
]
FINISHED = "No more devices"
WHO: list[tuple[str, Who]] = [
    ("Me", "self"),
    ("Them", "them"),
    ("Both of us, or a shared plan", "shared"),
    ("I do not know", "unknown"),
]
YES_NO_MAYBE: list[tuple[str, YesNoMaybe]] = [
    ("Yes", "yes"),
    ("No", "no"),
    ("Maybe, or not sure", "maybe"),
]
INTRO = (
    "Now the devices: your phone, tablets, computers, a car, anything the other person has "
    "held, paid for or could unlock. A device they can get into opens every account signed "
    "in on it, without a password. This only records; nothing on the device is changed."
)
T = TypeVar("T")


def review_devices(
    prompter: Prompter, inv: Inventory, keep: Callable[[Inventory, Device], None]
) -> None:
    """Add one device after another to ``inv`` until the person has finished."""
    prompter.say(INTRO)
    while True:
        options = [text for text, _ in KINDS] + [FINISHED]
        choice = prompter.choose("Which device shall we record next?", options)
        if choice == len(KINDS):
            return
        device = _ask_device(prompter, inv, KINDS[choice][1])
        inv.devices.append(device)
        keep(inv, device)


def review_device_again(prompter: Prompter, inv: Inventory, device: Device) -> None:
    """Ask the questions about ``device`` again; the answers replace the old ones in ``inv``."""
    prompter.say(f"{visible(device.label)}: what you say now replaces what was said before.")
    again = _answers(prompter, inv, device.kind, device.label)
    kept = {"id": device.id, "note": device.note}  # not asked: what points at it still does
    inv.devices[inv.devices.index(device)] = again.model_copy(update=kept)


def _ask_device(prompter: Prompter, inv: Inventory, kind: DeviceKind) -> Device:
    taken = {d.id for d in inv.devices}
    while True:
        label = prompter.ask("What do you call it? (for example: my old iPhone)").strip()
        if slug(label) and slug(label) not in taken:
            break
        prompter.say(
            "Please type a name with letters or digits"
            + (", different from the devices already listed." if slug(label) else ".")
        )
    return _answers(prompter, inv, kind, label)


def _answers(prompter: Prompter, inv: Inventory, kind: DeviceKind, label: str) -> Device:
    """Who bought and pays for the device ``label``, who can open it, what is signed in."""
    bought = _pick(prompter, f"Who bought {label}?", WHO)
    paid = _pick(prompter, f"Who pays for {label} now (its plan or finance)?", WHO)
    pin = _pick(prompter, f"Do they know the PIN, passcode or password of {label}?", YES_NO_MAYBE)
    held = _pick(prompter, f"Have they held {label}, or had it to themselves?", YES_NO_MAYBE)
    # Accounts are signed in on phones and computers; a car or a doorbell has its own app.
    signed_in = _signed_in(prompter, inv, label) if kind in COMPUTING | {"other"} else []
    return Device(
        id=slug(label),
        label=label,
        kind=kind,
        bought_by=bought,
        paid_by=paid,
        pin_known_to_them=pin,
        held_by_them=held,
        signed_in=signed_in,
    )


def _pick(prompter: Prompter, question: str, options: list[tuple[str, T]]) -> T:
    return options[prompter.choose(question, [text for text, _ in options])][1]


def _signed_in(prompter: Prompter, inv: Inventory, label: str) -> list[str]:
    if not inv.accounts:
        return []
    for number, account in enumerate(inv.accounts, start=1):
        prompter.say(f"  {number}. {account.label}")
    while True:
        answer = prompter.ask(
            f"Which of these accounts are signed in on {label}? Type their numbers, "
            "separated by commas (leave empty if none, or if you do not know)"
        )
        parts = [p.strip() for p in answer.split(",") if p.strip()]
        if all(p.isdigit() and 1 <= int(p) <= len(inv.accounts) for p in parts):
            chosen = dict.fromkeys(inv.accounts[int(p) - 1].id for p in parts)
            return list(chosen)
        prompter.say(f"Please type numbers from 1 to {len(inv.accounts)}, or leave it empty.")
