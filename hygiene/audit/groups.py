"""Reuse groups and near-duplicates among the logins of one export.

Reuse is the same password on more than one account. Two rows are one account, not
reuse, when they share a username (ignoring case) and a registrable domain, or when one
is an app that belongs to the other's website (Chromium writes one row per affiliated
site). Rows with no address are told apart by title. Near-duplicates are different
passwords with a shared base and a small edit (``Fluffy2019!``, ``fluffy2020``): the same
base word once the digits and symbols around it are trimmed, capitals ignored and
look-alikes undone. Grouping on that base finds them in one pass, so a vault of
thousands needs no pairwise comparison of every password.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from hygiene.audit.domains import app_belongs_to, app_package, host_of, registrable_domain
from hygiene.exports.interface import Entry
from hygiene.secret import Secret
from hygiene.strength.fillers import DE_LEET

MIN_BASE = 4  # a shared base shorter than this is chance, not a pattern
_AFFIXES = re.compile(r"^([\W\d_]*)(.*?)([\W\d_]*)$", re.DOTALL)
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"^(19|20)\d\d$")


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


def reuse_groups(entries: Sequence[Entry], password_of: Sequence[int]) -> list[list[list[int]]]:
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
    parts = _AFFIXES.match(text)
    return (parts[2] if parts else text).lower().translate(DE_LEET)


def change(new: str, old: str) -> str:
    """How two passwords with one base differ, in words."""
    a, b = _AFFIXES.match(new), _AFFIXES.match(old)
    assert a is not None and b is not None  # every part of the pattern is optional
    moved = [(x, y) for x, y in ((a[1], b[1]), (a[3], b[3])) if x != y]
    if not moved:
        return "only capitals or look-alike swaps changed"
    if all(_DIGITS.sub("#", x) == _DIGITS.sub("#", y) for x, y in moved):
        numbers = [
            (n, o)
            for x, y in moved
            for n, o in zip(_DIGITS.findall(x), _DIGITS.findall(y), strict=True)
            if n != o
        ]
        years = bool(numbers) and all(_YEAR.match(n) and _YEAR.match(o) for n, o in numbers)
        return "the year changed" if years else "a number changed"
    return "the start or ending changed"


def similar_passwords(passwords: Sequence[Secret]) -> dict[int, list[int]]:
    """For each distinct password (by index) that shares its base with another, every
    password of that base, itself included. Members of one base share one list, so even a
    base held by thousands costs one list, not every pair."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, secret in enumerate(passwords):
        base = _base(secret.reveal())
        if len(base) >= MIN_BASE:
            blocks[base].append(index)
    return {i: members for members in blocks.values() if len(members) > 1 for i in members}
