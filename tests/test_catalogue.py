"""Catalogue loading lists every error in every file at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from hygiene.catalogue import load_files
from hygiene.errors import InputError


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    count: int


def test_all_errors_of_all_files_are_reported_together(tmp_path: Path):
    (tmp_path / "a.toml").write_text('id = "a"\ncount = "many"\n')
    (tmp_path / "b.toml").write_text('id = "b"\ncount = 2\ncolour = "red"\n')
    (tmp_path / "c.toml").write_text('id = "c"\ncount = 3\n')
    with pytest.raises(InputError) as caught:
        load_files(tmp_path.glob("*.toml"), Entry)
    text = [str(p) for p in caught.value.problems]
    assert len(text) == 2
    assert any("a.toml, line 2 (count)" in t for t in text)
    assert any("b.toml, line 3 (colour)" in t for t in text)


def test_valid_files_load_in_name_order(tmp_path: Path):
    (tmp_path / "b.toml").write_text('id = "b"\ncount = 2\n')
    (tmp_path / "a.toml").write_text('id = "a"\ncount = 1\n')
    assert [e.id for e in load_files(tmp_path.glob("*.toml"), Entry)] == ["a", "b"]
