"""One shape for every command group: the group class they all use.

A group lists each command with its first sentence whole: Click would cut it to fit the
column, mid-word ("Make a facts file by answering questions, one kind of fact at a...").
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperGroup

SENTENCE_END = re.compile(r"(?<=[.?!])\s")


class PlainGroup(TyperGroup):
    """A command group whose listing gives each command's first sentence, never cut."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and not command.short_help and command.help:
            paragraph = " ".join(command.help.split("\n\n")[0].split())
            command.short_help = SENTENCE_END.split(paragraph)[0].rstrip(".")
        return command


def group(help: str) -> typer.Typer:
    """A command group (``hygiene accounts ...``) in the shape every group shares."""
    return typer.Typer(help=help, cls=PlainGroup, no_args_is_help=True, rich_markup_mode=None)
