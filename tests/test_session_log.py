"""The incident log inside the meeting: notes from the review become entries, more are added."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripted import ScriptedPrompter

from hygiene.accounts.inventory import Inventory
from hygiene.breach.builtin import BuiltinSource
from hygiene.errors import Interrupted
from hygiene.plan import to_markdown
from hygiene.plan.saved import plan_of
from hygiene.session import run_session
from hygiene.vault import Progress, Vault, VaultDocument

SAFE = ["1", "1", "n", ""]  # safe; a safe device; no evidence first; nothing to change
INVENTORY = Inventory.model_validate(
    {
        "account": [
            {
                "label": "Gmail",
                "provider": "google",
                "login": "sam@example.org",
                "note": "a forwarding rule to an address I do not know",
            },
            {"label": "Bank", "provider": "uk_bank"},
        ],
        "contact": [
            {"value": "07700 900123", "controlled_by": "shared", "note": "old family plan he pays"},
        ],
    }
)


@pytest.fixture
def at_the_log(memory_home: Path) -> Vault:
    """A kept session whose next step is the incident log."""
    vault = Vault.with_keyring()
    vault.save(VaultDocument(label="Sam", inventory=INVENTORY, progress=Progress(next_step="log")))
    return vault


def meet(answers: list[str]) -> ScriptedPrompter:
    prompter = ScriptedPrompter(answers)
    with pytest.raises(Interrupted):
        run_session(prompter, resume="Sam", breach=BuiltinSource())
    return prompter


ENTRY = ["yesterday 9pm", "Outside the house", "He waited by my car", "5", "", "", "", "", ""]


def test_review_notes_become_entries_and_more_can_be_added(
    at_the_log: Vault, tmp_path: Path
) -> None:
    shot = tmp_path / "car.jpg"
    shot.write_bytes(b"photo of the car")
    answers = [*SAFE, "y", "n", "y", *ENTRY[:-1], str(shot), "n", "", "y", "n", "<quit>"]
    prompter = meet(answers)
    log = at_the_log.load("Sam").log
    assert [e.what for e in log.entries] == [
        "Found in the accounts review, Gmail: a forwarding rule to an address I do not know",
        "He waited by my car",
    ], "the first note kept, the second declined"
    assert not log.entries[0].time_known
    assert log.entries[1].evidence[0].name == "car.jpg"
    assert at_the_log.load("Sam").progress.next_step == "email_plan"
    assert "The log has 2 entries. To print it: hygiene log export 'Sam' --html log.html" in (
        prompter.transcript
    )


def test_a_note_already_in_the_log_is_not_offered_again(at_the_log: Vault) -> None:
    meet([*SAFE, "y", "y", "n", "<quit>"])
    document = at_the_log.load("Sam")
    at_the_log.save(document.model_copy(update={"progress": Progress(next_step="log")}))
    prompter = meet([*SAFE, "n", "<quit>"])
    assert not any(line.startswith("Found in the accounts review") for line in prompter.transcript)
    assert len(at_the_log.load("Sam").log.entries) == 2


def test_leaving_mid_entry_keeps_the_entries_already_written(at_the_log: Vault) -> None:
    meet([*SAFE, "y", "n", "y", "yesterday", "<quit>"])
    assert len(at_the_log.load("Sam").log.entries) == 1


def test_the_plan_counts_the_log_and_says_how_to_print_it(at_the_log: Vault) -> None:
    meet([*SAFE, "y", "y", "n", "<quit>"])
    plan = to_markdown(plan_of(at_the_log.load("Sam"), show_facts=True))
    assert "## Incident log" in plan
    assert "The incident log holds 2 entries." in plan
    assert "hygiene log export 'Sam' --html log.html" in plan
    hidden = to_markdown(plan_of(at_the_log.load("Sam")))
    assert "hygiene log export NAME" in hidden and "'Sam'" not in hidden


def test_a_meeting_not_kept_writes_no_log() -> None:
    from hygiene.session.log import NOT_KEPT, incident_log
    from hygiene.session.meeting import Meeting

    prompter = ScriptedPrompter([])
    meeting = Meeting(prompter, VaultDocument(label="this meeting", inventory=INVENTORY))
    incident_log(meeting)
    assert prompter.transcript == [NOT_KEPT]
    assert not meeting.document.log.entries
