"""The ``hygiene`` command: the Typer application and the one place errors become exit codes."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any

import typer
from typer.core import TyperGroup

from hygiene import __version__
from hygiene.cli import console, exitcodes
from hygiene.errors import CheckUnavailable, HygieneError, InputError, Interrupted

COMMAND_MODULES: tuple[str, ...] = (
    "demo",
    "examples",
    "accounts",
    "facts",
    "password",
    "suggest",
    "helplines",
    "catalogue",
    "signs",
    "emailplan",
    "breach",
    "corpus",
    "doctor",
    "audit",
    "phone",
    "session",
    "plan",
    "log",
    "forget",
)


def clear_screen() -> None:
    """Wipe what was on the terminal, so a quick exit leaves nothing to read over a shoulder."""
    if sys.stdout.isatty():
        # Clear the screen first, then the scrollback: terminals such as tmux move a
        # cleared screen into the scrollback, so the other order would keep it readable.
        from hygiene.cli.render import unguarded

        screen = unguarded(sys.stdout)
        screen.write("\033[H\033[2J\033[3J")
        screen.flush()


class HygieneGroup(TyperGroup):
    """Turns the core's errors into a plain message and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        from hygiene.cli.render import guarded_output

        with guarded_output():
            return self._invoke(ctx)

    def _invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (Interrupted, KeyboardInterrupt, typer.Abort):
            clear_screen()
            raise typer.Exit(exitcodes.INTERRUPTED) from None
        except InputError as exc:
            for problem in exc.problems:
                console.echo(f"error: {problem}", err=True)
            raise typer.Exit(exitcodes.BAD_INPUT) from None
        except CheckUnavailable as exc:
            console.echo(f"could not check: {exc}", err=True)
            raise typer.Exit(exitcodes.UNKNOWN) from None
        except HygieneError as exc:
            console.echo(f"error: {exc}", err=True)
            raise typer.Exit(exitcodes.BAD_INPUT) from None


app = typer.Typer(
    name="hygiene",
    cls=HygieneGroup,
    help=(
        "Find the ways someone who knows you can still get into your accounts, "
        "and shut them, most urgent first. Nothing you type is kept unless you choose.\n\n"
        + exitcodes.HELP
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def version_callback(value: bool) -> None:
    if value:
        console.echo(f"hygiene {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version."
    ),
) -> None:
    """hygiene"""


for _name in COMMAND_MODULES:
    import_module(f"hygiene.cli.{_name}").register(app)


def main() -> None:
    # Rich's tracebacks would print local variables, which may hold a password.
    os.environ.setdefault("_TYPER_STANDARD_TRACEBACK", "1")
    console.install()
    app(prog_name="hygiene")
