"""What is going on and what they know: the warning signs, then the personal facts.

The signs questionnaire and its assessment are the signs module's own; this step only
keeps the answers and findings. Facts are asked one at a time; an old password the other
person knows is asked hidden and held in memory for the password checks, never kept.
"""

from __future__ import annotations

from hygiene.session.meeting import Meeting
from hygiene.signs.assess import ask as ask_signs
from hygiene.signs.assess import assess as assess_signs
from hygiene.signs.catalogue import load_signs
from hygiene.signs.report import result_lines
from hygiene.vault import KeptFact

# (kind, what the option says, the question for its value)
FACT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("name", "A name (a child, a pet, a family member, yours)", "The name"),
    ("date", "A date (a birthday, an anniversary)", "The date"),
    ("place", "A place (a town, a street, a school)", "The place"),
    ("number", "A number (a house number, part of a phone number)", "The number"),
    ("word", "A word they link to you (a team, a band, a nickname)", "The word"),
    ("answer", "An answer to a security question", "The answer"),
)
OLD_PASSWORD = "An old password they know (checked, never kept)"
DONE = "No more facts"


def signs(meeting: Meeting) -> None:
    catalogue = load_signs()
    answers = ask_signs(meeting.prompter, catalogue)
    result = assess_signs(catalogue, answers)
    for line in result_lines(result, in_session=True):
        meeting.prompter.say(line)
    meeting.update(signs=dict(answers))
    meeting.set_findings("signs", list(result.findings))


def facts(meeting: Meeting) -> None:
    ask = meeting.prompter
    kept = len(meeting.document.facts)
    ask.say(
        "Now what the other person knows about you: names, dates, places, numbers, words. "
        "Passwords are often built from these, so each password will be checked against them."
        + (f" {kept} facts are here already; you can add more." if kept else "")
    )
    options = [label for _, label, _ in FACT_KINDS] + [OLD_PASSWORD, DONE]
    while True:
        choice = ask.choose("What would you like to add?", options, default=len(options) - 1)
        if choice == len(options) - 1:
            return
        if choice == len(FACT_KINDS):
            old = ask.secret("The old password")
            if old:
                meeting.add_old_password(old.reveal())
                ask.say("Noted for the checks. It will not be kept.")
            continue
        kind, _, question = FACT_KINDS[choice]
        value = ask.ask(question).strip()
        if not value:
            continue
        label = ask.ask("What is it? For example: daughter, pet, first school (optional)")
        fact = KeptFact.model_validate(
            {"kind": kind, "value": value[:200], "label": label.strip()[:100]}
        )
        meeting.update(facts=(*meeting.document.facts, fact))
