"""Saved sessions: kept only when chosen, encrypted, the key in the keyring, gone in one command.

``Vault`` keeps one ``VaultDocument`` per person under a label the worker picks. See
``store`` for files and labels, ``keys`` for the keyring and passphrase, ``fileformat``
for the bytes on disk and ``document`` for what may be kept (never a password).
"""

from hygiene.vault.document import KeptFact, PlanMark, Progress, SavedFinding, VaultDocument
from hygiene.vault.errors import (
    DiskFull,
    KeyMissing,
    KeyringUnusable,
    NotSaved,
    RolledBack,
    VaultCorrupt,
    VaultError,
)
from hygiene.vault.store import Removed, Vault, home

__all__ = [
    "DiskFull",
    "KeptFact",
    "KeyMissing",
    "KeyringUnusable",
    "NotSaved",
    "PlanMark",
    "Progress",
    "Removed",
    "RolledBack",
    "SavedFinding",
    "Vault",
    "VaultCorrupt",
    "VaultDocument",
    "VaultError",
    "home",
]
