"""What the other person knows, as the tokens a new address must not contain.

Two sources: the personal facts (names, dates in every form, places, numbers, old
passwords, each with its label), and the accounts inventory, whose logins and recovery
addresses are usernames the other person has likely seen.
"""

from __future__ import annotations

from hygiene.accounts.inventory import Inventory
from hygiene.accounts.phones import is_email
from hygiene.emailplan.address import SHORT_TOKEN, Known, fold
from hygiene.facts.model import FactKind, Facts

OLD_NAME = "an address or username you have used"


def known_from_inventory(inventory: Inventory) -> list[Known]:
    """The user names of every login and recovery address: whole, and each longer part."""
    values: list[str] = []
    for account in inventory.accounts:
        for value in [account.login or "", *account.recovery_emails]:
            if is_email(value):
                values.append(value.rpartition("@")[0])
            elif value and not any(c.isspace() for c in value.strip()):
                values.append(value)  # a user name; "customer 12345678" is not one
    known: list[Known] = []
    for value in dict.fromkeys(values):
        known.append(Known(value, OLD_NAME))
        parts = [p for p in value.replace("_", ".").replace("-", ".").split(".") if p]
        if len(parts) > 1:
            known += [Known(p, OLD_NAME) for p in parts if len(fold(p)) >= SHORT_TOKEN]
    return known


def known_from_facts(facts: Facts) -> list[Known]:
    """Every attacker token of the facts, named by what the fact is ("your pet's name").

    Early forms (a name, a year, a whole number) count anywhere in an address; later forms
    (reversed orders, unusual date layouts) and numbers under four digits only as a whole
    part, so a short number inside a longer one is not taken for a birthday.
    """
    known = []
    for token in facts.tokens():
        text = fold(token.text)
        # Other ways of writing a token (a nickname such as "oli", "+44...") only as a whole
        # part: inside a longer word they are mostly chance ("olive").
        loose = token.tier == 1 and not token.extra and not (text.isdigit() and len(text) < 4)
        secret = token.fact.kind is FactKind.old_password
        known.append(Known(token.text, token.fact.phrase, loose, secret))
    return known
