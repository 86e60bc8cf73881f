"""``hygiene accounts``: the accounts inventory, its review, and who can still get in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json
from hygiene.cli.render import print_json, tell_old_names
from hygiene.cli.shape import group

accounts_app = group("Who can still get into your accounts, and through what.")

InventoryArg = Annotated[
    Path, typer.Argument(help="The accounts file, from hygiene accounts review or written by hand.")
]


@accounts_app.command("check")
def check(
    inventory: InventoryArg,
    as_json: Json = False,
) -> None:
    """Every account the other person can reach, by which chain, and what to cut first."""
    from hygiene.accounts.check import chain_labels, check_inventory
    from hygiene.accounts.inventory import load_inventory
    from hygiene.accounts.providers import shipped_catalogue
    from hygiene.findings import in_plan_order
    from hygiene.render.findings import text_lines

    inv = load_inventory(inventory)
    tell_old_names(inv.old_names, inventory)
    catalogue = shipped_catalogue()
    result = check_inventory(inv, catalogue)
    findings = in_plan_order(result.findings)
    labels = {a.id: a.label for a in inv.accounts}
    if as_json:
        print_json(
            {
                "reachable": [
                    {
                        "account": labels[r.account],
                        "account_id": r.account,
                        "certain": r.certain,
                        "chain": chain_labels(inv, result.analysis, r),
                        "explanation": result.sentences[r.account],
                    }
                    for r in result.analysis.reachable
                ],
                "findings": [f.to_dict() for f in findings],
            }
        )
    else:
        if not inv.accounts:
            console.echo("The inventory lists no accounts yet.")
        reachable = result.analysis.reachable
        sure = [r for r in reachable if r.certain]
        console.echo(
            f"The other person can reach {len(sure)} of {len(inv.accounts)} accounts, "
            f"and may reach {len(reachable) - len(sure)} more."
        )
        for number, reach in enumerate(reachable, start=1):
            how = "can get in" if reach.certain else "may be able to get in (not certain)"
            console.echo(f"\n{number}. {labels[reach.account]}: {how}")
            console.echo(f"   {result.sentences[reach.account]}")
        unknown = sorted({a.provider for a in inv.accounts if catalogue.find(a.provider) is None})
        if unknown:
            console.echo(
                f"\nNo page of its own for: {', '.join(unknown)}. The general checklist "
                "applies; `hygiene accounts review` walks through it."
            )
        if findings:
            console.echo("\nWhat to do, in plan order (cut first what opens most):")
            console.echo("\n".join(text_lines(findings)))
    raise typer.Exit(exitcodes.ATTENTION if findings else exitcodes.OK)


@accounts_app.command("graph")
def graph(
    inventory: InventoryArg,
    as_dot: Annotated[
        bool, typer.Option("--dot", help="Print Graphviz DOT (for `dot -Tpdf`) instead of text.")
    ] = False,
) -> None:
    """Draw the chains into the accounts, as a text tree or as a Graphviz picture."""
    from hygiene.accounts.check import check_inventory
    from hygiene.accounts.draw import dot, text_tree
    from hygiene.accounts.inventory import load_inventory

    inv = load_inventory(inventory)
    tell_old_names(inv.old_names, inventory)
    result = check_inventory(inv)
    console.raw(dot(inv, result) if as_dot else text_tree(inv, result), nl=not as_dot)


@accounts_app.command("review")
def review(
    inventory: Annotated[
        Path,
        typer.Argument(help="Where to write the accounts file; an existing one is added to."),
    ],
) -> None:
    """Go through your accounts one provider at a time and write the inventory.

    Plain numbered questions; nothing is changed and no password is asked for. The file is
    saved after each account, so typing q or pressing Ctrl-C keeps what was saved.
    """
    from hygiene.accounts.providers import shipped_catalogue
    from hygiene.accounts.review import review as run_review
    from hygiene.cli.prompter import TerminalPrompter, offer_to_clear

    prompter = TerminalPrompter()
    run_review(prompter, inventory, shipped_catalogue())
    offer_to_clear(prompter)


@accounts_app.command("devices")
def devices(
    inventory: Annotated[
        Path,
        typer.Argument(help="The accounts file to add the devices to; made if it is new."),
    ],
) -> None:
    """Record each phone, tablet, computer or car: who bought it and pays for it, whether the
    other person knows its PIN or has held it, and which accounts are signed in on it.

    Plain numbered questions; nothing on any device is changed. The file is saved after
    each device, so typing q or pressing Ctrl-C keeps what was saved.
    """
    from hygiene.accounts.device_review import review_devices
    from hygiene.accounts.inventory import Inventory, load_inventory, save_inventory
    from hygiene.cli.prompter import TerminalPrompter

    inv = load_inventory(inventory) if inventory.exists() else Inventory()
    prompter = TerminalPrompter()

    def keep(inv: Inventory, device: object) -> None:
        save_inventory(inv, inventory)
        prompter.say(f"Saved to {inventory}.")

    review_devices(prompter, inv, keep)
    prompter.say(f"`hygiene accounts check {inventory}` shows what each device opens.")


NAME = "accounts"
GROUP = accounts_app
