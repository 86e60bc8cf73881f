"""Reuse groups and near-duplicates among the logins of one export.

Reuse is the same password on more than one account. Two rows are one account, not
reuse, when they share a username (ignoring case) and a registrable domain, or when one
is an app that belongs to the other's website (Chromium writes one row per affiliated
site). Rows with no address are told apart by title. Near-duplicates are different
passwords with a shared base and a small edit (``Fluffy2019!``, ``fluffy2020``): found by
grouping on the base word with digits and symbols trimmed and look-alikes undone, then
confirmed by the same edit measure the old-password check uses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from hygiene.audit.domains import app_belongs_to, app_package, host_of, registrable_domain
from hygiene.exports.interface import Entry
from hygiene.secret import Secret
from hygiene.strength.fillers import DE_LEET
from hygiene.strength.targeted import SCRIPT_LOG10
from hygiene.strength.variants import closest_variant

MIN_BASE = 4  # a shared base shorter than this is chance, not a pattern
MAX_BLOCK = 64  # compare at most this many distinct passwords sharing one base
_CORE = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$", re.DOTALL)


def login_key(entry: Entry) -> tuple[str, str]:
    """(username, site) naming the account a row belongs to."""
    domains = [registrable_domain(host_of(u)) for u in entry.urls if app_package(u) is None]
    site = next((d for d in domains if d), "") or "title:" + entry.title.strip().lower()
    return entry.username.strip().lower(), site


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _accounts(members: list[int], entries: Sequence[Entry]) -> list[list[int]]:
    """Split rows sharing one password into accounts (rows of the same login together)."""
    union = _Union(len(members))
    keys = [login_key(entries[m]) for m in members]
    first_of: dict[tuple[str, str], int] = {}
    for i, key in enumerate(keys):
        if key in first_of:
            union.join(i, first_of[key])
        else:
            first_of[key] = i
    for i, m in enumerate(members):
        packages = [p for p in map(app_package, entries[m].urls) if p]
        if not packages:
            continue
        for j, (username, site) in enumerate(keys):
            if j == i or username != keys[i][0] or site.startswith("title:"):
                continue
            if any(app_belongs_to(package, site) for package in packages):
                union.join(i, j)
    accounts: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        accounts[union.find(i)].append(m)
    return list(accounts.values())


def reuse_groups(
    entries: Sequence[Entry], password_of: Sequence[int]
) -> list[list[list[int]]]:
    """Passwords shared by more than one account: each group is a list of accounts, each
    account the entry indexes that are that one login.

    ``password_of[i]`` is the index of entry i's distinct password. Groups come in the
    order of their first entry.
    """
    by_password: dict[int, list[int]] = defaultdict(list)
    for index, password in enumerate(password_of):
        by_password[password].append(index)
    groups = []
    for members in by_password.values():
        if len(members) > 1:
            accounts = _accounts(members, entries)
            if len(accounts) > 1:
                groups.append(accounts)
    return sorted(groups, key=lambda g: min(min(a) for a in g))


def _base(text: str) -> str:
    core = _CORE.match(text)
    return (core[1] if core else text).lower().translate(DE_LEET)


def similar_passwords(passwords: Sequence[Secret]) -> dict[int, list[tuple[int, str]]]:
    """For each distinct password (by index), the others that are a small edit of it."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, secret in enumerate(passwords):
        base = _base(secret.reveal())
        if len(base) >= MIN_BASE:
            blocks[base].append(index)
    pairs: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for members in blocks.values():
        members = members[:MAX_BLOCK]
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                variant = closest_variant(passwords[a], (passwords[b],))
                if variant is not None and variant.guesses_log10 <= SCRIPT_LOG10:
                    pairs[a].append((b, variant.change))
                    pairs[b].append((a, variant.change))
    return pairs
