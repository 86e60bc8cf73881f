"""``hygiene corpus verify PATH``: check a downloaded Pwned Passwords corpus before using it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console
from hygiene.cli.progress import stage_progress
from hygiene.cli.shape import group

corpus_app = group("Work with a downloaded copy of the list of leaked passwords.")


@corpus_app.command("verify")
def verify(
    path: Annotated[
        Path, typer.Argument(help="The single ordered file, or the folder of range files.")
    ],
) -> None:
    """Read the whole corpus once and say plainly what is wrong: out of hash order, cut
    short, NTLM lines mixed in, files that do not belong, ranges missing.

    Exit codes: 0 the corpus looks complete and usable; 2 something is wrong (listed)."""
    from hygiene.breach.verify import verify as run
    from hygiene.errors import InputError, Problem

    if not path.exists():
        raise InputError(Problem("does not exist", str(path)))
    verdict = run(path, progress=stage_progress("corpus"))
    if verdict.problems:
        raise InputError(verdict.problems)
    kind = "single ordered file" if verdict.layout == "file" else "folder of range files"
    console.echo(
        f"{path}: looks good: a {kind} with {verdict.hashes:,} SHA-1 hashes in order, "
        "ranges 00000 to FFFFF."
    )


@corpus_app.command("index")
def index(
    path: Annotated[Path, typer.Argument(help="The single ordered file.")],
) -> None:
    """Verify the ordered file and write an index beside it (PATH.hygiene-index, 8 MiB), so
    each lookup goes straight to its range and the order is known to be right. Rebuild it
    after replacing the corpus; a stale index is ignored.

    Exit codes: 0 index written; 2 the corpus has problems (listed), nothing written."""
    from hygiene.breach.index import build_index
    from hygiene.errors import InputError, Problem

    if not path.exists():
        raise InputError(Problem("does not exist", str(path)))
    written = build_index(path, progress=stage_progress("corpus"))
    console.echo(f"{path}: verified and indexed; the index is {written.name}.")


NAME = "corpus"
GROUP = corpus_app
