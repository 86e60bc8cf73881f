"""The options several commands share, declared once so each means the same everywhere.

A command takes one by naming its type: ``as_json: Json = False``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]

Region = Annotated[
    str,
    typer.Option(
        "--region",
        help="Whose helplines and law to show: uk, england, scotland, wales or "
        "northern-ireland, in any case.",
    ),
]

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
