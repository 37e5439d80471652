"""The ``qualcli`` command line.

Each command is declared in its own module under :mod:`qualcli.commands`,
which imports only Typer; the module is imported, and its command built, only
when that command is used (:mod:`qualcli.commands.lazy`), and the work (and
heavy libraries) are imported inside the command when it runs.
"""

from __future__ import annotations

import sys

import typer

from qualcli.commands.conventions import CONTEXT_SETTINGS, show_version
from qualcli.commands.lazy import LazyGroup
from qualcli.errors import QualcliError
from qualcli.exits import fail, unforeseen


class RootGroup(LazyGroup):
    """``qualcli``: one command per module of :mod:`qualcli.commands`, listed in this order by ``--help``."""

    command_modules = (
        "parse",
        "validate",
        "show",
        "plugins",
        "map",
        "diff",
        "lint",
        "plan",
        "check",
        "coverage",
        "nos",
        "legislation",
    )


app = typer.Typer(
    name="qualcli",
    help="Parse, diff, map and lint UK vocational qualification specifications.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=RootGroup,
    context_settings=CONTEXT_SETTINGS,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=show_version,
                                 help="Show qualcli's version and each plugin's, and exit."),
) -> None:
    """Parse, diff, map and lint UK vocational qualification specifications."""


RootGroup.app = app  # the commands are built with the app's settings


def main() -> None:
    """Console-script entry point: run the app, turning user errors into exit 2."""
    try:
        result = app(prog_name="qualcli", standalone_mode=False)  # returns the exit code of typer.Exit
    except QualcliError as exc:
        fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, BrokenPipeError, typer.Abort):
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors from the command-line parser
        ctx = getattr(exc, "ctx", None)
        if ctx is None or type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        fail(f"{exc.format_message()} (see '{ctx.command_path} --help')")
    except Exception as exc:  # a bug or an input we did not foresee: one line, exit 2
        unforeseen(exc)
    sys.exit(result if isinstance(result, int) else 0)
