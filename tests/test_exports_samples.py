"""Every real export in the shared sample folder is detected as its product and read.

The samples sit beside the project (``shared/samples/exports`` in an ancestor folder of
the checkout); where they are absent, as in a clean clone, these tests are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hygiene.exports.interface import Entry
from hygiene.exports.registry import open_export

FAMILY = {
    "1password": ("1password", "1pux"),
    "apple": ("apple",),
    "bitwarden": ("bitwarden",),
    "chrome": ("chrome",),
    "dashlane": ("dashlane",),
    "firefox": ("firefox",),
    "keepassxc": ("keepassxc",),
    "lastpass": ("lastpass",),
    "protonpass": ("protonpass",),
}


def _samples() -> Path | None:
    project = Path(__file__).resolve().parent.parent
    for folder in project.parents:
        candidate = folder / "shared" / "samples" / "exports"
        if candidate.is_dir():
            return candidate
    return None


SAMPLES = _samples()
FILES = (
    sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")
    if SAMPLES
    else []
)


@pytest.mark.skipif(SAMPLES is None, reason="no shared export samples beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_sample_is_detected_and_read(path: Path, tmp_path: Path) -> None:
    family = FAMILY[path.parent.name]
    if path.suffix == ".txt":
        # A header quoted from a C++ test: rebuild the line it asserts, as a CSV file.
        parts = re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text())
        header = "".join(parts).replace('\\"', '"').replace("\\n", "\n")
        path = tmp_path / "header.csv"
        path.write_text(header)
    export = open_export(path)
    assert export.layout.name.startswith(family)
    items = list(export.items)
    assert items or path.name == "header.csv", "nothing was read"
    assert all(isinstance(i, Entry) or i.reason for i in items)
