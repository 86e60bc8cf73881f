"""Asking for the facts one kind at a time, so nobody has to learn a file format.

``ask_facts`` goes through the kinds in a fixed order, each with a plain sentence of what
belongs there, and checks every answer with the same rules as the facts file. It backs
``hygiene facts new`` (which writes the answers to a file) and the offer in ``hygiene
password`` (which keeps them in memory only). Old passwords are asked hidden, and only when
the answers stay in memory: a file of them would be one more thing to steal.
"""

from __future__ import annotations

from dataclasses import dataclass

import tomli_w

from hygiene.facts.load import value_problem
from hygiene.facts.model import LIST_OF_KIND, Fact, FactKind, Facts
from hygiene.prompts import Prompter

# Enough for everything a person knows by heart; more belongs in a file.
MAX_PER_KIND = 30
FILE_HEADER = (
    "# What the other person knows about you, written by hygiene facts new.\n"
    "# You can change it in any text editor; hygiene facts check FILE shows what it means.\n"
    "# Keep it somewhere only you can open, and delete it when you no longer need it.\n\n"
)


@dataclass(frozen=True)
class Kind:
    kind: FactKind
    intro: str
    value: str
    label: str | None


KINDS = (
    Kind(
        FactKind.name,
        "Names they know: yours, your children's, your pets', your family's, their own.",
        "A name",
        "Whose name is it (like daughter, dog, me)?",
    ),
    Kind(
        FactKind.date,
        "Dates they know: birthdays, anniversaries, the day you met or moved.",
        "A date (like 21/06/1988)",
        "What is the date (like my birthday)?",
    ),
    Kind(
        FactKind.place,
        "Places they know: towns, streets, house numbers with the street, postcodes, schools.",
        "A place",
        "What is it (like where I grew up)?",
    ),
    Kind(
        FactKind.number,
        "Numbers they know: phone numbers, a car registration, a lucky or shirt number.",
        "A number",
        "What is it (like my old phone)?",
    ),
    Kind(
        FactKind.word,
        "Other words they know: teams, bands, nicknames, hobbies, favourite things.",
        "A word",
        "What is it (like football team)?",
    ),
    Kind(
        FactKind.answer,
        "Answers to security questions they could know (first school, mother's maiden name).",
        "An answer",
        "Which question is it the answer to?",
    ),
    Kind(
        FactKind.old_password,
        "Passwords you used before that they knew or could have seen. They are hidden as "
        "you type and kept only until this check ends.",
        "An old password",
        None,
    ),
)


def ask_facts(prompter: Prompter, *, old_passwords: bool) -> Facts:
    """The facts a person gives, kind by kind; an empty answer moves on to the next kind."""
    prompter.say(
        "I will ask about what the other person knows, one kind at a time. Type one thing "
        "at a time and press Enter; press Enter on an empty line to go on to the next kind."
    )
    facts: list[Fact] = []
    for kind in KINDS:
        if kind.kind is FactKind.old_password and not old_passwords:
            continue
        prompter.say("")
        prompter.say(kind.intro)
        facts.extend(_ask_kind(prompter, kind))
    return Facts(facts=tuple(facts))


def _ask_kind(prompter: Prompter, kind: Kind) -> list[Fact]:
    found: list[Fact] = []
    while len(found) < MAX_PER_KIND:
        question = f"{kind.value} (empty to go on)"
        if kind.label is None:
            value = prompter.secret(question).reveal().strip()
        else:
            value = prompter.ask(question).strip()
        if not value:
            break
        wrong = value_problem(kind.kind, value)
        if wrong is not None:
            prompter.say(f"That {wrong}. Please try again, or press Enter to go on.")
            continue
        label = None
        if kind.label is not None:
            label = prompter.ask(f"{kind.label} (optional)").strip() or None
        found.append(Fact(kind=kind.kind, value=value, label=label, index=len(found)))
    return found


def to_toml(facts: Facts) -> str:
    """The facts as a facts file, with a header that says what it is; never old passwords."""
    lists: dict[str, list[object]] = {}
    for fact in facts.facts:
        if fact.kind is FactKind.old_password:
            continue
        entry: object = (
            fact.value if fact.label is None else {"value": fact.value, "label": fact.label}
        )
        lists.setdefault(LIST_OF_KIND[fact.kind], []).append(entry)
    return FILE_HEADER + tomli_w.dumps(lists, multiline_strings=False)
