"""What can go wrong with a saved session, each said so the worker knows what to do next.

Every message names the label the worker chose, never anything from inside the file, and
says whether what was already saved is still there (it always is: nothing here deletes or
overwrites a file it could not read).
"""

from __future__ import annotations

from hygiene.errors import HygieneError


class VaultError(HygieneError):
    """A saved session could not be opened or saved."""


class KeyringUnusable(VaultError):
    """No keyring can keep the key safely (none, locked, or one that writes keys in clear)."""


class KeyMissing(VaultError):
    """The file is there but its key is not (keyring reset, another user, or a wrong passphrase)."""


class VaultCorrupt(VaultError):
    """The file was changed or damaged; it is left where it is."""


class RolledBack(VaultCorrupt):
    """The file is genuine but older than the last save the keyring knows of."""


class NotSaved(VaultError):
    """Nothing is saved under that label."""


class DiskFull(VaultError):
    """The disk could not take the new file; the last saved copy is unchanged."""
