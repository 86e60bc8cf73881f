"""From answers about the warning signs to likely causes, next steps and findings.

The answers come from the questionnaire (through the prompt seam) or from a list of the
signs that apply, for scripts. "Not sure" counts as a sign that applies: an unknown is
never treated as safe, and checking costs less than missing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from hygiene.errors import InputError, Problem
from hygiene.findings import Finding, cause_key, in_plan_order, make
from hygiene.prompts import Prompter
from hygiene.signs.catalogue import Cause, Check, Sign, SignsCatalogue


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


ANSWER_WORDS = {Answer.YES: "Yes", Answer.NO: "No", Answer.NOT_SURE: "Not sure"}
NONE_WORDS = frozenset({"", "none"})


@dataclass(frozen=True)
class LikelyCause:
    """One cause, with the signs that point to it (in the order asked)."""

    cause: Cause
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class SignsResult:
    answers: Mapping[str, Answer]
    causes: tuple[LikelyCause, ...]
    checks: tuple[Check, ...]
    steps: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def applying(self) -> tuple[str, ...]:
        return tuple(sign_id for sign_id, answer in self.answers.items() if answer != Answer.NO)

    def to_dict(self) -> dict[str, object]:
        return {
            "answers": {sign_id: answer.value for sign_id, answer in self.answers.items()},
            "signs": list(self.applying),
            "causes": [
                {
                    "id": likely.cause.id,
                    "name": likely.cause.name,
                    "signs": [sign.id for sign in likely.signs],
                }
                for likely in self.causes
            ],
            "checks": [{"command": check.command, "why": check.why} for check in self.checks],
            "steps": list(self.steps),
            "findings": [finding.to_dict() for finding in self.findings],
        }


def ask(prompter: Prompter, catalogue: SignsCatalogue) -> dict[str, Answer]:
    """The questionnaire: one numbered question per sign, answered yes, no or not sure."""
    total = len(catalogue.sign)
    prompter.say(
        f"{total} short questions about things you may have noticed. "
        "Answer yes, no or not sure; type q at any question to leave."
    )
    options = list(ANSWER_WORDS.values())
    answers: dict[str, Answer] = {}
    for number, sign in enumerate(catalogue.sign, start=1):
        index = prompter.choose(f"Question {number} of {total}. {sign.question}", options)
        answers[sign.id] = list(ANSWER_WORDS)[index]
    return answers


def parse_answers(text: str, catalogue: SignsCatalogue) -> dict[str, Answer]:
    """``--answers``: the signs that apply, by id or question number, comma-separated.

    Every sign not named is answered "no"; ``none`` (or nothing) means none apply.
    """
    ids = [sign.id for sign in catalogue.sign]
    chosen: set[str] = set()
    problems = []
    for raw in text.split(","):
        item = raw.strip().lower()
        if item in NONE_WORDS:
            continue
        if item.isascii() and item.isdigit() and 1 <= int(item) <= len(ids):
            chosen.add(ids[int(item) - 1])
        elif item in ids:
            chosen.add(item)
        else:
            problems.append(
                Problem(
                    f"'{raw.strip()}' is not a sign; use numbers 1 to {len(ids)} "
                    f"or these ids: {', '.join(ids)}",
                    where="--answers",
                )
            )
    if problems:
        raise InputError(problems)
    return {sign_id: Answer.YES if sign_id in chosen else Answer.NO for sign_id in ids}


def assess(catalogue: SignsCatalogue, answers: Mapping[str, Answer]) -> SignsResult:
    """Likely causes (most signs first), the checks and steps for them, and one finding each."""
    applying = [sign for sign in catalogue.sign if answers.get(sign.id, Answer.NO) != Answer.NO]
    causes: list[LikelyCause] = []
    for cause in catalogue.cause:
        pointing = tuple(sign for sign in applying if cause.id in sign.causes)
        if pointing:
            causes.append(LikelyCause(cause, pointing))
    # Most signs first; the catalogue order breaks ties (it lists the most serious first).
    causes.sort(key=lambda likely: -len(likely.signs))
    checks: dict[str, Check] = {}
    steps: dict[str, None] = {}
    for likely in causes:
        for check in likely.cause.checks:
            checks.setdefault(check.command, check)
        steps.update(dict.fromkeys(likely.cause.steps))
    for sign in applying:
        steps.update(dict.fromkeys(sign.steps))
    findings = in_plan_order(_finding(likely, answers) for likely in causes)
    return SignsResult(
        answers=dict(answers),
        causes=tuple(causes),
        checks=tuple(checks.values()),
        steps=tuple(steps),
        findings=tuple(findings),
    )


def _finding(likely: LikelyCause, answers: Mapping[str, Answer]) -> Finding:
    cause = likely.cause
    unsure = all(answers.get(sign.id) == Answer.NOT_SURE for sign in likely.signs)
    return make(
        f"signs_point_to_{cause.id}",
        severity=cause.severity,
        topic=cause.topic,
        values={
            "cause": cause.name,
            "signs": ", ".join(sign.short for sign in likely.signs),
            "cause_why": cause.why,
            "cause_fix": cause.fix,
        },
        variant="unsure" if unsure else (),
        safety=cause.safety,
        cause=cause_key(f"signs:{cause.id}"),
    )
