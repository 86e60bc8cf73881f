"""A plan from files a worker prepared: facts, accounts inventory, export, warning signs.

Everything is read and checked in memory, exactly as a meeting would check it, and the
session document it builds is never saved: nothing is written and the keyring is never
touched. The export's passwords are checked against the built-in list of common
passwords only (no network), so a breach the list cannot rule out stays unknown, and the
plan says so. ``hygiene demo`` is this, on the files in ``examples/``.
"""

from __future__ import annotations

from pathlib import Path

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import Inventory, load_inventory
from hygiene.accounts.providers import shipped_catalogue
from hygiene.audit.findings import audit_findings
from hygiene.audit.run import run_audit
from hygiene.breach.builtin import BuiltinSource
from hygiene.emailplan.compartments import load_compartments
from hygiene.emailplan.plan import build_plan as build_email_plan
from hygiene.errors import InputError
from hygiene.exports.registry import open_export
from hygiene.facts.load import load_facts
from hygiene.facts.model import FactKind, Facts
from hygiene.signs.assess import assess, parse_answers
from hygiene.signs.catalogue import load_signs
from hygiene.vault.document import KeptFact, VaultDocument


def document_from_files(
    label: str,
    *,
    facts: Path | None = None,
    accounts: Path | None = None,
    export: Path | None = None,
    signs: str | None = None,
) -> VaultDocument:
    """What a meeting on these files would hold, each step's findings included; in memory.

    Every file's problems are reported together, so a worker fixes them in one pass.
    """
    problems = []
    loaded_facts: Facts | None = None
    inventory: Inventory | None = None
    try:
        loaded_facts = load_facts(facts) if facts is not None else None
    except InputError as exc:
        problems += exc.problems
    try:
        inventory = load_inventory(accounts) if accounts is not None else None
    except InputError as exc:
        problems += exc.problems
    catalogue = load_signs()
    answers = None
    try:
        answers = parse_answers(signs, catalogue) if signs is not None else None
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    kept = (
        ()
        if loaded_facts is None
        else tuple(
            KeptFact.of(f) for f in loaded_facts.facts if f.kind is not FactKind.old_password
        )
    )
    document = VaultDocument(label=label, facts=kept, inventory=inventory or Inventory())
    if answers is not None:
        document = document.model_copy(update={"signs": answers})
        document = document.with_findings("signs", list(assess(catalogue, answers).findings))
    if export is not None:
        report = run_audit(open_export(export), BuiltinSource(), loaded_facts)
        document = document.with_findings("passwords", audit_findings(report))
    if inventory is not None:
        found = check_inventory(inventory, shipped_catalogue()).findings
        document = document.with_findings("accounts", list(found))
        email = build_email_plan(inventory, load_compartments())
        document = document.with_findings("email_plan", list(email.findings))
    return document
