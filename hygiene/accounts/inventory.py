"""The accounts inventory: every account, how it is recovered, and who controls each contact.

A support worker writes it by hand or ``hygiene accounts review`` writes it for them, as
TOML with ``[[account]]`` and ``[[contact]]`` entries. Loading checks every entry and
reports every problem at once with file, line, entry and field; ``dump_inventory`` writes
the same shape back so a person can read and edit it. Two-factor entries
(``sms:NUMBER``, ``app:DEVICE``, ``email:ADDRESS``, ``key``, ``none``) are parsed here,
and contacts are compared in normalised form, so the recovery graph sees "07700 900123"
and "+44 7700 900123" as one number, and an address that is the login of another account
as that account.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Literal

import tomli_w
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_serializer,
    model_validator,
)

from hygiene.accounts.devices import Device
from hygiene.accounts.phones import contact_key, is_email, normalise_phone
from hygiene.errors import InputError, Problem
from hygiene.safefile import write_private
from hygiene.tomlsource import TomlDocument, load_toml, validation_problems

YesNoMaybe = Literal["yes", "no", "maybe"]
SessionState = Literal["yes", "no", "not_checked"]
Controller = Literal["self", "shared", "them", "unknown"]
Category = Literal["email", "financial", "social", "shopping", "phone", "cloud", "work", "other"]
FactorKind = Literal["sms", "app", "email", "key", "none"]

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
CONTROLLERS: tuple[str, ...] = Controller.__args__  # type: ignore[attr-defined]

_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def slug(label: str) -> str:
    """A stable snake_case id from a label: "Personal Gmail" -> "personal_gmail"."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")


# Names files written before the rename used, and the names they have now. Files people
# keep still say the old ones, so both are read; what hygiene writes says only the new.
OLD_NAMES = {
    "password_known_to_abuser": "password_known_to_them",
    "abuser_knows": "they_know",
}
OLD_VALUES = {("controlled_by", "abuser"): "them"}


def _renamed(data: Any) -> Any:
    """``data`` with old key names and values read as today's; a new name given too wins."""
    if not isinstance(data, dict):
        return data
    out = {OLD_NAMES.get(k, k): v for k, v in data.items() if OLD_NAMES.get(k) not in data}
    for (key, old), new in OLD_VALUES.items():
        if out.get(key) == old:
            out[key] = new
    return out


def old_names_in(data: Any) -> list[str]:
    """Every old name or value ``data`` (a parsed inventory) still uses, said once each."""
    found: set[str] = set()
    for section in ("account", "contact"):
        entries = data.get(section) if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            questions = entry.get("security_questions")
            inner = [entry, *[q for q in questions or [] if isinstance(q, dict)]]
            for item in inner:
                found |= {f"{k} (now {OLD_NAMES[k]})" for k in item if k in OLD_NAMES}
                found |= {
                    f'{k} = "{old}" (now "{new}")'
                    for (k, old), new in OLD_VALUES.items()
                    if item.get(k) == old
                }
    return sorted(found)


class SecurityQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(min_length=1)
    # Not recorded means not known: unknown is never treated as safe.
    they_know: YesNoMaybe = "maybe"

    @model_validator(mode="before")
    @classmethod
    def _old_names(cls, data: Any) -> Any:
        return _renamed(data)


class TwoFactor(BaseModel):
    """One second factor, written in the inventory as ``sms:NUMBER``, ``app:DEVICE`` ...."""

    model_config = ConfigDict(frozen=True)

    kind: FactorKind
    target: str | None = None  # the number, device or address the codes go to

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        kind, _, target = value.strip().partition(":")
        kind = kind.strip().lower()
        target = target.strip()
        if kind in {"key", "none"}:
            if target:
                raise ValueError(f"'{kind}' takes nothing after it (write just \"{kind}\")")
            return {"kind": kind}
        if kind in {"sms", "app", "email"}:
            if not target:
                raise ValueError(
                    f"write what the codes go to after '{kind}:', for example "
                    + {
                        "sms": '"sms:07700 900123"',
                        "app": '"app:my phone"',
                        "email": '"email:me@example.com"',
                    }[kind]
                )
            if kind == "sms" and normalise_phone(target) is None:
                raise ValueError(f"'{target}' does not look like a phone number")
            if kind == "email" and not is_email(target):
                raise ValueError(f"'{target}' does not look like an email address")
            return {"kind": kind, "target": target}
        raise ValueError("a two-factor entry is sms:NUMBER, app:DEVICE, email:ADDRESS, key or none")

    @model_serializer
    def _text(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind

    def __str__(self) -> str:
        return self._text()


class Account(BaseModel):
    """One account and every way back into it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    provider: str = "other"  # a catalogue id, or any name
    label: str = Field(min_length=1)
    login: str | None = None  # the address, number or user name used to sign in
    category: Category = "other"
    recovery_emails: list[str] = []
    recovery_phones: list[str] = []
    security_questions: list[SecurityQuestion] = []
    two_factor: list[TwoFactor] = []
    # Not recorded means not known, so "maybe": unknown is never treated as safe.
    password_known_to_them: YesNoMaybe = "maybe"
    unknown_sessions: SessionState = "not_checked"
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        data = _renamed(data)
        if isinstance(data, dict) and "id" not in data and isinstance(data.get("label"), str):
            derived = slug(data["label"])
            if derived:
                data = {**data, "id": derived}
        return data

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                "an id is lower-case letters, digits, _ and -, starting with a letter or digit"
            )
        return value

    @field_validator("provider")
    @classmethod
    def _provider(cls, value: str) -> str:
        value = value.strip().lower()
        return value or "other"

    @field_validator("recovery_emails")
    @classmethod
    def _emails(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if not is_email(v)]
        if bad:
            raise ValueError(f"'{bad[0]}' does not look like an email address")
        return [v.strip() for v in values]

    @field_validator("recovery_phones")
    @classmethod
    def _phones(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if normalise_phone(v) is None]
        if bad:
            raise ValueError(f"'{bad[0]}' does not look like a phone number")
        return [v.strip() for v in values]


class Contact(BaseModel):
    """An email address, phone number or device, and who controls it."""

    model_config = ConfigDict(extra="forbid")

    value: str = Field(min_length=1)
    controlled_by: Controller = "unknown"
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _old_names(cls, data: Any) -> Any:
        return _renamed(data)

    @property
    def key(self) -> str:
        return contact_key(self.value)

    @property
    def kind(self) -> Literal["email", "phone", "device"]:
        if is_email(self.value):
            return "email"
        return "phone" if normalise_phone(self.value) is not None else "device"


class Inventory(BaseModel):
    """Every account and contact; ``account`` and ``contact`` as in the TOML file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    accounts: list[Account] = Field(default=[], alias="account")
    contacts: list[Contact] = Field(default=[], alias="contact")
    devices: list[Device] = Field(default=[], alias="device")
    # Old names the file this came from used (see OLD_NAMES); never written back.
    _old_names: tuple[str, ...] = PrivateAttr(default=())

    @property
    def old_names(self) -> tuple[str, ...]:
        return self._old_names

    @old_names.setter
    def old_names(self, value: tuple[str, ...]) -> None:
        self._old_names = value

    def account(self, account_id: str) -> Account | None:
        return next((a for a in self.accounts if a.id == account_id), None)

    def account_by_login(self, value: str) -> Account | None:
        """The mailbox or phone line whose login is ``value``: that address *is* this account.

        Compared in normalised form. Only an email account owns an address and only a phone
        account owns a number: a social account that signs in with an address does not
        receive that address's mail, so it is not the address.
        """
        return self.owners().get(contact_key(value))

    def owners(self) -> dict[str, Account]:
        """Every owned address or number (normalised) and the account that is it."""
        owned: dict[str, Account] = {}
        for account in self.accounts:
            if not account.login:
                continue
            kind = (
                "email"
                if is_email(account.login)
                else ("phone" if normalise_phone(account.login) is not None else None)
            )
            if kind is not None and account.category == kind:
                owned.setdefault(contact_key(account.login), account)
        return owned

    def contact(self, value: str) -> Contact | None:
        key = contact_key(value)
        return next((c for c in self.contacts if c.key == key), None)

    def free_id(self, label: str) -> str:
        """An id for a new account with ``label`` that no account here has yet."""
        base = slug(label) or "account"
        taken = {a.id for a in self.accounts}
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        return candidate


def load_inventory(path: Path) -> Inventory:
    """Read an inventory file; every problem in it raised at once as an ``InputError``."""
    doc = load_toml(path)
    problems: list[Problem] = []
    inventory: Inventory | None = None
    try:
        inventory = Inventory.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_located(doc, exc))
    problems.extend(_cross_entry_problems(doc))
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    assert inventory is not None
    inventory.old_names = tuple(old_names_in(doc.data))
    return inventory


def _located(doc: TomlDocument, error: ValidationError) -> list[Problem]:
    """Pydantic's problems, with the entry named by its label where it has one."""
    problems = validation_problems(doc, error)
    named = []
    for problem, item in zip(problems, error.errors(), strict=True):
        loc = item["loc"]
        label = _entry_label(doc, loc)
        if item["type"] == "missing" and loc and loc[-1] == "id":
            if label is None:
                continue  # the missing label is reported; the id follows from it
            problem = Problem(
                "the label gives no usable id; add an id (letters and digits)",
                problem.source,
                problem.line,
                problem.where,
            )
        named.append(_with_label(problem, label))
    return named


def _entry_label(doc: TomlDocument, loc: tuple[Any, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] in {"account", "contact", "device"} and isinstance(loc[1], int):
        entries = doc.data.get(loc[0])
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        if isinstance(entry, dict):
            name = entry.get("value" if loc[0] == "contact" else "label")
            if isinstance(name, str) and name:
                return name
    return None


def _with_label(problem: Problem, label: str | None) -> Problem:
    if not label:
        return problem
    where = f'{problem.where}, "{label}"' if problem.where else f'"{label}"'
    return Problem(problem.message, problem.source, problem.line, where)


def _cross_entry_problems(doc: TomlDocument) -> list[Problem]:
    """Problems between entries (two accounts with one id, one contact with two owners)."""
    problems: list[Problem] = []
    accounts = doc.data.get("account")
    if isinstance(accounts, list):
        first: dict[str, int] = {}
        for index, raw in enumerate(accounts):
            if not isinstance(raw, dict):
                continue
            given = raw.get("id")
            label = raw.get("label")
            if isinstance(given, str):
                account_id, field, how = given, "id", ""
            else:
                account_id = slug(label) if isinstance(label, str) else ""
                field, how = "label", " (made from its label)"
            if not account_id:
                continue
            if account_id in first:
                problems.append(
                    _with_label(
                        doc.problem(
                            ("account", index, field),
                            f"the id '{account_id}'{how} is already used by account "
                            f"{first[account_id] + 1}; give this one its own id",
                        ),
                        label if isinstance(label, str) else None,
                    )
                )
            else:
                first[account_id] = index
    problems += _device_problems(doc, accounts)
    contacts = doc.data.get("contact")
    if isinstance(contacts, list):
        owners: dict[str, tuple[int, Any]] = {}
        for index, raw in enumerate(contacts):
            if not isinstance(raw, dict) or not isinstance(raw.get("value"), str):
                continue
            key = contact_key(raw["value"])
            if key in owners and owners[key][1] != _renamed(raw).get("controlled_by"):
                problems.append(
                    _with_label(
                        doc.problem(
                            ("contact", index, "controlled_by"),
                            f"contact {owners[key][0] + 1} is the same and says someone else "
                            "controls it; keep one entry",
                        ),
                        raw["value"],
                    )
                )
            owners.setdefault(key, (index, _renamed(raw).get("controlled_by")))
    return problems


def _device_problems(doc: TomlDocument, accounts: Any) -> list[Problem]:
    """A device signed in to an account the inventory does not have, or two with one id."""
    devices = doc.data.get("device")
    if not isinstance(devices, list):
        return []
    ids = set()
    for raw in accounts if isinstance(accounts, list) else []:
        if isinstance(raw, dict):
            given = raw.get("id", slug(raw["label"]) if isinstance(raw.get("label"), str) else None)
            ids.add(given)
    problems, seen = [], set()
    for index, raw in enumerate(devices):
        if not isinstance(raw, dict):
            continue
        label = raw.get("label") if isinstance(raw.get("label"), str) else None
        signed_in = raw.get("signed_in")
        for account_id in signed_in if isinstance(signed_in, list) else []:
            if isinstance(account_id, str) and account_id not in ids:
                problems.append(
                    _with_label(
                        doc.problem(
                            ("device", index, "signed_in"),
                            f"'{account_id}' is not the id of an account in this inventory",
                        ),
                        label,
                    )
                )
        device_id = raw.get("id", slug(label) if label else None)
        if device_id in seen:
            problems.append(
                _with_label(
                    doc.problem(
                        ("device", index, "label"),
                        "another device has the same id; give it its own",
                    ),
                    label,
                )
            )
        seen.add(device_id)
    return problems


HEADER = """\
# Accounts inventory for hygiene. Edit freely; `hygiene accounts check FILE` reads it.
# category: email, financial, social, shopping, phone, cloud, work, other
# two_factor: sms:NUMBER, app:DEVICE, email:ADDRESS, key, none
# password_known_to_them and they_know: yes, no, maybe
# unknown_sessions: yes, no, not_checked
# controlled_by (for a contact): self, shared, them, unknown
# [[device]]: label, kind (phone, tablet, computer, watch, car, smart_home, other),
#   bought_by and paid_by (self, them, shared, unknown), pin_known_to_them and
#   held_by_them (yes, no, maybe), signed_in (the ids of the accounts signed in on it)
"""


def _literal(value: Any) -> str:
    """One TOML value on one line, as a person would write it."""
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_literal(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def dump_inventory(inv: Inventory) -> str:
    """The inventory as TOML a person can read and edit; ``load_inventory`` reads it back."""
    chunks = [HEADER]
    for account in inv.accounts:
        lines = ["[[account]]"]
        for key, value in account.model_dump(mode="json").items():
            if value is None:
                continue
            lines.append(f"{key} = {_literal(value)}")
        chunks.append("\n".join(lines) + "\n")
    for table, entries in (("contact", inv.contacts), ("device", inv.devices)):
        for entry in entries:
            lines = [f"[[{table}]]"]
            for key, value in entry.model_dump(mode="json").items():
                if value is not None:
                    lines.append(f"{key} = {_literal(value)}")
            chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


def save_inventory(inv: Inventory, path: Path, *, replace_unsafe: bool = False) -> None:
    """Write the inventory whole and readable by the person only (it lists who controls what).

    A link or special file at ``path`` is refused unless ``replace_unsafe`` (see ``safefile``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, dump_inventory(inv).encode("utf-8"), replace_unsafe=replace_unsafe)
