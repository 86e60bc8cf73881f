"""One meeting's state: what has been said so far, and whether and where it is kept.

The document is the only thing that can be saved; old passwords and the passwords being
checked live here in memory only and are gone when the meeting ends. Saving is the
person's choice, made once near the start, and happens after every step and on a quick
exit, so a meeting cut short loses at most the step it was in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hygiene.accounts.inventory import Inventory
from hygiene.breach.interface import BreachSource
from hygiene.facts.model import Fact, FactKind, Facts
from hygiene.findings import Finding
from hygiene.prompts import Prompter
from hygiene.vault import KeptFact, Vault, VaultDocument, VaultError

STEPS: tuple[str, ...] = ("signs", "facts", "passwords", "accounts", "log", "email_plan", "summary")
DONE = "done"


@dataclass
class Meeting:
    prompter: Prompter
    document: VaultDocument
    breach: BreachSource | None = None
    vault: Vault | None = None  # set only when the person chose to keep the session
    region: str = "uk"
    # Held in memory only, never saved: checked against, then forgotten.
    old_passwords: list[Fact] = field(default_factory=list)
    stopped: bool = False  # the person chose to end the meeting (not a quick exit)

    @property
    def keeping(self) -> bool:
        return self.vault is not None

    def update(self, **changes: object) -> None:
        self.document = self.document.model_copy(update=changes)

    def set_findings(self, step: str, findings: list[Finding]) -> None:
        self.document = self.document.with_findings(step, findings)

    def facts(self) -> Facts:
        return self.document.checkable_facts(tuple(self.old_passwords))

    def add_old_password(self, value: str) -> None:
        index = len(self.old_passwords)
        self.old_passwords.append(Fact(FactKind.old_password, value, None, index))

    def take_in(self, facts: Facts | None, inventory: Inventory | None) -> None:
        """Facts and accounts from files the worker brought, added to what is here already.

        Old passwords from a facts file stay in memory like those typed; the rest is kept
        with the session (encrypted) when the person chooses to keep it.
        """
        document = self.document
        if facts is not None:
            kept: set[tuple[str, str]] = {(f.kind, f.value) for f in document.facts}
            added = []
            for fact in facts.facts:
                if fact.kind is FactKind.old_password:
                    if all(old.value != fact.value for old in self.old_passwords):
                        self.add_old_password(fact.value)
                elif (fact.kind.value, fact.value) not in kept:
                    kept.add((fact.kind.value, fact.value))
                    added.append(KeptFact.of(fact))
            document = document.model_copy(update={"facts": (*document.facts, *added)})
        if inventory is not None:
            mine = document.inventory
            ids = {a.id for a in mine.accounts}
            contacts = {c.key for c in mine.contacts}
            merged = Inventory.model_validate(
                {
                    "account": [
                        *mine.accounts,
                        *(a for a in inventory.accounts if a.id not in ids),
                    ],
                    "contact": [
                        *mine.contacts,
                        *(c for c in inventory.contacts if c.key not in contacts),
                    ],
                }
            )
            document = document.model_copy(update={"inventory": merged})
        self.document = document

    def save(self) -> None:
        if self.vault is not None:
            self.vault.save(self.document)

    def save_and_go_on(self) -> None:
        """Save; if that fails (a full disk, a locked keyring), say so and go on meeting."""
        try:
            self.save()
        except VaultError as exc:
            self.prompter.say(f"{exc} We can go on; saving is tried again after the next step.")
