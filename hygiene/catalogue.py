"""Loading declarative content from ``checks/``: every file validated, every error at once.

Each kind of content (providers, compartments, warning signs, regions) is a pydantic model;
``load_files`` parses and validates a set of files and raises one ``InputError`` that lists
every problem in every file, each with its file and line, so a reviewer fixes them in one
pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from hygiene.content import checks_dir
from hygiene.errors import InputError, Problem
from hygiene.tomlsource import load_toml, validation_problems

M = TypeVar("M", bound=BaseModel)


def load_files(paths: Iterable[Path], model: type[M]) -> list[M]:
    """Every file validated against ``model``; all problems in all files raised together."""
    loaded: list[M] = []
    problems: list[Problem] = []
    for path in sorted(paths):
        try:
            doc = load_toml(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        try:
            loaded.append(model.model_validate(doc.data))
        except ValidationError as exc:
            problems.extend(validation_problems(doc, exc))
    if problems:
        raise InputError(problems)
    return loaded


def content_files(folder: str, root: Path | None = None) -> list[Path]:
    """The ``*.toml`` files of one content folder under ``checks/`` (or under ``root``)."""
    base = (root or checks_dir()) / folder
    return sorted(base.glob("*.toml"))
