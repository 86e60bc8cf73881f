"""Where the declarative content in ``checks/`` is found.

In a wheel, ``checks/`` is shipped as ``hygiene/checks``; in a source checkout it sits
beside the package. Everything that reads the catalogue asks here, so there is one
answer to "which content is this run using".
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def checks_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "checks"
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parent.parent / "checks"
    if source.is_dir():
        return source
    raise FileNotFoundError("the hygiene content folder (checks/) is missing from this install")
