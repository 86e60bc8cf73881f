"""The breach-check options every command shares, and the one helper that opens a source.

``hygiene password``, ``hygiene breach``, ``hygiene audit`` and ``hygiene doctor`` take the
same ``--offline``, ``--corpus`` and ``--api-url``, declared once here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hygiene.breach.interface import BreachSource

Offline = Annotated[
    bool,
    typer.Option(
        "--offline",
        help="Make no network connection at all; use --corpus or the built-in list.",
    ),
]
Corpus = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        envvar="HYGIENE_CORPUS",
        help=(
            "A local copy of Pwned Passwords: the downloader's single ordered SHA-1 file "
            "or its folder of range files. Nothing is sent anywhere."
        ),
        show_default=False,
    ),
]
ApiUrl = Annotated[
    str | None,
    typer.Option(
        "--api-url",
        envvar="HYGIENE_HIBP_URL",
        help="Address of the Pwned Passwords range API or a mirror of it.",
        show_default=False,
    ),
]


def open_breach_source(offline: bool, corpus: Path | None, api_url: str | None) -> BreachSource:
    """The source the options ask for (raises InputError naming what is wrong)."""
    from hygiene.breach.select import open_source

    return open_source(offline, corpus, api_url)
