"""The process entry point: the ``qualcli`` console script and ``python -m qualcli``.

A plain ``legislation``, ``parse`` or ``lint`` command line is answered without
importing Typer at all (:mod:`qualcli.fastpath`); every other one goes to
the Typer command line, as follows.

Importing the CLI creates tens of thousands of objects that live until the
process ends (Typer, click and the modules they import). CPython's cyclic
garbage collector would walk them at every full collection, during start-up,
during the command and at exit: measured, about an eighth of the CPU time of
``qualcli legislation check``. So collection is off while the CLI is
imported, and what the import created is then frozen (:func:`gc.freeze`):
later collections skip it, and everything the command itself creates is
collected as usual.

When the command is done, tearing the interpreter down (freeing every module
and object one by one) is work nobody waits for, so :func:`main` ends the
process with :func:`os._exit` instead, after what a normal exit does that
matters: ``atexit`` handlers run, and stdout and stderr are flushed (a flush
that fails — a closed pipe — is left to the normal exit, which reports it as
before). Files a command writes (``-o``) are closed by the command itself.
When a thread other than the main one is still running, the normal exit is
kept, since it waits for that thread. A command the fast path answers is
treated alike: its imports with collection off, then frozen. Importing :mod:`qualcli.cli` as a
library (or running it in-process, as tests do) is not affected.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Answer a plain command line without Typer (:mod:`qualcli.fastpath`), or else import the CLI
    with the garbage collector off, freeze what the import created, and run the command."""
    gc.disable()
    try:
        from qualcli.fastpath import answer

        code = answer(sys.argv[1:], ready=_collect_from_now)
        if code is None:
            from qualcli.cli import main as run_cli

            _collect_from_now()
            run_cli()
            code = 0
    except SystemExit as exc:
        _exit_now(exc)
        raise
    _exit_now(SystemExit(code))
    sys.exit(code)


def _collect_from_now() -> None:
    """Freeze what the imports created and turn the garbage collector back on."""
    gc.freeze()
    gc.enable()


def _exit_now(exc: SystemExit) -> None:
    """End the process with ``exc``'s status without interpreter teardown; returns when it cannot."""
    import atexit

    code = exc.code
    if code is not None and not isinstance(code, int):
        return  # a message to print: the normal exit prints it
    threading = sys.modules.get("threading")  # not imported: no thread was started with it
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    atexit._clear()  # run once, even when the normal exit takes over below
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit((code or 0) & 0xFF)
