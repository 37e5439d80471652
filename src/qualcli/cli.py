"""The ``qualcli`` command line.

Each command is declared in its own module under :mod:`qualcli.commands`,
which imports only Typer at start-up; the work (and heavy libraries) are
imported inside the command when it runs.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from qualcli.commands.conventions import CONTEXT_SETTINGS, QualcliGroup, show_version
from qualcli.errors import QualcliError

COMMAND_MODULES = (
    "parse",
    "validate",
    "show",
    "plugins",
    "nos",
    "map",
    "diff",
    "lint",
    "legislation",
    "plan",
    "check",
    "coverage",
)

app = typer.Typer(
    name="qualcli",
    help="Parse, diff, map and lint UK vocational qualification specifications.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=QualcliGroup,
    context_settings=CONTEXT_SETTINGS,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=show_version,
                                 help="Show qualcli's version and each plugin's, and exit."),
) -> None:
    """Parse, diff, map and lint UK vocational qualification specifications."""

for _module in COMMAND_MODULES:
    importlib.import_module(f"qualcli.commands.{_module}").register(app)


def main() -> None:
    """Console-script entry point: run the app, turning user errors into exit 2."""
    try:
        result = app(prog_name="qualcli", standalone_mode=False)  # returns the exit code of typer.Exit
    except QualcliError as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, BrokenPipeError, typer.Abort):
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors from the command-line parser
        ctx = getattr(exc, "ctx", None)
        if ctx is None or type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        _fail(f"{exc.format_message()} (see '{ctx.command_path} --help')")
    except Exception as exc:  # a bug or an input we did not foresee: one line, exit 2
        if os.environ.get("QUALCLI_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set QUALCLI_DEBUG=1 for details)")
    sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str) -> None:
    print(f"qualcli: error: {message}", file=sys.stderr)
    sys.exit(2)
