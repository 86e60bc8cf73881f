"""The breach-check options every command shares, and the one helper that opens a source.

``hygiene password``, ``hygiene breach``, ``hygiene audit`` and ``hygiene doctor`` take the
same ``--offline``, ``--corpus`` and ``--api-url``, declared once here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hygiene.breach.interface import BreachSource, Result

Offline = Annotated[
    bool,
    typer.Option(
        "--offline",
        help="Connect to nothing: check against a downloaded list (--corpus) or the small "
        "list built in.",
    ),
]
Corpus = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        envvar="HYGIENE_CORPUS",
        help=(
            "A downloaded copy of the list of leaked passwords (Pwned Passwords: its one "
            "file, or its folder of files). Nothing is sent anywhere."
        ),
        show_default=False,
    ),
]
ApiUrl = Annotated[
    str | None,
    typer.Option(
        "--api-url",
        envvar="HYGIENE_HIBP_URL",
        help="Where to look passwords up instead of Pwned Passwords (a copy of its service).",
        show_default=False,
    ),
]


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
