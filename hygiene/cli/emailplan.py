"""``hygiene email-plan``: separate addresses for separate parts of life, and the safe order
of the move; ``hygiene email-plan check-address`` checks one proposed address."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json, Region
from hygiene.cli.render import print_json
from hygiene.cli.shape import PlainGroup
from hygiene.render.findings import text_lines

if TYPE_CHECKING:
    from hygiene.accounts.inventory import Inventory
    from hygiene.emailplan.address import KnownTokens
    from hygiene.facts.model import Facts

email_plan_app = typer.Typer(no_args_is_help=False, rich_markup_mode=None, cls=PlainGroup)


NAME = "email-plan"
GROUP = email_plan_app


AccountsOption = Annotated[
    Path | None,
    typer.Option("--accounts", help="The accounts file; without it, you are asked."),
]
FactsOption = Annotated[
    Path | None,
    typer.Option(
        "--facts", help="The facts file (what the other person knows), to check addresses against."
    ),
]


def _known(
    accounts: Path | None, facts_file: Path | None
) -> tuple[Inventory | None, Facts | None, KnownTokens]:
    """The inventory, the facts, and everything a new address must not contain; both files'
    problems reported together."""
    from hygiene.accounts.inventory import load_inventory
    from hygiene.emailplan.address import KnownTokens
    from hygiene.emailplan.known import known_from_facts, known_from_inventory
    from hygiene.errors import InputError
    from hygiene.facts.load import load_facts

    problems = []
    inventory = facts = None
    try:
        inventory = load_inventory(accounts) if accounts is not None else None
    except InputError as exc:
        problems += exc.problems
    try:
        facts = load_facts(facts_file) if facts_file is not None else None
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    known = known_from_facts(facts) if facts is not None else []
    if inventory is not None:
        known += known_from_inventory(inventory)
    return inventory, facts, KnownTokens(known)


@email_plan_app.callback(invoke_without_command=True)
def email_plan(
    ctx: typer.Context,
    accounts: AccountsOption = None,
    facts: FactsOption = None,
    assign: Annotated[
        list[str] | None,
        typer.Option(
            "--assign",
            help="Put an account with an address without being asked: ACCOUNT=GROUP, where "
            "GROUP is trusted, social, registrations or financial (repeatable).",
        ),
    ] = None,
    review: Annotated[
        bool, typer.Option("--review", help="With --accounts, still ask where each account goes.")
    ] = False,
    region: Region = "uk",
    as_json: Json = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
) -> None:
    """Place each account with one of four new addresses (most trusted friends and family;
    social networks and other friends; online registrations; financial accounts), with
    advice for each address and the order of the move. Exit code 1 when there is
    something to do."""
    if ctx.invoked_subcommand is not None:
        return
    import sys

    from hygiene.cli.prompter import TerminalPrompter
    from hygiene.emailplan.compartments import load_compartments
    from hygiene.emailplan.plan import build_plan, parse_assignments
    from hygiene.emailplan.report import plan_lines, plan_markdown
    from hygiene.emailplan.walkthrough import offer_passphrases, walk
    from hygiene.errors import InputError
    from hygiene.helplines import help_lines, help_markdown, load_region

    if as_json and markdown:
        raise InputError("choose one of --json and --markdown")
    catalogue = load_compartments()
    helplines = load_region(region)
    inventory, facts_given, known = _known(accounts, facts)
    assignments: dict[str, str] = {}
    proposals = {}
    interactive = inventory is None or review
    # Questions go to stderr when stdout carries JSON or Markdown for a file.
    prompter = TerminalPrompter(sys.stderr if as_json or markdown else None)
    if inventory is None or review:
        answers = walk(prompter, catalogue, inventory, known)
        inventory, assignments, proposals = (
            answers.inventory,
            answers.assignments,
            answers.proposals,
        )
    assignments.update(parse_assignments(assign or [], inventory, catalogue, "--assign"))
    plan = build_plan(inventory, catalogue, assignments, proposals)
    if as_json:
        print_json({**plan.to_dict(), "helplines": helplines.to_dict()})
    elif markdown:
        console.echo(plan_markdown(plan) + "\n" + help_markdown(helplines), nl=False)
    else:
        lines = plan_lines(plan)
        if plan.findings:
            lines += ["", "What needs fixing", "", *text_lines(plan.findings)]
        for line in [*lines, "", *help_lines(helplines)]:
            console.echo(line)
    if interactive:
        offer_passphrases(prompter, catalogue, facts_given)
    if plan.findings:
        raise typer.Exit(exitcodes.ATTENTION)


@email_plan_app.command("check-address")
def check_address_command(
    address: Annotated[
        str | None,
        typer.Argument(help="The address you have in mind; without it, you are asked."),
    ] = None,
    facts: FactsOption = None,
    accounts: Annotated[
        Path | None,
        typer.Option("--accounts", help="The accounts inventory: its logins are old usernames."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Check a proposed address: is it an address, and does it contain anything the other person
    knows? Exit code 0 when it reveals nothing, 1 when it does, 2 when it is not an address,
    3 when there was nothing to check it against (no --facts, no --accounts)."""
    from hygiene.emailplan.address import check_address
    from hygiene.errors import InputError, Problem

    _, _, known = _known(accounts, facts)
    if address is None:
        # Asked, not typed after the command: a new address kept out of the shell history.
        address = typer.prompt("The address you have in mind").strip()
    check = check_address(address, known)
    if not check.is_address:
        raise InputError(
            [Problem(f"not an email address: {p}", where="ADDRESS") for p in check.problems]
        )
    if as_json:
        print_json(
            {
                # Not repeated when it holds an old password: the output may be kept or shown.
                "address": check.address if all(r.part for r in check.reveals) else None,
                "reveals_nothing": check.reveals_nothing,
                "checked_against_facts": check.against > 0,
                "reveals": [{"part": r.part or None, "label": r.label} for r in check.reveals],
                "warnings": list(check.warnings),
            }
        )
    else:
        for line in check.explain():
            console.echo(line)
    if check.flagged:
        raise typer.Exit(exitcodes.ATTENTION)
    if not check.reveals_nothing:
        raise typer.Exit(exitcodes.UNKNOWN)
