"""Opening the vault for a command: the keyring, or a passphrase read from a hidden prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hygiene.vault import Vault


def open_vault(*, passphrase: bool) -> Vault:
    from hygiene.cli.secret_input import read_password
    from hygiene.vault import Vault

    if passphrase:
        return Vault.with_passphrase(read_password("Passphrase for saved sessions"))
    return Vault.with_keyring()
