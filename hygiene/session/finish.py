"""The last steps: the email plan, then the summary and the plan to take away.

The email plan is the email-plan module's own walkthrough and plan; this step keeps where
each account goes and the findings. The summary counts what needs doing, most urgent
first, and offers the whole plan on screen or as a printable page (facts masked).
"""

from __future__ import annotations

from pathlib import Path

from hygiene.emailplan.address import KnownTokens
from hygiene.emailplan.compartments import load_compartments
from hygiene.emailplan.known import known_from_facts, known_from_inventory
from hygiene.emailplan.plan import build_plan as build_email_plan
from hygiene.emailplan.report import plan_lines
from hygiene.emailplan.walkthrough import walk
from hygiene.plan import Plan, progress, to_html, to_markdown
from hygiene.plan.saved import plan_of
from hygiene.render import visible
from hygiene.safefile import NotWritten, unsafe_reason, write_private
from hygiene.session.meeting import Meeting

SUMMARY_CHOICES = ["Show the whole plan here", "Write a printable page", "Finish"]


def email_plan(meeting: Meeting) -> None:
    catalogue = load_compartments()
    inventory = meeting.document.inventory
    known = KnownTokens(known_from_inventory(inventory) + known_from_facts(meeting.facts()))
    answers = walk(meeting.prompter, catalogue, inventory if inventory.accounts else None, known)
    plan = build_email_plan(answers.inventory, catalogue, answers.assignments, answers.proposals)
    for line in plan_lines(plan):
        meeting.prompter.say(line)
    meeting.update(inventory=answers.inventory, email_assignments=dict(answers.assignments))
    meeting.set_findings("email_plan", list(plan.findings))


# Found from the new addresses the person had checked at the email plan step; those are
# not kept, so these findings stay as they were found then.
ADDRESS_CHECKED = "compartment_address_reveals_facts"


def email_plan_again(meeting: Meeting) -> None:
    """The email plan's findings for the accounts as they are now, where each goes kept."""
    document = meeting.document
    plan = build_email_plan(document.inventory, load_compartments(), document.email_assignments)
    checked = [
        f.finding() for f in document.findings.get("email_plan", ()) if f.id == ADDRESS_CHECKED
    ]
    meeting.set_findings("email_plan", [*plan.findings, *checked])


def summary(meeting: Meeting) -> None:
    ask = meeting.prompter
    plan = plan_of(meeting.document, region_id=meeting.region)
    tracked = progress.tracked(plan)
    shown = [(section, tracked.shown_in(section)) for section in plan.sections]
    to_do = [entry for _, entries in shown for entry in entries]
    if to_do:
        ask.say(f"Your plan has {len(to_do)} things to do, most urgent first:")
        for section, entries in shown:
            if entries:
                ask.say(f"- {section.title}: {len(entries)}")
        if headline := progress.headline(plan):
            ask.say(f"So far: {headline}.")
        first = next((entry for entry in to_do if entry.status == "open"), to_do[0]).item
        ask.say(f"First: {visible(first.title)}. {visible(first.steps[0].text)}")
    elif plan.items:
        ask.say("Every item of your plan is marked done.")
    else:
        ask.say("Nothing was found that needs changing.")
    while True:
        choice = ask.choose("What next?", SUMMARY_CHOICES, default=len(SUMMARY_CHOICES) - 1)
        if choice == 0:
            ask.say(to_markdown(plan))
        elif choice == 1:
            _write_page(meeting, plan)
        else:
            break
    label = meeting.document.label
    if meeting.keeping:
        ask.say(
            f"This session is kept as '{label}'. To carry on: hygiene session --resume "
            f"'{label}'. For the plan: hygiene plan '{label}'. To remove it: hygiene forget "
            f"'{label}'."
        )
    else:
        ask.say("Nothing from this meeting was kept on this computer.")


def _write_page(meeting: Meeting, plan: Plan) -> None:
    ask = meeting.prompter
    name = ask.ask("Where should the page be written?", default="hygiene-plan.html").strip()
    path = Path(name).expanduser()
    replace = False
    reason = unsafe_reason(path)
    if reason and "folder" not in reason:
        replace = ask.confirm(f"{path} is not a plain file ({reason}). Replace it with the page?")
    try:
        write_private(path, to_html(plan).encode(), replace_unsafe=replace)
    except NotWritten as exc:
        ask.say(f"The page could not be written: {exc}")
        return
    ask.say(
        f"Written to {path}. It opens in any browser and prints. Personal facts are hidden; "
        "keep the printout somewhere the other person cannot see it."
    )
