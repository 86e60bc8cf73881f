"""Reading a facts file a person or support worker wrote by hand.

The file is TOML with one list per kind (``names``, ``dates``, ``places``, ``numbers``,
``words``, ``old_passwords``, ``answers``); an entry is a string, or a table
``{ value = "Fluffy", label = "pet" }``. Every problem in the file is collected and raised
together as one ``InputError``, each with file, line and entry, so a person fixes the file
in one pass. Messages never repeat an entry's value: the file holds personal facts and
perhaps old passwords.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hygiene.errors import InputError, Problem
from hygiene.facts.expand import parse_date
from hygiene.facts.model import LIST_OF_KIND, Fact, FactKind, Facts
from hygiene.tomlsource import TomlDocument, load_toml

KIND_OF_LIST = {name: kind for kind, name in LIST_OF_KIND.items()}
MAX_VALUE = 200
MAX_FACTS = 2000
ENTRY_KEYS = frozenset({"value", "label"})
SHAPE = (
    "a facts file has one list for each kind of fact, in quotes, for example:\n"
    '  names = ["Robin", { value = "Pepper", label = "dog" }]\n'
    '  dates = ["21/06/1988"]\n'
    '  places = ["Leicester", "14 Mill Lane"]\n'
    "The lists are names, dates, places, numbers, words, old_passwords and answers. "
    "To be asked instead, one kind at a time: hygiene facts new FILE"
)


def load_facts(path: Path | str) -> Facts:
    """The facts in ``path``; an ``InputError`` listing every problem when it has any."""
    try:
        doc = load_toml(Path(path))
    except InputError as exc:
        if not any("not valid TOML" in p.message for p in exc.problems):
            raise
        # Most often a plain list of facts, one a line: show what the file should look like.
        raise InputError([*exc.problems, Problem(SHAPE, source=str(path))]) from None
    problems: list[Problem] = []
    facts: list[Fact] = []
    for key, entries in doc.data.items():
        kind = KIND_OF_LIST.get(key)
        if kind is None:
            known = ", ".join(LIST_OF_KIND.values())
            problems.append(doc.problem([key], f"unknown list '{key}'; the lists are: {known}"))
            continue
        if not isinstance(entries, list):
            problems.append(doc.problem([key], f"'{key}' must be a list, like {key} = [\"...\"]"))
            continue
        lines = element_lines(doc.text, key)
        for index, entry in enumerate(entries):
            found: list[Problem] = []
            fact = _entry(doc, key, kind, index, entry, found)
            line = lines[index] if index < len(lines) else None
            problems.extend(replace(p, line=line or p.line) for p in found)
            if fact is not None:
                facts.append(fact)
    if len(facts) > MAX_FACTS:
        problems.append(Problem(f"has more than {MAX_FACTS:,} facts", source=doc.name))
    if problems:
        raise InputError(problems)
    return Facts(facts=tuple(facts))


def element_lines(text: str, key: str) -> list[int]:
    """The line (from 1) where each element of the top-level array ``key`` starts.

    ``TomlDocument.line_of`` finds the key; a list written one entry a line needs the
    entry's own line, so this walks the array, skipping strings, tables and comments.
    """
    match = re.search(rf"(?m)^\s*\"?{re.escape(key)}\"?\s*=\s*\[", text)
    if match is None:
        return []
    lines: list[int] = []
    depth, at, expecting = 1, match.end(), True
    line = text.count("\n", 0, at) + 1
    while at < len(text) and depth > 0:
        char = text[at]
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", at)
            at = len(text) if end < 0 else end
            continue
        elif char in "\"'":
            if expecting and depth == 1:
                lines.append(line)
                expecting = False
            quote = text[at : at + 3] if text[at : at + 3] in ('"""', "'''") else char
            at += len(quote)
            while at < len(text) and not text.startswith(quote, at):
                if text[at] == "\\" and quote[0] == '"':
                    at += 1
                elif text[at] == "\n":
                    line += 1
                at += 1
            at += len(quote)
            continue
        elif char in "[{":
            if expecting and depth == 1:
                lines.append(line)
                expecting = False
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 1:
            expecting = True
        elif not char.isspace() and expecting and depth == 1:
            lines.append(line)
            expecting = False
        at += 1
    return lines


def _entry(
    doc: TomlDocument, key: str, kind: FactKind, index: int, entry: Any, problems: list[Problem]
) -> Fact | None:
    loc: list[str | int] = [key, index]
    label: Any = None
    value: Any = entry
    if isinstance(entry, dict):
        unknown = sorted(set(entry) - ENTRY_KEYS)
        if unknown:
            problems.append(
                doc.problem(loc, f"unknown key '{unknown[0]}'; an entry has 'value' and 'label'")
            )
            return None
        if "value" not in entry:
            problems.append(doc.problem(loc, "this entry has no 'value'"))
            return None
        value, label = entry["value"], entry.get("label")
        if label is not None and (not isinstance(label, str) or not label.strip()):
            problems.append(doc.problem(loc, "'label' must be some text, like \"pet\""))
            return None
    if isinstance(value, int) and not isinstance(value, bool) and kind is FactKind.number:
        value = str(value)
    # TOML reads an unquoted 1985-03-14 as a date: that is what the person meant.
    if isinstance(value, date) and not isinstance(value, datetime) and kind is FactKind.date:
        value = value.isoformat()
    if not isinstance(value, str):
        problems.append(doc.problem(loc, 'must be text in quotes, or { value = "..." }'))
        return None
    value = value.strip()
    wrong = value_problem(kind, value)
    if wrong is not None:
        problems.append(doc.problem(loc, wrong))
        return None
    return Fact(kind=kind, value=value, label=label.strip() if label else None, index=index)


def value_problem(kind: FactKind, value: str) -> str | None:
    """What is wrong with one fact's value, in words that never repeat it; None when usable."""
    if not value:
        return "is empty"
    if len(value) > MAX_VALUE:
        return f"is longer than {MAX_VALUE} characters"
    if kind is FactKind.date and parse_date(value) is None:
        return "is not a date I can read; write it as 1985-03-14 or 14/03/1985"
    if kind is not FactKind.old_password and not any(c.isalnum() for c in value):
        return "has no letters or digits to guess from"
    return None
