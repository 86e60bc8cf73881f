"""Where the folders shipped beside the code are found: ``checks/`` and ``examples/``.

In a wheel they are shipped as ``hygiene/checks`` and ``hygiene/examples``; in a source
checkout they sit beside the package. Everything that reads them asks here, so there is
one answer to "which content is this run using".
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _bundled(name: str) -> Path:
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parent.parent / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"the hygiene folder {name}/ is missing from this install")


def checks_dir() -> Path:
    """The declarative content: provider catalogue, compartments, signs, regions."""
    return _bundled("checks")


def examples_dir() -> Path:
    """The fictional person's files that ``hygiene demo`` runs on."""
    return _bundled("examples")
