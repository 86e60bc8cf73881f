"""Choosing the breach source, and saying why each one is or is not usable.

Priority: a local corpus when one is named (``--corpus`` or ``HYGIENE_CORPUS``), because it
sends nothing anywhere; else the range API, unless ``--offline``; else the built-in list
of common passwords, which can flag a common password but never clear one. The chosen
full source falls back to the built-in list for lookups it could not answer.
"""

from __future__ import annotations

import os
from pathlib import Path

from hygiene.availability import Availability
from hygiene.breach.builtin import BuiltinSource, WithFallback
from hygiene.breach.interface import BreachSource
from hygiene.breach.offline import open_corpus
from hygiene.breach.online import DEFAULT_URL, URL_ENV, OnlineSource, Settings
from hygiene.errors import InputError

CORPUS_ENV = "HYGIENE_CORPUS"


def corpus_path(corpus: Path | None) -> Path | None:
    if corpus is not None:
        return corpus
    from_env = os.environ.get(CORPUS_ENV, "").strip()
    return Path(from_env) if from_env else None


def resolve_api_url(url: str | None) -> str:
    return url or os.environ.get(URL_ENV, "").strip() or DEFAULT_URL


def open_source(
    offline: bool,
    corpus: Path | None,
    api_url: str | None = None,
    settings: Settings | None = None,
) -> BreachSource:
    """The best usable source. A named corpus or address that cannot be used is an
    ``InputError`` naming what is wrong: quietly using something else would surprise."""
    path = corpus_path(corpus)
    if path is not None:
        source = open_corpus(path)
        problem = source.unusable_reason()
        if problem is not None:
            raise InputError(f"the breach corpus cannot be used: {problem}")
        return WithFallback(source)
    if not offline:
        online = OnlineSource(resolve_api_url(api_url), settings)
        problem = online.unusable_reason()
        if problem is not None:
            raise InputError(problem)
        return WithFallback(online)
    return BuiltinSource()


def list_sources(
    offline: bool, corpus: Path | None, api_url: str | None = None
) -> list[Availability]:
    """Every source, in priority order, with why it is or is not usable here."""
    statuses: list[Availability] = []
    path = corpus_path(corpus)
    if path is None:
        statuses.append(
            Availability("offline", False, f"no corpus named (use --corpus PATH or {CORPUS_ENV})")
        )
    else:
        with open_corpus(path) as source:
            problem = source.unusable_reason()
            statuses.append(
                Availability("offline", problem is None, problem or f"uses {source.describe()}")
            )
    online = OnlineSource(resolve_api_url(api_url))
    if offline:
        statuses.append(Availability("online", False, "--offline forbids the network"))
    else:
        problem = online.unusable_reason()
        statuses.append(
            Availability("online", problem is None, problem or f"asks {online.describe()}")
        )
    statuses.append(
        Availability(
            "built-in",
            True,
            f"always there: {BuiltinSource().describe()}; it can flag a common password "
            "but never clear one",
        )
    )
    if path is not None and not statuses[0].usable:
        return statuses  # a named corpus that cannot be used stops every command
    first = next(i for i, status in enumerate(statuses) if status.usable)
    statuses[first] = Availability(statuses[first].name, True, statuses[first].detail, True)
    return statuses
