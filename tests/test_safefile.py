"""Every writer against planted links and special files, and the bounded reader.

The other person may have had the computer: a link left at the name a file will take, or
at the temporary name beside it, must never send the person's data anywhere else.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from scripted import ScriptedPrompter
from typer.testing import Result

from hygiene.accounts.inventory import Account, Inventory, load_inventory, save_inventory
from hygiene.accounts.providers import load_catalogue
from hygiene.accounts.review import review
from hygiene.safefile import NotReadable, UnsafeTarget, read_regular, write_private

SECRET_ELSEWHERE = b"the other person's synced file\n"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A file the other person would like the data to land in (say, a synced folder)."""
    target = tmp_path / "synced" / "notes.txt"
    target.parent.mkdir()
    target.write_bytes(SECRET_ELSEWHERE)
    target.chmod(0o644)
    return target


def untouched(path: Path) -> bool:
    return path.read_bytes() == SECRET_ELSEWHERE and stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_link_at_the_target_is_refused(tmp_path: Path, elsewhere: Path) -> None:
    link = tmp_path / "plan.html"
    link.symlink_to(elsewhere)
    with pytest.raises(UnsafeTarget, match="link"):
        write_private(link, b"the plan")
    assert link.is_symlink() and untouched(elsewhere)


def test_a_confirmed_link_is_replaced_never_written_through(
    tmp_path: Path, elsewhere: Path
) -> None:
    link = tmp_path / "plan.html"
    link.symlink_to(elsewhere)
    write_private(link, b"the plan", replace_unsafe=True)
    assert not link.is_symlink() and link.read_bytes() == b"the plan"
    assert stat.S_IMODE(link.stat().st_mode) == 0o600
    assert untouched(elsewhere)


def test_a_link_at_the_temporary_name_is_stepped_around(
    tmp_path: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The temporary names are random; make the first one a name a link already holds.
    (tmp_path / ".tmp-planted").symlink_to(elsewhere)
    names: Iterator[str] = iter(["planted", "fresh"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    write_private(tmp_path / "plan.html", b"the plan")
    assert (tmp_path / "plan.html").read_bytes() == b"the plan"
    assert untouched(elsewhere)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_special_target_is_refused(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "plan.html"
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    with pytest.raises(UnsafeTarget):
        write_private(target, b"the plan")
    if kind == "folder":
        with pytest.raises(UnsafeTarget):
            write_private(target, b"the plan", replace_unsafe=True)


def test_a_wide_umask_still_gives_a_private_file(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        write_private(tmp_path / "a.toml", b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.toml").stat().st_mode) == 0o600


# -- the accounts inventory ----------------------------------------------------------


def inventory() -> Inventory:
    return Inventory(accounts=[Account(label="Gmail", login="sam@example.org")])


def test_the_inventory_ignores_a_link_at_its_old_temporary_name(
    tmp_path: Path, elsewhere: Path
) -> None:
    (tmp_path / ".inv.toml.tmp").symlink_to(elsewhere)
    save_inventory(inventory(), tmp_path / "inv.toml")
    assert untouched(elsewhere)
    assert not (tmp_path / "inv.toml").is_symlink()
    assert load_inventory(tmp_path / "inv.toml").accounts[0].label == "Gmail"
    assert stat.S_IMODE((tmp_path / "inv.toml").stat().st_mode) == 0o600


def test_the_review_asks_before_replacing_a_planted_inventory_link(
    tmp_path: Path, elsewhere: Path
) -> None:
    path = tmp_path / "inv.toml"
    path.symlink_to(elsewhere)
    with pytest.raises(UnsafeTarget):
        review(ScriptedPrompter(["n"]), path, load_catalogue())
    assert path.is_symlink() and untouched(elsewhere)
    prompter = ScriptedPrompter(["y", "16"])  # replace it; then finished at once
    review(prompter, path, load_catalogue())
    assert untouched(elsewhere)


# -- --html on the command line -------------------------------------------------------


@pytest.mark.parametrize("command", [["demo"], ["plan"]])
def test_html_through_a_planted_link_is_refused(
    cli: Callable[..., Result], tmp_path: Path, elsewhere: Path, command: list[str]
) -> None:
    link = tmp_path / "plan.html"
    link.symlink_to(elsewhere)
    result = cli(*command, "--html", str(link))
    assert result.exit_code == 2
    assert "link" in result.stderr and "Traceback" not in result.stderr
    assert untouched(elsewhere) and link.is_symlink()


# -- reading -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "zero", "large"])
def test_only_ordinary_files_under_the_cap_are_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "range"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(b"x" * 5000)
    started = time.monotonic()
    with pytest.raises(NotReadable):
        read_regular(path, 4096)
    assert time.monotonic() - started < 30
