"""The process entry point: the ``qualcli`` console script and ``python -m qualcli``.

Importing the CLI creates tens of thousands of objects that live until the
process ends (Typer, click and the modules they import). CPython's cyclic
garbage collector would walk them at every full collection, during start-up,
during the command and at exit: measured, about an eighth of the CPU time of
``qualcli legislation check``. So collection is off while the CLI is
imported, and what the import created is then frozen (:func:`gc.freeze`):
later collections skip it, and everything the command itself creates is
collected as usual. Importing :mod:`qualcli.cli` as a library (or running it
in-process, as tests do) is not affected.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Import the CLI with the garbage collector off, freeze what the import created, run the command."""
    gc.disable()
    from qualcli.cli import main as run_cli

    gc.freeze()
    gc.enable()
    run_cli()
