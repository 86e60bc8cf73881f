"""The ``hygiene`` command: the Typer application and the one place errors become exit codes."""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

import typer

from hygiene import __version__
from hygiene.cli import console, exitcodes
from hygiene.cli.shape import PlainGroup
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


# What each command is for, in a few plain words, in the order bare ``hygiene`` lists
# them: where to start first. Click would cut each docstring to fit, mid-sentence.
SHORT_HELP: dict[str, str] = {
    "session": "Start here: a guided meeting, with a support worker or alone",
    "demo": "See what hygiene does, on a made-up person",
    "plan": "Your plan: what to do, most urgent first",
    "password": "How easy one password is to guess",
    "suggest": "Suggest new passwords that are hard to guess",
    "signs": "Ten questions about signs you are being watched",
    "accounts": "Who can still get into your accounts, and how",
    "facts": "What the other person knows about you",
    "email-plan": "Plan separate email addresses for parts of your life",
    "audit": "Check every password saved in a password manager",
    "phone": "Look at a phone for apps that watch you",
    "log": "A diary of what happened, for the police or a court",
    "helplines": "Numbers to call for help, and your legal options",
    "examples": "Copy the made-up person's files, to use as templates",
    "forget": "Remove what was kept on this computer",
    "breach": "Look passwords up in lists of leaked passwords",
    "corpus": "Use a downloaded copy of the leaked-password list",
    "doctor": "Check what this computer can use for the checks",
    "catalogue": "For maintainers: which provider pages need checking",
}


class HygieneGroup(PlainGroup):
    """Turns the core's errors into a plain message and an exit code, never a traceback;
    lists the commands where to start first, each with its few plain words."""

    def list_commands(self, ctx: Any) -> list[str]:
        order = list(SHORT_HELP)
        names = super().list_commands(ctx)
        return sorted(names, key=lambda name: order.index(name) if name in order else len(order))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and cmd_name in SHORT_HELP:
            command.short_help = SHORT_HELP[cmd_name]
        return command

    def invoke(self, ctx: Any) -> Any:
        from hygiene.cli.render import guarded_output

        with guarded_output():
            return self._invoke(ctx)

    def _invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (Interrupted, KeyboardInterrupt, typer.Abort):
            console.clear_screen()
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
        "Start with hygiene session for a guided meeting, or hygiene demo to see what it "
        "does on a made-up person first. Any command followed by --help says more.\n\n"
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


def add_commands(app: typer.Typer, module_names: tuple[str, ...]) -> None:
    """Add each module's command the one way every module declares it: ``NAME`` and either
    ``COMMAND``, a function (its help: ``HELP`` if set, else its docstring), or ``GROUP``, a
    group of commands."""
    for module_name in module_names:
        module = import_module(f"hygiene.cli.{module_name}")
        group = getattr(module, "GROUP", None)
        if group is not None:
            app.add_typer(group, name=module.NAME)
        else:
            app.command(module.NAME, help=getattr(module, "HELP", None))(module.COMMAND)


add_commands(app, COMMAND_MODULES)


def main() -> None:
    # Rich's tracebacks would print local variables, which may hold a password.
    os.environ.setdefault("_TYPER_STANDARD_TRACEBACK", "1")
    console.install()
    app(prog_name="hygiene")
