"""The whole tool on a fictional person, offline, without typing a secret.

``demo_plan`` runs every check on the files in ``examples/`` (facts, accounts inventory,
a Chrome export) exactly as a real meeting would: the audit against the built-in list of
common passwords (no network, no corpus), the recovery graph, the email plan, and the
plan they end in. Nothing is written and the keyring is never touched: the session
document is built in memory only.
"""

from __future__ import annotations

from pathlib import Path

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import load_inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.audit.findings import audit_findings
from hygiene.audit.run import run_audit
from hygiene.breach.builtin import BuiltinSource
from hygiene.content import examples_dir
from hygiene.emailplan.compartments import load_compartments
from hygiene.emailplan.plan import build_plan as build_email_plan
from hygiene.exports.registry import open_export
from hygiene.facts.load import load_facts
from hygiene.facts.model import FactKind
from hygiene.plan import Plan
from hygiene.plan.saved import plan_of
from hygiene.vault.document import KeptFact, VaultDocument

LABEL = "Robin Ashdown (a made-up person)"
FACTS, ACCOUNTS, EXPORT = "facts.toml", "accounts.toml", "chrome-passwords.csv"


def demo_document(folder: Path | None = None) -> VaultDocument:
    """What a meeting about the fictional person would hold, with each step's findings."""
    folder = folder or examples_dir()
    facts = load_facts(folder / FACTS)
    inventory = load_inventory(folder / ACCOUNTS)
    report = run_audit(open_export(folder / EXPORT), BuiltinSource(), facts)
    email = build_email_plan(inventory, load_compartments())
    document = VaultDocument(
        label=LABEL,
        facts=tuple(KeptFact.of(f) for f in facts.facts if f.kind is not FactKind.old_password),
        inventory=inventory,
    )
    document = document.with_findings("passwords", audit_findings(report))
    document = document.with_findings(
        "accounts", list(check_inventory(inventory, shipped_catalogue()).findings)
    )
    return document.with_findings("email_plan", list(email.findings))


def demo_plan(folder: Path | None = None) -> Plan:
    """The plan a worker would hand over, personal facts and contacts masked."""
    return plan_of(demo_document(folder))
