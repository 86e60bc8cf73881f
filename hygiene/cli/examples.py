"""``hygiene examples DIR``: copy the made-up person's files where a person can open them.

The demo runs on these files, and they double as templates; inside an installed package
they sit where nobody would look, so this puts copies in a folder the person names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hygiene.cli import console, exitcodes


def examples(
    folder: Annotated[
        Path, typer.Argument(help="The folder to copy them into (made if it is not there).")
    ],
) -> None:
    """Copy the example files (a made-up person's facts, accounts and passwords) into FOLDER,
    to read or to fill in as templates. Files already there are left as they are."""
    from hygiene.content import examples_dir
    from hygiene.errors import InputError
    from hygiene.safefile import write_private

    if folder.exists() and not folder.is_dir():
        raise InputError("this is a file, not a folder", source=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"the folder cannot be made ({exc.strerror})", source=folder) from None
    copied, kept = [], []
    for source in sorted(examples_dir().iterdir()):
        if not source.is_file():
            continue
        target = folder / source.name
        if target.exists():
            kept.append(source.name)
            continue
        # Filled in, a template holds personal facts: only this user may read it.
        write_private(target, source.read_bytes())
        copied.append(source.name)
    if copied:
        console.echo(f"Copied into {folder}: {', '.join(copied)}.")
    if kept:
        console.echo(f"Already there, left as they were: {', '.join(kept)}.")
    console.echo(
        "Everything in them is made up. README.md says what each file is; to make your own "
        "facts file by answering questions instead: hygiene facts new FILE"
    )
    raise typer.Exit(exitcodes.OK)


NAME = "examples"
COMMAND = examples
