"""The warning signs and their likely causes, as validated content from ``checks/signs.toml``.

The questions, what each sign may point to, the checks to run and the practical steps are
words a support worker should be able to review without reading Python, so they live in
one TOML file. This module validates it (every error at once, with its line) and checks
that every sign names causes that exist.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hygiene.catalogue import load_files
from hygiene.content import checks_dir
from hygiene.errors import InputError
from hygiene.findings import Severity, Topic
from hygiene.tomlsource import load_toml

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("must be lower-case snake_case (letters, digits, underscores)")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Check(_Strict):
    """A hygiene command worth running, and what it will show."""

    command: str = Field(pattern=r"^hygiene ")
    why: str = Field(min_length=1)


class Cause(_Strict):
    """Something the signs may point to, with what to do about it."""

    id: str
    name: str = Field(min_length=1)
    topic: Topic
    severity: Severity
    why: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    safety: str = Field(min_length=1)
    checks: tuple[Check, ...] = ()
    steps: tuple[str, ...] = Field(min_length=1)

    _id = field_validator("id")(_check_id)


class Sign(_Strict):
    """One warning sign, asked as one yes-or-no question."""

    id: str
    short: str = Field(min_length=1)
    question: str = Field(min_length=1)
    causes: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = ()

    _id = field_validator("id")(_check_id)


class SignsCatalogue(_Strict):
    """Every sign, in the order asked, and every cause they name."""

    cause: tuple[Cause, ...] = Field(min_length=1)
    sign: tuple[Sign, ...] = Field(min_length=1)


def signs_file(root: Path | None = None) -> Path:
    return (root or checks_dir()) / "signs.toml"


def load_signs(root: Path | None = None) -> SignsCatalogue:
    """The signs catalogue under ``root`` (default: the shipped ``checks/``), validated."""
    path = signs_file(root)
    (catalogue,) = load_files([path], SignsCatalogue)
    doc = load_toml(path)
    problems = []
    ids = (("cause", [c.id for c in catalogue.cause]), ("sign", [s.id for s in catalogue.sign]))
    for kind, names in ids:
        for index, name in enumerate(names):
            if name in names[:index]:
                problems.append(doc.problem([kind, index, "id"], f"id '{name}' used twice"))
    known = {cause.id for cause in catalogue.cause}
    for index, sign in enumerate(catalogue.sign):
        for cause_id in sign.causes:
            if cause_id not in known:
                message = f"no [[cause]] with id '{cause_id}'; known: {', '.join(sorted(known))}"
                problems.append(doc.problem(["sign", index, "causes"], message))
    if problems:
        raise InputError(problems)
    return catalogue
