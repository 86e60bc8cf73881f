"""The four compartments, as validated content from ``checks/compartments.toml``.

Which categories each compartment is suggested for, and the advice shown with it, are
words a support worker should be able to review, so they live in TOML. Every category of
the accounts inventory must belong to exactly one compartment, so every account gets a
suggestion; the loader checks that and lists every problem at once with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hygiene.accounts.inventory import CATEGORIES, Category
from hygiene.catalogue import load_files
from hygiene.content import checks_dir
from hygiene.errors import InputError, Problem
from hygiene.tomlsource import load_toml

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Compartment(BaseModel):
    """One part of life with its own address."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str
    name: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    categories: tuple[Category, ...] = ()
    advice: tuple[str, ...] = ()

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must be lower-case snake_case (letters, digits, underscores)")
        return value


class Compartments(BaseModel):
    """The compartments in the order shown, and the advice every address shares."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    address_advice: tuple[str, ...] = Field(min_length=1)
    compartment: tuple[Compartment, ...] = Field(min_length=1)

    def get(self, compartment_id: str) -> Compartment | None:
        return next((c for c in self.compartment if c.id == compartment_id), None)

    def suggested_for(self, category: str) -> Compartment:
        """The compartment an account of ``category`` is suggested for."""
        return next(c for c in self.compartment if category in c.categories)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.compartment]


def compartments_file(root: Path | None = None) -> Path:
    return (root or checks_dir()) / "compartments.toml"


def load_compartments(root: Path | None = None) -> Compartments:
    """The compartments under ``root`` (default: the shipped ``checks/``), validated."""
    path = compartments_file(root)
    (loaded,) = load_files([path], Compartments)
    doc = load_toml(path)
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for index, compartment in enumerate(loaded.compartment):
        if compartment.id in [c.id for c in loaded.compartment[:index]]:
            problems.append(
                doc.problem(["compartment", index, "id"], f"id '{compartment.id}' used twice")
            )
        for category in compartment.categories:
            if category in owner:
                message = f"category '{category}' is already in '{owner[category]}'"
                problems.append(doc.problem(["compartment", index, "categories"], message))
            owner.setdefault(category, compartment.id)
    missing = [c for c in CATEGORIES if c not in owner]
    if missing:
        problems.append(
            Problem(
                f"categories in no compartment: {', '.join(missing)}; "
                "every category needs one, so every account gets a suggestion",
                source=str(path),
            )
        )
    if problems:
        raise InputError(problems)
    return loaded
