"""What the commands that check passwords share: the one helper that opens the source their
``--offline``, ``--corpus`` and ``--api-url`` (declared in ``cli/options.py``) ask for, and
how one result is said and what exit code results give.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hygiene.breach.interface import BreachSource, Result


def open_breach_source(offline: bool, corpus: Path | None, api_url: str | None) -> BreachSource:
    """The source the options ask for (raises InputError naming what is wrong)."""
    from hygiene.breach.select import open_source

    return open_source(offline, corpus, api_url)


def breach_line(result: Result) -> str:
    """The breach result as one plain sentence, for commands that check one password."""
    return f"Breach: {result.describe()} (source: {result.source})."


def breach_advice(result: Result) -> list[str]:
    """What to do about one password's breach result, when there is something to do."""
    if result.status == "found":
        return [
            "  Anyone trying leaked passwords tries this one early: change it everywhere "
            "it is used, and do not use it again."
        ]
    if result.status == "unknown":
        return [
            "  Not checked is not safe. Check again when online, or use --corpus with a "
            "downloaded copy of the corpus."
        ]
    return []


def breach_exit_code(results: Iterable[Result], needs_action: bool = False) -> int:
    """Found (or another check's ``needs_action``) wins: 1, act on it; then unknown: 3,
    never "safe"; else 0."""
    from hygiene.cli import exitcodes

    statuses = {result.status for result in results}
    if needs_action or "found" in statuses:
        return exitcodes.ATTENTION
    if "unknown" in statuses:
        return exitcodes.UNKNOWN
    return exitcodes.OK
