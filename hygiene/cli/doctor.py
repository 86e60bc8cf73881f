"""``hygiene doctor``: every pluggable part, which option is in use, and why the others are not.

Each part contributes one section through a function in ``SECTIONS``; a new part (a keyring
backend) adds its function there and appears in the same listing and JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hygiene.cli import console
from hygiene.cli.options import ApiUrl, Corpus, Json, Offline

if TYPE_CHECKING:
    from hygiene.availability import Section


@dataclass(frozen=True)
class DoctorOptions:
    """The options that change what would be chosen."""

    offline: bool
    corpus: Path | None
    api_url: str | None


def breach_section(options: DoctorOptions) -> Section:
    from hygiene.availability import Section
    from hygiene.breach.select import list_sources

    return Section("Breach check", list_sources(options.offline, options.corpus, options.api_url))


def keyring_section(options: DoctorOptions) -> Section:
    from hygiene.availability import Section
    from hygiene.vault.keys import keyring_options

    return Section("Keyring for kept sessions", keyring_options())


SECTIONS: list[Callable[[DoctorOptions], Section]] = [breach_section, keyring_section]


def doctor(
    offline: Offline = False,
    corpus: Corpus = None,
    api_url: ApiUrl = None,
    json: Json = False,
) -> None:
    """List what hygiene can use on this computer (the places it looks passwords up,
    the keyring that locks kept sessions), which one is in use, and why the others
    cannot be. Connects to nothing."""
    options = DoctorOptions(offline, corpus, api_url)
    sections = [make(options) for make in SECTIONS]
    if json:
        from hygiene.cli.render import print_json

        print_json({"sections": [section.to_dict() for section in sections]})
        return
    for section in sections:
        console.echo(section.title)
        for option in section.options:
            mark = "in use" if option.chosen else ("usable" if option.usable else "not usable")
            console.echo(f"  {option.name}: {mark}: {option.detail}")


NAME = "doctor"
COMMAND = doctor
