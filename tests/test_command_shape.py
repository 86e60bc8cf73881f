"""Every command has one shape: a module-level function that runs alone, and options that
several commands share mean the same in each."""

from __future__ import annotations

import json
from importlib import import_module
from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from hygiene.cli.app import COMMAND_MODULES, app


def every_command(group: Any, path: str = "hygiene") -> list[tuple[str, Any]]:
    """Each command with its full name, groups opened."""
    found: list[tuple[str, Any]] = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found += every_command(command, f"{path} {name}")
        else:
            found.append((f"{path} {name}", command))
    return found


def test_a_command_function_runs_alone_in_an_app_of_its_own(cli: Any) -> None:
    from hygiene.cli.helplines import helplines

    own = typer.Typer()
    own.command()(helplines)
    alone = CliRunner().invoke(own, ["--region", "Scotland", "--json"], catch_exceptions=False)
    assert alone.exit_code == 0
    assert json.loads(alone.stdout)["id"] == "scotland"
    assert alone.stdout == cli("helplines", "--region", "Scotland", "--json").stdout


@pytest.mark.parametrize("module_name", COMMAND_MODULES)
def test_each_module_gives_one_command_or_one_group(module_name: str) -> None:
    module = import_module(f"hygiene.cli.{module_name}")
    command, group = getattr(module, "COMMAND", None), getattr(module, "GROUP", None)
    assert (command is None) != (group is None)
    assert callable(command) or isinstance(group, typer.Typer)
    assert isinstance(module.NAME, str)


@pytest.mark.parametrize("flag", ["--json", "--region", "--offline", "--corpus", "--api-url"])
def test_a_shared_option_says_the_same_in_every_command(flag: str) -> None:
    taking = {
        path: param
        for path, command in every_command(get_command(app))
        for param in command.params
        if flag in param.opts
    }
    assert len(taking) > 1, f"{flag} is shared"
    helps = {getattr(param, "help", None) for param in taking.values()}
    defaults = {param.default for param in taking.values()}
    assert len(helps) == 1, f"{flag} means different things: {sorted(taking)}"
    assert len(defaults) == 1
