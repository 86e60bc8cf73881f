"""Finding wording as templates: named placeholders, checked on load, filled per finding.

Templates use Python's ``str.format`` syntax, restricted to bare names (``{account}``,
``{count}``). It is the syntax the wording had as f-strings, so a reviewer reads the data
as the code read before; ``string.Formatter.parse`` gives a real parser, so the loader
can list every placeholder of every template and refuse what a template never needs and
a planted value must never reach (attribute access, indexing, conversions, format
specs). Literal braces are written doubled (``{{``). ``string.Template``'s ``$name``
would need its own checks for the same guarantees and reads less plainly next to a
sentence's punctuation.

A placeholder names either a value the check passes (a label, a count, a reference) or
a shared phrase, which is filled in place from the same values: a sentence several kinds
say (how to change a password safely) is written once. Values go in as they are:
escaping belongs to each output format, at render time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from string import Formatter

_PARSER = Formatter()

Value = str | int


def placeholders(template: str) -> tuple[str, ...]:
    """The names ``template`` fills, in order; ValueError if it is not a plain template."""
    names = []
    try:
        parsed = list(_PARSER.parse(template))
    except ValueError as exc:  # an unmatched brace
        raise ValueError(f"does not parse ({exc}); write a literal brace twice") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"'{{{name}}}' is not a plain name such as {{account}}")
        names.append(name)
    return tuple(names)


def expand(template: str, phrases: Mapping[str, str], seen: tuple[str, ...] = ()) -> str:
    """``template`` with each phrase it names written in, so only values are left to fill;
    ValueError if a phrase includes itself."""
    out = []
    for literal, name, _, _ in _PARSER.parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if name not in phrases:
            out.append("{" + name + "}")
        elif name in seen:
            raise ValueError(f"the phrase '{name}' includes itself")
        else:
            out.append(expand(phrases[name], phrases, (*seen, name)))
    return "".join(out)


def needed(template: str, phrases: Mapping[str, str]) -> set[str]:
    """The values ``template`` needs once its phrases are written in; ValueError if it,
    or a phrase it names, is not a plain template."""
    placeholders(template)  # its own syntax first, said plainly
    return set(placeholders(expand(template, phrases)))


def fill(template: str, values: Mapping[str, Value]) -> str:
    """An expanded ``template`` with its values put in; KeyError names a missing value.

    Only for templates ``placeholders`` accepts: bare names, so ``format_map`` never
    reaches into a value, and a value is never read as a template.
    """
    return template.format_map(values)


def listed(names: Sequence[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
