"""What each finding of a plan is about: the item it belongs to, and that item's key.

A finding names its cause (see ``hygiene.findings``). Findings whose causes have one
owner become one item: an account with everything found about it, or one shared thing (a
number, an address, a device, a password several logins share) with every account it
opens. A login from a password export is matched to the account of the inventory it is
(the same user name, and the same provider or name), so a password the audit found weak
and the inventory says they know is one problem of one account.

An item's key is stable across meetings and formats, so a person can mark it done: it
is made of the owner's kind and a name, never of its position, and never of a password
or of a contact's full value (a number is keyed as the plan names it, "ending 456").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from hygiene.accounts.inventory import Account, Inventory, slug
from hygiene.accounts.phones import contact_key
from hygiene.accounts.providers import Catalogue
from hygiene.audit.findings import LOGIN
from hygiene.findings import Finding, cause_key, cause_owner
from hygiene.plan.refs import references

ACCOUNT = "account:"
CONTACT = "contact:"


def owner_of(finding: Finding) -> str:
    """The owner of ``finding``'s cause; one of its own kind and subject when it has none
    (a finding saved before causes were kept)."""
    if finding.cause:
        return cause_owner(finding.cause)
    return f"{finding.id}:{slug(finding.subject)}"


def linked(
    findings: Iterable[Finding], inventory: Inventory | None, catalogue: Catalogue | None
) -> list[Finding]:
    """``findings`` with each export login that is an account of ``inventory`` owned by it."""
    if inventory is None or catalogue is None:
        return list(findings)
    out = []
    for finding in findings:
        account = _account_of_login(finding, inventory, catalogue)
        if account is not None and finding.cause:
            part = finding.cause.partition("/")[2] or None
            finding = replace(
                finding, account=account.id, cause=cause_key(f"{ACCOUNT}{account.id}", part)
            )
        out.append(finding)
    return out


def _account_of_login(
    finding: Finding, inventory: Inventory, catalogue: Catalogue
) -> Account | None:
    owner = owner_of(finding)
    if not owner.startswith(LOGIN):
        return None
    username, _, site = owner.removeprefix(LOGIN).partition("|")
    username = username.replace("%7C", "|").replace("%25", "%")
    name = site.removeprefix("title:") if site.startswith("title:") else site.split(".")[0]
    provider = catalogue.find(finding.subject) or catalogue.find(name)
    same_login = [
        a
        for a in inventory.accounts
        if not username or (a.login and contact_key(a.login) == contact_key(username))
    ]
    matches = [
        a
        for a in same_login
        if (provider is not None and catalogue.find(a.provider) is provider)
        or slug(finding.subject) in {slug(a.label), a.id}
    ]
    return matches[0] if len(matches) == 1 else None


def item_keys(owners: Iterable[str], private: Iterable[str]) -> dict[str, str]:
    """The public key of each owner: a contact by the words the plan names it with."""
    values = [v for v in private if v.strip()]
    names = references(values)
    by_key = {contact_key(v): names[v.strip()] for v in values}
    keys = {}
    for owner in owners:
        if owner.startswith(CONTACT):
            contact = owner.removeprefix(CONTACT).replace("%2F", "/").replace("%25", "%")
            keys[owner] = CONTACT + slug(by_key.get(contact) or _digest(contact))
        elif owner.startswith(LOGIN):
            keys[owner] = "login:" + _digest(owner)
        else:
            keys[owner] = owner
    return keys


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]
