"""Assessing many distinct passwords on every core, without any password crossing a pipe.

zxcvbn and the targeted estimate are pure Python, so one core does about 150 passwords a
second. On Linux the work is split across forked workers: each inherits the passwords
and the facts in its copy of memory, receives only index ranges, and sends back
assessments with the facts' values blanked (parts keep their kind and label, which is
all a report shows). Elsewhere, for small exports or on one core, it runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from hygiene.secret import Secret

if TYPE_CHECKING:
    from hygiene.facts.model import Facts
    from hygiene.strength import Assessment

PARALLEL_FROM = 200  # below this, starting workers costs more than it saves
CHUNK = 50
MAX_WORKERS = 8

# Set in the parent just before the workers fork, so they inherit it; cleared after.
_job: tuple[Sequence[Secret], Facts | None] | None = None


def _blanked(assessment: Assessment) -> Assessment:
    """The same assessment with each fact's value removed: nothing personal is sent back."""
    target = assessment.targeted
    parts = tuple(
        replace(p, fact=replace(p.fact, value="")) if p.fact is not None else p
        for p in target.parts
    )
    return replace(assessment, targeted=replace(target, parts=parts))


def _assess_range(bounds: tuple[int, int]) -> list[Assessment]:
    from hygiene.strength import assess

    assert _job is not None
    passwords, facts = _job
    return [_blanked(assess(p, facts)) for p in passwords[bounds[0] : bounds[1]]]


def _workers() -> int:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return min(usable, MAX_WORKERS)


def assess_all(
    passwords: Sequence[Secret],
    facts: Facts | None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Assessment]:
    """Both verdicts for each password, in order."""
    from hygiene.strength import assess

    global _job
    total = len(passwords)
    workers = _workers()
    if total < PARALLEL_FROM or workers < 2 or not sys.platform.startswith("linux"):
        results = []
        for password in passwords:
            results.append(assess(password, facts))
            if progress is not None:
                progress(len(results), total)
        return results
    chunks = [(start, min(start + CHUNK, total)) for start in range(0, total, CHUNK)]
    _job = (passwords, facts)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            results = []
            for part in pool.imap(_assess_range, chunks):
                results.extend(part)
                if progress is not None:
                    progress(len(results), total)
    finally:
        _job = None
    return results
