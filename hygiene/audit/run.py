"""Running the audit: read every login, check each distinct password once, rank what needs doing.

Stages, each timed and reported to an optional observer (the CLI draws a progress bar
from it; the core knows nothing of terminals): read the export; assess each distinct
password against the facts (both verdicts); look each distinct password up in the breach
source; find reuse and near-duplicates. Each entry then gets one line per reason, and
entries are ranked most urgent first. Nothing is written anywhere; passwords stay in
``Secret`` objects and no output of this module contains one.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from hygiene.audit.domains import app_package
from hygiene.audit.groups import change, login_key, reuse_groups, similar_passwords
from hygiene.audit.parallel import assess_all
from hygiene.audit.reasons import Reason
from hygiene.errors import CheckUnavailable, Problem
from hygiene.exports.interface import Entry, Refused, SkipKind, Skipped
from hygiene.secret import Secret

if TYPE_CHECKING:
    from hygiene.breach.interface import BreachSource, Progress, Result
    from hygiene.exports.registry import Export
    from hygiene.facts.model import Facts
    from hygiene.strength import Assessment

OLD_AFTER = timedelta(days=365)
# Skips that a misread file produces; trashed and password-less rows are real vault content.
MAYBE_MISREAD = frozenset({SkipKind.NOT_LOGIN, SkipKind.MALFORMED})
READ_REPORT_EVERY = 500
# Far past one person's vault (a heavy user keeps a few thousand logins). Above it the file
# is refused as soon as the limit is passed, instead of running for many minutes.
MAX_LOGINS = 20_000
MAX_NAMED = 3


class Observer(Protocol):
    """Told how far a stage has got; ``total`` is 0 while it is not yet known."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class AuditedEntry:
    """One login with everything found about it. ``reasons`` pairs an id with its line."""

    entry: Entry
    assessment: Assessment
    breach: Result
    reasons: tuple[tuple[Reason, str], ...]
    reuse_group: int | None
    # The logins whose passwords are a small edit of each other, shared by every member.
    similar_group: int | None = None

    @property
    def name(self) -> str:
        return display_name(self.entry)

    def to_dict(self) -> dict[str, Any]:
        assessment = self.assessment.to_dict()
        changed = self.entry.password_changed
        return {
            "title": self.entry.title,
            "username": self.entry.username,
            "url": self.entry.url,
            "urls": list(self.entry.urls),
            "row": self.entry.row,
            "reasons": [reason.value for reason, _ in self.reasons],
            "details": [
                {"reason": r.value, "severity": r.severity.value, "text": text}
                for r, text in self.reasons
            ],
            "reuse_group": self.reuse_group,
            "generic": assessment["generic"],
            "targeted": assessment["targeted"],
            "verdict": assessment["verdict"],
            "breach": self.breach.to_dict(),
            "password_changed": changed.isoformat() if changed else None,
        }


@dataclass(frozen=True)
class AuditReport:
    layout: str
    label: str
    entries: tuple[AuditedEntry, ...]  # most urgent first
    skipped: tuple[Skipped, ...]
    distinct_passwords: int
    breach_source: str
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    notes: tuple[str, ...] = ()  # how the file was read: encoding, separator, zip member
    plaintext: bool = True  # an export to delete afterwards, not a password manager's store

    @property
    def needs_action(self) -> bool:
        return any(e.reasons for e in self.entries)

    @property
    def unread(self) -> int:
        """Rows that were not read as logins for a reason that may be hygiene's misreading."""
        return sum(1 for s in self.skipped if s.kind in MAYBE_MISREAD)

    @property
    def misread(self) -> bool:
        """No login was read, or most rows were not: this is no picture of the vault."""
        return not self.entries or self.unread > len(self.entries)

    def doubt(self) -> str | None:
        """Why this audit may not cover the vault, in words for the person; None when it does."""
        if not self.entries:
            return (
                "No login was read from this file, so nothing was checked. It may not be "
                "a password export, or hygiene may have misread it. Export again from the "
                "password manager (or from the browser), and try that file."
            )
        if not self.misread:
            return None
        kinds = Counter(s.kind for s in self.skipped)
        total = len(self.entries) + self.unread
        return (
            f"Only {len(self.entries)} of {total} rows were read as logins "
            f"({kinds[SkipKind.NOT_LOGIN]} were taken as notes, cards and the like, "
            f"{kinds[SkipKind.MALFORMED]} could not be read). If the password manager holds "
            "more logins than that, this file was misread and this audit is not the whole "
            "picture: export again, or from the browser, and try that file."
        )

    @property
    def breach_unknown(self) -> int:
        return sum(1 for e in self.entries if e.breach.status == "unknown")

    def lines(self) -> list[tuple[Reason, AuditedEntry, str]]:
        """One line per reason per entry, most urgent first."""
        found = [(r, e, text) for e in self.entries for r, text in e.reasons]
        order = {id(e): i for i, e in enumerate(self.entries)}
        return sorted(found, key=lambda x: (x[0].severity.rank, order[id(x[1])], x[0].rank))

    def summary(self) -> dict[str, Any]:
        by_reason = Counter(r.value for e in self.entries for r, _ in e.reasons)
        breach = Counter(e.breach.status for e in self.entries)
        groups = {e.reuse_group for e in self.entries if e.reuse_group is not None}
        return {
            "logins": len(self.entries),
            "distinct_passwords": self.distinct_passwords,
            "needs_action": sum(1 for e in self.entries if e.reasons),
            "by_reason": {r.value: by_reason.get(r.value, 0) for r in Reason},
            "reuse_groups": len(groups),
            "breach": {s: breach.get(s, 0) for s in ("found", "not_found", "unknown")},
            "breach_source": self.breach_source,
            "skipped": len(self.skipped),
            "skipped_by_kind": {
                k.value: sum(1 for s in self.skipped if s.kind is k) for k in SkipKind
            },
            "may_be_misread": self.misread,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "notes": list(self.notes),
            "doubt": self.doubt(),
            "entries": [e.to_dict() for e in self.entries],
            "skipped": [
                {"row": s.row, "kind": s.kind.value, "reason": s.reason} for s in self.skipped
            ],
            "summary": self.summary(),
        }


def display_name(entry: Entry) -> str:
    return entry.title or entry.url or f"row {entry.row}"


def _named(names: list[str], count: int | None = None) -> str:
    """The first few names, and how many more there are (``count`` when names is cut)."""
    total = len(names) if count is None else count
    shown = ", ".join(names[:MAX_NAMED])
    return shown + (f" and {total - MAX_NAMED} more" if total > MAX_NAMED else "")


def _strength_reasons(assessment: Assessment) -> list[tuple[Reason, str]]:
    from hygiene.strength import Level
    from hygiene.strength.targeted import SCRIPT_LOG10

    found: list[tuple[Reason, str]] = []
    target = assessment.targeted
    variant = target.old_password_variant
    if variant is not None and variant.guesses_log10 <= SCRIPT_LOG10:
        if variant.edits == 0 and variant.change == "the same password":
            text = f"this is old password {variant.position} from your facts, unchanged"
        else:
            text = f"a small change to old password {variant.position} ({variant.change})"
        found.append((Reason.OLD_PASSWORD_VARIANT, text))
    elif target.guessable and target.personal_parts:
        found.append((Reason.GUESSABLE, f"someone who knows you could guess it: {target.reading}"))
    if not found and (assessment.verdict.level is Level.weak or assessment.generic.score <= 2):
        found.append(
            (Reason.WEAK, f"easy for guessing programs (score {assessment.generic.score} of 4)")
        )
    return found


def _timed(timings: dict[str, float], stage: str, started: float) -> float:
    now = time.perf_counter()
    timings[stage] = now - started
    return now


def _read(export: Export, observer: Observer | None) -> tuple[list[Entry], list[Skipped]]:
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    for item in export.items:
        if isinstance(item, Entry):
            entries.append(item)
            if len(entries) > MAX_LOGINS:
                raise Refused(
                    Problem(
                        f"this export holds more than {MAX_LOGINS:,} logins, more than hygiene "
                        "audits at once (one person's vault rarely holds a tenth of that). If "
                        "it is yours, export it a folder at a time and audit each part."
                    ),
                    "too_large",
                )
        else:
            skipped.append(item)
        count = len(entries) + len(skipped)
        if observer is not None and count % READ_REPORT_EVERY == 0:
            observer("read", count, 0)
    return entries, skipped


def _stage_progress(observer: Observer | None, stage: str) -> Progress | None:
    if observer is None:
        return None
    report = observer

    def progress(done: int, total: int) -> None:
        report(stage, done, total)

    return progress


def _breach(
    source: BreachSource, distinct: Sequence[Secret], observer: Observer | None
) -> list[Result]:
    from hygiene.breach.interface import Unknown

    try:
        return source.check_many(distinct, _stage_progress(observer, "breach"))
    except CheckUnavailable as exc:
        return [Unknown(str(exc), source.name)] * len(distinct)


class _Context:
    """What the per-entry reasons need to know about the whole export."""

    def __init__(
        self,
        entries: list[Entry],
        password_of: list[int],
        groups: list[list[list[int]]],
        similar: dict[int, list[int]],
        cutoff: datetime,
    ) -> None:
        self.entries, self.password_of, self.groups = entries, password_of, groups
        self.similar, self.cutoff = similar, cutoff
        self.group_of: dict[int, int] = {}
        self.account_of: dict[int, list[int]] = {}
        for number, group in enumerate(groups, start=1):
            for account in group:
                for m in account:
                    self.group_of[m] = number
                    self.account_of[m] = account
        self.holders: dict[int, list[int]] = {}
        for index, password in enumerate(password_of):
            self.holders.setdefault(password, []).append(index)
        self.keys = [login_key(e) for e in entries]
        self.similar_numbers: dict[int, int] = {}
        # Names per reuse group, once: a group of thousands must not be rebuilt per entry.
        self.group_names = [[self.account_name(a) for a in group] for group in groups]

    def similar_group(self, index: int) -> int | None:
        """The number of the set of passwords a small edit apart that entry ``index`` is in."""
        members = self.similar.get(self.password_of[index])
        if members is None:
            return None
        # Members of one base share one list: its identity names the set.
        return self.similar_numbers.setdefault(id(members), len(self.similar_numbers) + 1)

    def account_name(self, account: list[int]) -> str:
        """A website row names the account better than its app row does."""
        web = [m for m in account if not any(app_package(u) for u in self.entries[m].urls)]
        return display_name(self.entries[(web or account)[0]])

    def reasons(
        self, index: int, assessment: Assessment, result: Result
    ) -> tuple[tuple[Reason, str], ...]:
        entry, entries = self.entries[index], self.entries
        reasons = _strength_reasons(assessment)
        if result.status == "found":
            reasons.append((Reason.BREACHED, result.describe()))
        key = self.keys[index]
        if index in self.group_of:
            number = self.group_of[index] - 1
            accounts, names = self.groups[number], self.group_names[number]
            own = self.account_of[index]
            others = [name for a, name in zip(accounts, names, strict=True) if a is not own]
            reasons.append((Reason.REUSED, f"the same password as {_named(others)}"))
        mine = self.password_of[index]
        near = [
            m
            for other in self.similar.get(mine, [])
            if other != mine
            for m in self.holders[other]
            if self.keys[m] != key
        ]
        if near:
            named = _named([display_name(entries[m]) for m in near[:MAX_NAMED]], len(near))
            how = change(entry.password.reveal(), entries[near[0]].password.reveal())
            reasons.append((Reason.SIMILAR, f"a small edit of the password of {named} ({how})"))
        if any(u.lower().startswith("http://") for u in entry.urls if app_package(u) is None):
            reasons.append((Reason.INSECURE_URL, "its address starts with http://"))
        changed = entry.password_changed
        if changed is not None and changed < self.cutoff:
            reasons.append((Reason.OLD, f"not changed since {changed.date().isoformat()}"))
        if entry.entity_like:
            reasons.append((Reason.EXPORT_ALTERED, "the export may have changed characters in it"))
        return tuple(sorted(reasons, key=lambda r: r[0].rank))


def run_audit(
    export: Export,
    source: BreachSource,
    facts: Facts | None = None,
    *,
    observer: Observer | None = None,
    since: datetime | None = None,
    now: datetime | None = None,
) -> AuditReport:
    """Audit every login of ``export``; ``since`` flags passwords unchanged before it."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    entries, skipped = _read(export, observer)
    started = _timed(timings, "read", started)

    index_of: dict[Secret, int] = {}
    password_of = [index_of.setdefault(e.password, len(index_of)) for e in entries]
    distinct = list(index_of)
    assessments = assess_all(distinct, facts, _stage_progress(observer, "strength"))
    started = _timed(timings, "strength", started)

    results = _breach(source, distinct, observer)
    started = _timed(timings, "breach", started)

    groups = reuse_groups(entries, password_of)
    similar = similar_passwords(distinct)
    started = _timed(timings, "reuse", started)

    cutoff = since or (now or datetime.now(UTC)) - OLD_AFTER
    context = _Context(entries, password_of, groups, similar, cutoff)
    audited = [
        AuditedEntry(
            entry,
            assessments[password_of[index]],
            results[password_of[index]],
            context.reasons(index, assessments[password_of[index]], results[password_of[index]]),
            context.group_of.get(index),
            context.similar_group(index),
        )
        for index, entry in enumerate(entries)
    ]
    ranked = sorted(
        audited,
        key=lambda a: (
            min((r.severity.rank for r, _ in a.reasons), default=99),
            min((r.rank for r, _ in a.reasons), default=99),
            -len(a.reasons),
            a.entry.row,
        ),
    )
    renumbered: dict[int, int] = {}
    final = []
    for item in ranked:
        group = item.reuse_group
        if group is not None:
            group = renumbered.setdefault(group, len(renumbered) + 1)
        final.append(
            AuditedEntry(
                item.entry, item.assessment, item.breach, item.reasons, group, item.similar_group
            )
        )
    return AuditReport(
        layout=export.layout.name,
        label=export.layout.label,
        entries=tuple(final),
        skipped=tuple(skipped),
        distinct_passwords=len(distinct),
        breach_source=source.name,
        timings=timings,
        notes=export.notes,
        plaintext=export.plaintext,
    )
