"""The provider catalogue: what to review on each service, where it lives, and why.

One TOML file per provider in ``checks/providers/`` (Google, Apple, a generic UK bank, a
generic mobile carrier ...), validated on load with every error in every file listed at
once. Each item says what to look at, the menu path and the provider's own address,
why it matters, whether changing it can alert the other person, when the entry was last
checked, and whether its source is unconfirmed (menu paths change; an unconfirmed path
is shown as "may differ, not confirmed"). A provider we have no page for falls back to
the generic checklist, and says so.

The loader also enforces the safety rules a careful reviewer would: taking access away
from the other person can alert them and is never marked "no", and says to keep
evidence first; a data export that sends a notice says so; signing sessions out comes
after the password change; a confirmed item cites the address it was confirmed against,
and an unconfirmed one says why.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hygiene.accounts.inventory import Category, slug
from hygiene.catalogue import content_files, load_files

ReviewKind = Literal[
    "recovery",  # recovery email and phone
    "security_questions",
    "password",
    "two_factor",  # and who holds the second factor
    "sessions",  # signed-in devices, sessions, trusted devices
    "app_passwords",
    "connected_apps",
    "forwarding",  # mail forwarding and POP/IMAP fetching
    "filters",  # mail rules that forward or delete
    "delegation",  # someone else given access to the mailbox
    "send_as",  # send-as, reply-to, signature, auto-reply
    "sharing",  # family sharing, shared cloud, shared backups
    "location_sharing",
    "safety_tool",  # the provider's own safety review (Apple Safety Check ...)
    "account_holder",  # who holds and pays for a phone plan
    "port_out",  # moving the number to another carrier
    "sim_swap",  # a new SIM for the number
    "evidence",  # the provider's data export, login history
    "other",
]
YesNoMaybe = Literal["yes", "no", "maybe"]

# What every provider page must cover, and what pages of some kinds must cover too.
REQUIRED: dict[str, tuple[str, ...]] = {
    "*": ("recovery", "two_factor", "sessions"),
    "email": ("forwarding", "filters", "delegation"),
    "phone": ("account_holder", "port_out", "sim_swap"),
}
GENERIC_ID = "generic"
# What the accounts review asks about for every account; the rest of a page is what to
# look at too (forwarding, port-out, Safety Check ...), shown with it and in the plan.
REVIEWED: frozenset[str] = frozenset({"recovery", "security_questions", "two_factor", "sessions"})

# Kinds whose review ends in taking something away from the other person: a second
# factor, a recovery route, a session or device, a delegate, a forwarding rule, an app
# or a share. Any of these can tell them, and removing it can destroy the evidence.
REMOVES: frozenset[str] = frozenset(
    {
        "recovery",
        "two_factor",
        "sessions",
        "app_passwords",
        "connected_apps",
        "forwarding",
        "filters",
        "delegation",
        "sharing",
        "location_sharing",
        "safety_tool",
    }
)
# An item of another kind that tells the reader to take something away counts too.
_REMOVING = re.compile(r"\b(remove|revoke|stop sharing|sign (\w+ )?out|log (\w+ )?out)", re.I)
_EVIDENCE_FIRST = re.compile(
    r"evidence[^.]*\b(first|before)\b|\b(first|before)\b[^.]*evidence", re.I
)
_EXPORT = re.compile(r"\b(download|export)", re.I)
_NOTICE = re.compile(r"\b(email|notification|notice|message|link)s?\b", re.I)
_SIGN_OUT = re.compile(r"\b(sign|log)\w* (\w+ )?out\b", re.I)
_PASSWORD_CHANGE = re.compile(
    r"\bchang\w* (the |your |its )?(\w+ )?(password|passcode|PIN)\b", re.I
)


class Item(BaseModel):
    """One thing to review on one provider."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: ReviewKind
    title: str = Field(min_length=3)
    what: str = Field(min_length=10)  # what to look at, and what to look for
    where: str = Field(min_length=3)  # the menu path
    url: str | None = None  # the provider's own page
    why: str = Field(min_length=10)
    can_alert_abuser: YesNoMaybe
    alert_note: str | None = None
    unconfirmed: bool = False
    why_unconfirmed: str | None = None  # what could not be confirmed, and why
    source: str = Field(min_length=3)  # the address it was confirmed against
    last_checked: datetime.date

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("an address starts with https://")
        return value

    @field_validator("title")
    @classmethod
    def _state(cls, value: str) -> str:
        # Editorial rule: a title names the thing, it does not order the reader about.
        if value.split()[0].lower() in {"ensure", "make", "you", "must"}:
            raise ValueError('a title names the setting ("Recovery phone"), not an order')
        return value

    @model_validator(mode="after")
    def _alert_explained(self) -> Item:
        if self.can_alert_abuser != "no" and not self.alert_note:
            raise ValueError("say how the other person may find out (alert_note)")
        return self

    @model_validator(mode="after")
    def _safe(self) -> Item:
        problems = [rule(self) for rule in _SAFETY_RULES]
        found = [p for p in problems if p]
        if found:
            raise ValueError("; ".join(found))
        return self

    @property
    def removes_access(self) -> bool:
        return self.kind in REMOVES or bool(_REMOVING.search(self.what))

    @property
    def advice(self) -> str:
        return f"{self.what} {self.alert_note or ''}"


def _removal_is_careful(item: Item) -> str | None:
    if not item.removes_access:
        return None
    if item.can_alert_abuser == "no":
        return (
            "taking access away can alert the other person: can_alert_abuser must be "
            '"maybe" or "yes"'
        )
    if not _EVIDENCE_FIRST.search(item.advice):
        return "say to keep evidence first (in what or alert_note) before anything is removed"
    return None


def _export_says_notice(item: Item) -> str | None:
    if item.kind != "evidence" or not _EXPORT.search(f"{item.title} {item.what}"):
        return None
    if item.can_alert_abuser == "no":
        return (
            "a data export can send an email or notice the other person may see: "
            'can_alert_abuser must be "maybe" or "yes"'
        )
    note = item.alert_note or ""
    if not _NOTICE.search(note) or "forward" not in note.lower():
        return (
            "say in alert_note what notice the export sends, and to check forwarding "
            "and delegates first"
        )
    return None


def _password_before_sign_out(item: Item) -> str | None:
    sign_out = _SIGN_OUT.search(item.what)
    if sign_out is None:
        return None
    change = _PASSWORD_CHANGE.search(item.what)
    if change is None or change.start() > sign_out.start():
        return (
            "change the password first, then sign out: otherwise they sign straight "
            "back in with the password they know"
        )
    return None


def _confirmation_explained(item: Item) -> str | None:
    if item.unconfirmed and not item.why_unconfirmed:
        return "say why the item is unconfirmed (why_unconfirmed)"
    if not item.unconfirmed and item.why_unconfirmed:
        return "a confirmed item has no why_unconfirmed"
    if not item.unconfirmed and "https://" not in item.source:
        return "a confirmed item cites the address it was confirmed against in source"
    return None


_SAFETY_RULES = (
    _removal_is_careful,
    _export_says_notice,
    _password_before_sign_out,
    _confirmation_explained,
)


class Provider(BaseModel):
    """One provider page of the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    category: Category
    generic: bool = False  # a checklist for a kind of service, not one company
    # False for a page about things rather than an account (trackers, a car, the router):
    # the recovery, second-factor and session coverage rules do not apply to it.
    account: bool = True
    aliases: list[str] = []
    url: str | None = None
    last_checked: datetime.date
    note: str | None = None
    items: list[Item] = Field(alias="item", min_length=1)

    @model_validator(mode="after")
    def _coverage(self) -> Provider:
        problems = []
        ids = [item.id for item in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            problems.append(f"item ids are repeated: {', '.join(repeated)}")
        kinds = {item.kind for item in self.items}
        wanted = (REQUIRED["*"] if self.account else ()) + REQUIRED.get(self.category, ())
        missing = [k for k in wanted if k not in kinds]
        if missing:
            problems.append(f"no item covers: {', '.join(missing)}")
        if not self.generic:
            no_url = [item.id for item in self.items if item.url is None]
            if no_url and self.url is None:
                problems.append(f"items without the provider's own address: {', '.join(no_url)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def items_of(self, *kinds: str) -> list[Item]:
        return [item for item in self.items if item.kind in kinds]

    def first_of(self, kinds: Iterable[str]) -> Item | None:
        """The first item of the first of ``kinds`` (in order of preference) the page has."""
        for kind in kinds:
            items = self.items_of(kind)
            if items:
                return items[0]
        return None

    @property
    def to_look_at_too(self) -> list[Item]:
        """What the review does not ask about, but a person should look at too."""
        return [item for item in self.items if item.kind not in REVIEWED]


@dataclass(frozen=True)
class Checklist:
    """The page to use for a provider, and whether it is the generic fallback."""

    provider: Provider
    fallback: bool
    asked_for: str

    @property
    def notice(self) -> str | None:
        if not self.fallback:
            return None
        return (
            f'We have no page for "{self.asked_for}", so this is the general '
            f"checklist ({self.provider.name}). Menus and names will differ."
        )


@dataclass(frozen=True)
class Catalogue:
    providers: tuple[Provider, ...]

    def get(self, provider_id: str) -> Provider | None:
        return next((p for p in self.providers if p.id == provider_id), None)

    @cached_property
    def _by_name(self) -> dict[str, Provider]:
        index: dict[str, Provider] = {}
        for provider in self.providers:
            for name in [provider.id, provider.name, *provider.aliases]:
                index.setdefault(slug(name), provider)
        return index

    def find(self, name: str) -> Provider | None:
        """A provider by id, name or alias ("Gmail", "twitter", "Hotmail")."""
        return self._by_name.get(slug(name))

    def checklist(self, name: str, category: str | None = None) -> Checklist:
        """The page for ``name``; an unknown provider gets the generic page, said as such."""
        found = self.find(name)
        if found is not None:
            return Checklist(found, False, name)
        fallback = self.get("email_generic") if category == "email" else None
        fallback = fallback or self.get(GENERIC_ID)
        assert fallback is not None, "the catalogue has no generic page"
        return Checklist(fallback, True, name)


def load_catalogue(paths: Iterable[Path] | None = None) -> Catalogue:
    """Every provider page, validated; every error of every file raised at once."""
    files = list(paths) if paths is not None else content_files("providers")
    providers = load_files(files, Provider)
    return Catalogue(tuple(providers))


@cache
def shipped_catalogue() -> Catalogue:
    return load_catalogue()


def where_text(item: Item) -> str:
    """The menu path and address, with the caution an unconfirmed path needs."""
    text = item.where + (f" ({item.url})" if item.url else "")
    caution = "may differ; not confirmed" if item.unconfirmed else "may differ"
    return f"{text} [{caution}]"


def where_on(checklist: Checklist, item: Item) -> str:
    """Where ``item`` is on the provider, saying so when only the general checklist has it."""
    from hygiene.findings import phrase

    place = where_text(item)
    return phrase("where_general", place=place) if checklist.fallback else place
