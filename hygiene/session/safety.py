"""The first questions of every meeting: is the person safe now, is this device safe, and
keep evidence before anything changes.

If the person is not safe, the emergency numbers come at once, before anything else, and
the meeting can stop there. Nothing said here is kept except, when the device may be
watched, a reminder in the plan to make changes somewhere safer.
"""

from __future__ import annotations

from hygiene.findings import Severity, cause_key, make
from hygiene.helplines import load_region
from hygiene.session.meeting import Meeting

SAFE_NOW = ["Yes, I am safe right now", "No, or I am not sure"]
DEVICE = ["Yes, they have never held or used it", "No, they have", "I am not sure"]

EVIDENCE = (
    "Before anything is changed: keep evidence. Take screenshots or photos of messages, "
    "sign-in alerts and settings, with the date and the sender, ideally with another device. "
    "Changing a password or removing a device can alert the other person and can erase "
    "what shows they were there."
)

DEVICE_FINDING = make(
    "device_may_be_watched", severity=Severity.URGENT, cause=cause_key("device_used_for_changes")
)


def safety_first(meeting: Meeting) -> None:
    ask = meeting.prompter
    ask.say(
        "We go one step at a time. Type q at any question, or press Ctrl-C, to leave at once: "
        "the screen is cleared."
    )
    if ask.choose("First: are you safe right now?", SAFE_NOW) == 1:
        region = load_region(meeting.region)
        for line in region.helpline:
            if line.urgent:
                ask.say(f"If you are in danger now, call {line.name}: {line.number}. {line.when}")
        for line in region.helpline:
            if not line.urgent:
                ask.say(f"{line.name}: {line.number}. {line.when}")
        if not ask.confirm("Do you want to go on with the meeting now?", default=False):
            meeting.stopped = True
            return
    watched = ask.choose(
        "Is the phone or computer you will make changes on one the other person has never "
        "held, used or set up?",
        DEVICE,
    )
    findings = []
    if watched != 0:
        findings.append(DEVICE_FINDING)
        ask.say(
            "Then make the changes later, on a device they have never held. Today we only "
            "look and plan; nothing is changed by this meeting."
        )
    meeting.set_findings("safety", findings)
    ask.say(EVIDENCE)
    if ask.confirm("Is there anything you want to keep as evidence before we go on?"):
        ask.ask("Take your time. Press Enter when you are ready to go on")
