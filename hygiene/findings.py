"""The Finding, the one currency between checks and reports, and the registry of its kinds.

A check says what it found as findings; a report renders findings. Nothing else crosses
between the two, so every output format (terminal, Markdown, HTML, JSON) shows the same
facts in the same order. Every kind of finding is declared once, as data, in
``checks/findings.toml``: its stable id, topic, the severities it may take, the shared
safety note, whether acting on it changes something or can be noticed, and its wording:
title, why and fix as templates (``hygiene.wording``) over the fields the kind declares,
with named variants where a sub-case reads differently. ``make`` builds a finding from
that declaration and the check's values, so no check writes its own wording or safety
note, or picks a severity its kind does not allow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from hygiene.wording import Value, expand, fill, needed


class Severity(StrEnum):
    """How soon to act, most urgent first."""

    URGENT = "urgent"  # the other person can get in now
    HIGH = "high"  # one step from getting in, or a root of other ways in
    MEDIUM = "medium"  # makes getting in easier
    LOW = "low"  # good to do

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Topic(StrEnum):
    """Where a finding belongs in the plan; plan sections follow this order."""

    ACCESS_NOW = "access_now"  # accounts, devices or sharing the other person can use now
    DEVICES = "devices"  # phones and trackers: monitoring apps, devices they have held
    RECOVERY = "recovery"  # recovery routes, especially the roots of chains
    PASSWORDS = "passwords"  # known, guessable, reused, breached or weak passwords
    COMPARTMENTS = "compartments"  # separate addresses for separate parts of life
    GOOD_TO_DO = "good_to_do"  # worth doing when the rest is done

    @property
    def rank(self) -> int:
        return list(Topic).index(self)


@dataclass(frozen=True)
class Finding:
    """One thing to know and do. ``id`` is a stable snake_case name scripts can rely on."""

    id: str
    severity: Severity
    topic: Topic
    subject: str
    title: str
    why: str
    fix: str
    safety: str | None = None
    account: str | None = None  # the inventory id of the account acting on it changes
    # What lets them in, as a stable key: "account:ID/PART" for something of one account
    # (its password, a session, an answer), else the shared thing itself ("contact:KEY",
    # "device:ID", "reuse:HASH"). A plan makes one item of all findings with one owner
    # (the part before "/"). Never a password; may hold a contact, so never shown.
    cause: str | None = None
    where: str | None = None  # where the setting is, from the provider catalogue

    def to_dict(self) -> dict[str, str | None]:
        """The finding as shown to a person or a script: its cause, which may hold a
        contact's full value, stays out (``saved`` keeps it, encrypted)."""
        data = self.saved()
        del data["cause"]
        return data

    def saved(self) -> dict[str, str | None]:
        """Every field, for a saved session."""
        data = asdict(self)
        data["severity"] = self.severity.value
        data["topic"] = self.topic.value
        return data

    @property
    def kind(self) -> Kind:
        return registry().kind(self.id)


def cause_key(owner: str, part: str | None = None) -> str:
    """A finding's cause: its owner (with any "/" in it escaped), then "/" and the part of
    it when the owner has several ("account:gmail/password")."""
    owner = owner.replace("%", "%25").replace("/", "%2F")
    return f"{owner}/{part}" if part else owner


def cause_owner(cause: str) -> str:
    """The owner of a cause: what a plan makes one item of."""
    return cause.partition("/")[0]


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Most urgent first; ties keep the order the checks produced them in."""
    return sorted(findings, key=lambda f: f.severity.rank)


def in_plan_order(findings: Iterable[Finding]) -> list[Finding]:
    """By plan section (topic), then most urgent first within each."""
    return sorted(findings, key=lambda f: (f.topic.rank, f.severity.rank))


Stage = Literal["now", "ready", "when_safe"]

# Joins a kind's shared safety note to what one provider is known to tell them; a plan
# says the shared part once per stage and keeps only what follows this under the item.
ON_SERVICE = "On this service: "


PARTS = ("subject", "title", "why", "fix")
REQUIRED_PARTS = ("title", "why", "fix")  # a subject without a template is the check's label


class Wording(BaseModel):
    """Templates for the parts of a finding; a variant declares only what it changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    subject: str | None = None
    title: str | None = None
    why: str | None = None
    fix: str | None = None

    def parts(self) -> dict[str, str]:
        return {part: text for part in PARTS if (text := getattr(self, part)) is not None}


class Phrase(BaseModel):
    """A piece of wording several kinds share, or a check picks between."""

    # Not stripped: a phrase added to the end of a sentence starts with its space.
    model_config = ConfigDict(extra="forbid", frozen=True)

    fields: tuple[str, ...] = ()
    text: str = Field(min_length=1)


class Kind(Wording):
    """One kind of finding, as declared in ``checks/findings.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    formerly: tuple[str, ...] = ()
    family: str | None = None  # ids are this id + "_" + one entry of the named list
    topic: Topic
    severities: tuple[Severity, ...] = Field(min_length=1)
    severity_rule: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    changes_something: bool
    can_alert: bool
    stage: Stage
    # A key of the registry's [safety] table; checked even when absent (see below).
    safety: str | None = Field(default=None, validate_default=True)
    fields: tuple[str, ...] = ()  # the values its templates may name
    variants: dict[str, Wording] = {}

    @cached_property
    def field_names(self) -> frozenset[str]:
        return frozenset(self.fields)

    def wording(self, variants: Sequence[str] = ()) -> dict[str, str]:
        """The templates of each part, with ``variants`` laid over the kind's own in order."""
        parts = self.parts()
        for name in variants:
            if name not in self.variants:
                raise KeyError(f"'{self.id}' has no variant '{name}'")
            parts.update(self.variants[name].parts())
        return parts

    @field_validator("stage")
    @classmethod
    def _now_is_unnoticed(cls, value: str, info: ValidationInfo) -> str:
        # "Safe to do now" promises nothing they can notice.
        if value == "now" and info.data.get("can_alert"):
            raise ValueError("a finding that can alert them cannot be in the stage 'now'")
        return value

    @field_validator("safety")
    @classmethod
    def _alert_needs_note(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A field check, not a model one, so it is listed with the entry's other problems.
        if value is None and info.data.get("can_alert"):
            raise ValueError("a finding that can alert them needs a safety note")
        return value

    @field_validator("id")
    @classmethod
    def _no_blame_word(cls, value: str) -> str:
        # Ids reach --json and saved plans a person keeps: they say "them", never the word.
        if "abuser" in value:
            raise ValueError("an id never says 'abuser' (say 'them')")
        return value


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    safety: dict[str, str] = {}
    plural: dict[str, str] = {}  # a noun, and how it reads for any count but one
    phrase: dict[str, Phrase] = {}
    finding: tuple[Kind, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Registry:
        problems = []
        seen: set[str] = set()
        for kind in self.finding:
            for name in (kind.id, *kind.formerly):
                if name in seen:
                    problems.append(f"the id '{name}' is declared twice")
                seen.add(name)
            if kind.safety is not None and kind.safety not in self.safety:
                problems.append(
                    f"'{kind.id}' names the safety note '{kind.safety}', not in [safety]"
                )
        problems += self._wording_problems()
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _wording_problems(self) -> list[str]:
        """Every template parses, names only what it may, and never says the word."""
        texts = self.phrase_texts
        problems = []
        for name, entry in self.phrase.items():
            where = f"the phrase '{name}'"
            problems += _template_problems(where, entry.text, entry.fields, texts)
            problems += _unused(where, entry.fields, [entry.text], texts)
        for name, note in self.safety.items():
            problems += _template_problems(f"the safety note '{name}'", note, (), texts)
        for kind in self.finding:
            problems += _kind_problems(kind, texts)
        return problems

    @cached_property
    def phrase_texts(self) -> dict[str, str]:
        return {name: phrase.text for name, phrase in self.phrase.items()}

    @cached_property
    def by_id(self) -> dict[str, Kind]:
        return {name: kind for kind in self.finding for name in (kind.id, *kind.formerly)}

    def kind(self, finding_id: str) -> Kind:
        """The kind of ``finding_id`` (a family member by its prefix); KeyError if none."""
        if finding_id in self.by_id:
            return self.by_id[finding_id]
        for kind in self.finding:
            if kind.family and finding_id.startswith(kind.id + "_"):
                return kind
        raise KeyError(finding_id)

    def current_id(self, finding_id: str) -> str:
        """The id today of a finding saved under ``finding_id``, maybe an old one."""
        kind = self.kind(finding_id)
        return kind.id if finding_id in kind.formerly else finding_id

    @cached_property
    def safety_notes(self) -> dict[str, str]:
        texts = self.phrase_texts
        return {name: fill(expand(note, texts), {}) for name, note in self.safety.items()}

    @cached_property
    def expanded_phrases(self) -> dict[str, str]:
        return {name: expand(entry.text, self.phrase_texts) for name, entry in self.phrase.items()}

    def safety_note(self, kind: Kind) -> str | None:
        return self.safety_notes[kind.safety] if kind.safety else None

    @cached_property
    def laid_over(self) -> dict[tuple[str, tuple[str, ...]], dict[str, str]]:
        """Each kind's templates with variants laid over and phrases written in, as asked
        for: a plan asks for the same few thousands of times."""
        return {}

    def words(
        self,
        finding_id: str,
        values: Mapping[str, Value] | None = None,
        variant: str | Sequence[str] = (),
        parts: Sequence[str] = PARTS,
    ) -> dict[str, str]:
        """Each of ``parts`` of ``finding_id``'s wording, filled with ``values``.

        A family member reads as its kind with the variant of the member's name laid
        over it first, when the kind declares one. KeyError, naming the kind and the
        field but never a value (values may be personal), for a variant or field the kind
        does not declare, a missing value, or a part it has no wording for.
        """
        kind = self.kind(finding_id)
        values = values or {}
        if not kind.field_names.issuperset(values):
            unknown = sorted(set(values) - kind.field_names)
            raise KeyError(f"'{kind.id}' has no field {', '.join(unknown)}")
        chosen = (variant,) if isinstance(variant, str) else tuple(variant)
        if kind.family:
            member = finding_id.removeprefix(kind.id + "_")
            if member in kind.variants:
                chosen = (member, *chosen)
        templates = self.laid_over.get((kind.id, chosen))
        if templates is None:
            texts = self.phrase_texts
            templates = {part: expand(t, texts) for part, t in kind.wording(chosen).items()}
            self.laid_over[(kind.id, chosen)] = templates
        filled = {}
        for part in parts:
            if part not in templates:
                if part in REQUIRED_PARTS:
                    raise KeyError(f"'{finding_id}' has no {part}")
                continue
            try:
                filled[part] = fill(templates[part], values)
            except KeyError as exc:
                raise KeyError(f"'{kind.id}' {part} needs the value '{exc.args[0]}'") from None
        return filled

    def phrase_text(self, name: str, values: Mapping[str, Value]) -> str:
        """The phrase ``name`` filled with ``values``; KeyError as for ``words``."""
        if name not in self.phrase:
            raise KeyError(f"no phrase '{name}'")
        unknown = sorted(set(values) - set(self.phrase[name].fields))
        if unknown:
            raise KeyError(f"the phrase '{name}' has no field {', '.join(unknown)}")
        try:
            return fill(self.expanded_phrases[name], values)
        except KeyError as exc:
            raise KeyError(f"the phrase '{name}' needs the value '{exc.args[0]}'") from None

    def counted(self, count: int, noun: str) -> str:
        """ "1 account", "4 accounts": the plural as [plural] declares it."""
        return f"{count} {noun if count == 1 else self.plural[noun]}"


def _kind_problems(kind: Kind, phrases: Mapping[str, str]) -> list[str]:
    where = f"'{kind.id}'"
    problems = [
        f"{where} has a field '{name}' that is also a phrase's name"
        for name in kind.fields
        if name in phrases
    ]
    templates = []
    for variant, wording in [(None, kind), *kind.variants.items()]:
        for part, template in wording.parts().items():
            said = f"{where} {part}" + (f" (variant '{variant}')" if variant else "")
            problems += _template_problems(said, template, kind.fields, phrases)
            templates.append(template)
    problems += _unused(where, kind.fields, templates, phrases)
    # A kind reads complete on its own; only a family's members may each bring the rest
    # of theirs (the audit's reasons).
    for variant in kind.variants if kind.family and kind.variants else [None]:
        parts = kind.wording([variant] if variant else [])
        missing = [part for part in REQUIRED_PARTS if part not in parts]
        if missing:
            said = f" (variant '{variant}')" if variant else ""
            problems.append(f"{where}{said} has no {' or '.join(missing)}")
    return problems


def _template_problems(
    where: str, template: str, fields: Sequence[str], phrases: Mapping[str, str]
) -> list[str]:
    if "abuser" in template.lower():
        return [f"{where} says 'abuser' (say 'the other person' or 'them')"]
    try:
        unknown = needed(template, phrases) - set(fields)
    except ValueError as exc:
        return [f"{where}: {exc}"]
    return [f"{where} names {{{name}}}, not one of its fields" for name in sorted(unknown)]


def _unused(
    where: str, fields: Sequence[str], templates: list[str], phrases: Mapping[str, str]
) -> list[str]:
    # A declared field no template names is a misspelling waiting to drop a value.
    used: set[str] = set()
    for template in templates:
        try:
            used |= needed(template, phrases)
        except ValueError:
            continue  # said by _template_problems
    return [
        f"{where} declares the field '{name}' but never names it"
        for name in fields
        if name not in used
    ]


@cache
def registry() -> Registry:
    """The registry shipped in ``checks/findings.toml``, validated once per run."""
    from hygiene.catalogue import load_files
    from hygiene.content import checks_dir

    return load_files([checks_dir() / "findings.toml"], Registry)[0]


def make(
    finding_id: str,
    *,
    severity: Severity,
    values: Mapping[str, Value] | None = None,
    variant: str | Sequence[str] = (),
    subject: str | None = None,
    alert_note: str | None = None,
    safety: str | None = None,
    account: str | None = None,
    topic: Topic | None = None,
    cause: str | None = None,
    where: str | None = None,
) -> Finding:
    """A finding of a declared kind, worded by its templates filled with ``values``.

    Its topic and safety note come from the registry. ``subject`` is the check's label
    for what the finding is about, given only when the kind has no subject template.
    ``alert_note`` adds what this provider is known to tell the other person; ``safety``
    replaces the shared note where the kind's own content has a better one (a sign's
    cause), and ``topic`` the declared one, for a family whose members say their own.
    """
    reg = registry()
    kind = reg.kind(finding_id)
    if severity not in kind.severities:
        raise ValueError(f"'{finding_id}' cannot be {severity.value}")
    if topic is not None and kind.family is None:
        raise ValueError(f"'{finding_id}' has the topic {kind.topic.value}")
    words = reg.words(finding_id, values, variant)
    if ("subject" in words) == (subject is not None):
        raise ValueError(
            f"'{kind.id}' takes its subject from {'its template' if subject else 'the check'}"
        )
    note = safety or reg.safety_note(kind)
    if note and alert_note:
        note = f"{note} {ON_SERVICE}{alert_note}"
    return Finding(
        id=finding_id,
        severity=severity,
        topic=topic or kind.topic,
        subject=words.get("subject", subject or ""),
        title=words["title"],
        why=words["why"],
        fix=words["fix"],
        safety=note,
        account=account,
        cause=cause,
        where=where,
    )


def phrase(name: str, /, **values: Value) -> str:
    """A shared phrase of the registry, filled: for a value that is itself wording."""
    return registry().phrase_text(name, values)
