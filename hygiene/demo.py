"""The whole tool on a fictional person, offline, without typing a secret.

``demo_plan`` runs every check on the files in ``examples/`` (facts, accounts inventory,
a Chrome export) exactly as a real meeting would: the audit against the built-in list of
common passwords (no network, no corpus), the recovery graph, the email plan, and the
plan they end in. Nothing is written and the keyring is never touched: the session
document is built in memory only.
"""

from __future__ import annotations

from pathlib import Path

from hygiene.content import examples_dir
from hygiene.plan import Plan
from hygiene.plan.files import document_from_files
from hygiene.plan.saved import plan_of
from hygiene.vault.document import VaultDocument

LABEL = "Robin Ashdown (a made-up person)"
FACTS, ACCOUNTS, EXPORT = "facts.toml", "accounts.toml", "chrome-passwords.csv"


def demo_document(folder: Path | None = None) -> VaultDocument:
    """What a meeting about the fictional person would hold, with each step's findings."""
    folder = folder or examples_dir()
    return document_from_files(
        LABEL, facts=folder / FACTS, accounts=folder / ACCOUNTS, export=folder / EXPORT
    )


def demo_plan(folder: Path | None = None) -> Plan:
    """The plan a worker would hand over, personal facts and contacts named in part."""
    return plan_of(demo_document(folder))
