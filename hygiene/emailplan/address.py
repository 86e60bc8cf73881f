"""Is a proposed email address an address, and does it reveal anything the other person knows?

A new address is only a fresh start if nothing in it can be guessed or recognised: no
name, birth year, pet, town or old username. The check folds case, accents, separators
and common look-alike digits (``fluffy`` hides in ``F1uffy.85``), and names what it found
by the label of the fact ("your pet's name"), never by the fact itself. Short facts (initials,
a two-digit year, a house number) and rarer forms count only as a whole part of the
address, so that they do not turn up inside unrelated words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_ADDRESS = 254
MAX_LOCAL = 64
SHORT_TOKEN = 3  # below this, a fact must be a whole part of the address
# What email providers accept before the @ (RFC 5322 "atext" and dots).
_LOCAL_CHARS = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_SEPARATORS = re.compile(r"[._+\-]+")
_RUNS = re.compile(r"[a-z]+|[0-9]+")
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
# Digits and symbols that people use in place of letters.
_LOOKALIKES = (
    str.maketrans("013457@$", "oieastas"),
    str.maketrans("013457@$", "olea5tas"),
)


UNCHECKED = (
    "Nothing about what the other person knows was given, so only the shape of the address was "
    "checked; give the facts file to check the rest."
)


@dataclass(frozen=True)
class Known:
    """Something the other person knows, as a token an address must not contain, and its label.

    ``loose`` tokens are found anywhere in the address; the others (rarer forms, short
    numbers) only as a whole part, where they are a clear sign rather than a coincidence.
    """

    value: str
    label: str
    loose: bool = True
    secret: bool = False  # from an old password: matched, never shown


@dataclass(frozen=True)
class Reveal:
    """One part of the proposed address that matches something the other person knows."""

    part: str  # the characters of the proposal itself; empty where they match a password
    label: str


@dataclass(frozen=True)
class AddressCheck:
    address: str
    problems: tuple[str, ...]  # why it is not an address; empty when it is one
    reveals: tuple[Reveal, ...]
    warnings: tuple[str, ...]
    against: int  # how many known tokens it was checked against; none means unknown

    @property
    def is_address(self) -> bool:
        return not self.problems

    @property
    def flagged(self) -> bool:
        return bool(self.reveals or self.warnings)

    @property
    def reveals_nothing(self) -> bool:
        """Checked against what the other person knows, and nothing found (never true unchecked)."""
        return self.is_address and self.against > 0 and not self.flagged

    def explain(self) -> list[str]:
        """Plain sentences for the person who proposed it (their own proposal is shown)."""
        if self.problems:
            return [f"This is not an email address: {problem}." for problem in self.problems]
        lines = [
            f"'{r.part}' is {r.label}, so the other person could recognise it."
            if r.part
            else f"Part of it matches {r.label}, so the other person could recognise it."
            for r in self.reveals
        ]
        lines += self.warnings
        if not self.against:
            lines.append(UNCHECKED)
        elif not lines:
            lines.append("This address contains nothing we know the other person knows.")
        return lines


def fold(text: str) -> str:
    """Lower case, accents removed, nothing but letters and digits."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def address_problems(address: str) -> list[str]:
    """Why ``address`` is not an email address, in plain words; empty when it is one."""
    if not address.strip():
        return ["it is empty"]
    if any(c.isspace() for c in address):
        return ["it contains spaces"]
    if len(address) > MAX_ADDRESS:
        return [f"it is longer than {MAX_ADDRESS} characters"]
    if address.count("@") != 1:
        many = "more than one @" if "@" in address else "no @"
        return [f"it has {many}; an address looks like name@example.org"]
    local, domain = address.split("@")
    problems = []
    if not local:
        problems.append("there is nothing before the @")
    elif len(local) > MAX_LOCAL:
        problems.append(f"the part before the @ is longer than {MAX_LOCAL} characters")
    elif not _LOCAL_CHARS.match(local):
        problems.append(
            "the part before the @ may only use plain letters (a to z), digits, dots, "
            "hyphens and underscores"
        )
    elif local.startswith(".") or local.endswith(".") or ".." in local:
        problems.append("the part before the @ cannot start or end with a dot, or have two dots")
    labels = domain.split(".")
    if not domain:
        problems.append("there is nothing after the @")
    elif len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        problems.append("the part after the @ is not a domain such as example.org")
    elif not labels[-1].isalpha() or len(labels[-1]) < 2:
        problems.append("the part after the @ does not end in a domain ending such as .org")
    return problems


@dataclass(frozen=True)
class _Form:
    """A squashed, lower-cased form of the local part and where each character came from."""

    text: str
    origin: tuple[int, ...]


def _forms(local: str) -> list[_Form]:
    kept = [(index, char.lower()) for index, char in enumerate(local) if char.isalnum()]
    origin = tuple(index for index, _ in kept)
    squashed = "".join(char for _, char in kept)
    texts = [squashed] + [squashed.translate(table) for table in _LOOKALIKES]
    return [_Form(text, origin) for text in dict.fromkeys(texts)]


def _parts(text: str) -> list[tuple[str, int, int]]:
    """The whole parts of ``text`` with their spans: between separators, and letter or digit
    runs; each also in its look-alike spellings."""
    lowered = text.lower()
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^._+\-]+", lowered)]
    spans += [(m.start(), m.end()) for m in _RUNS.finditer(lowered)]
    parts = []
    for start, end in spans:
        piece = lowered[start:end]
        for spelling in {piece, *(piece.translate(table) for table in _LOOKALIKES)}:
            parts.append((spelling, start, end))
    return parts


class KnownTokens:
    """Known tokens folded once, longest first, for checking many addresses against them.

    One entry per folded token: loose if any fact gives it loosely, named by the first.
    """

    def __init__(self, known: Iterable[Known]) -> None:
        tokens: dict[str, tuple[bool, str, bool]] = {}
        for item in known:
            token = fold(item.value)
            if token:
                loose, label, secret = tokens.get(token, (False, item.label, False))
                tokens[token] = (loose or item.loose, label, secret or item.secret)
        self.entries = sorted(
            ((token, *entry) for token, entry in tokens.items()),
            key=lambda entry: -len(entry[0]),
        )

    def __len__(self) -> int:
        return len(self.entries)


def check_address(address: str, known: KnownTokens | Sequence[Known]) -> AddressCheck:
    """Whether ``address`` is an address, and which parts of it the other person could recognise."""
    if not isinstance(known, KnownTokens):
        known = KnownTokens(known)
    problems = address_problems(address)
    if problems:
        return AddressCheck(address, tuple(problems), (), (), len(known))
    local, domain = address.split("@")
    # A domain of one's own ("perry-family.uk") can reveal as much as the name before the @.
    reveals = tuple(
        Reveal("" if secret else subject[start:end], label)
        for subject in (local, domain.rsplit(".", 1)[0])
        for start, end, label, secret in _matches(subject, known)
    )
    warnings = []
    if _YEAR.search(local) and not any(_YEAR.search(r.part) for r in reveals):
        warnings.append("It contains what looks like a year; a year can point to a birthday.")
    return AddressCheck(address, (), reveals, tuple(warnings), len(known))


def _matches(subject: str, known: KnownTokens) -> list[tuple[int, int, str, bool]]:
    """Non-overlapping spans of ``subject`` that contain a known token, longest first."""
    forms = _forms(subject)
    parts = _parts(subject)
    found: list[tuple[int, int, str, bool]] = []
    for token, loose, label, secret in known.entries:
        span = _span(token, forms) if loose and len(token) >= SHORT_TOKEN else None
        if span is None:
            span = next(((start, end) for part, start, end in parts if part == token), None)
        if span is None:
            continue
        start, end = span
        if any(start < other_end and other_start < end for other_start, other_end, *_ in found):
            continue
        found.append((start, end, label, secret))
    return sorted(found)


def _span(token: str, forms: list[_Form]) -> tuple[int, int] | None:
    for form in forms:
        at = form.text.find(token)
        if at >= 0:
            return form.origin[at], form.origin[at + len(token) - 1] + 1
    return None
