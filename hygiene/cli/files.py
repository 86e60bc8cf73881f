"""Writing a file the person named on the command line, asking first if a link is in the way."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from hygiene.safefile import UnsafeTarget, unsafe_reason, write_private


def write_chosen(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``; a link or special file there is replaced only if confirmed.

    Without a terminal to ask on, the refusal stands (``UnsafeTarget``, a plain message).
    """
    try:
        write_private(path, data)
    except UnsafeTarget:
        reason = unsafe_reason(path)
        if not sys.stdin.isatty() or reason is None or "folder" in reason:
            raise
        question = f"{path} is not a plain file ({reason}). Replace it with the page?"
        if not typer.confirm(question, default=False):
            raise
        write_private(path, data, replace_unsafe=True)
