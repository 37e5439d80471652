"""Run the CLI inside the test process: the same ``main()`` a user's command runs, without a new interpreter.

For tests about what qualcli answers (exit code, messages, output), not about
the process (start-up time, imports, memory, signals, hash-seed independence):
those call :func:`tests.conftest.run_qualcli`, which starts ``python -m qualcli``.
The ``qualcli`` fixture (tests/conftest.py) is this runner.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path


from tests.conftest import Result


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, like a pipe: ``.buffer`` takes bytes (xlsx to stdout), nothing is a terminal."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n", write_through=True)

    def text(self) -> str:
        """Everything written so far, decoded as the subprocess runner decodes a pipe."""
        self.flush()
        return self.buffer.getvalue().decode("utf-8", errors="replace")


def run_in_process(*args, cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run ``qualcli ARGS`` through :func:`qualcli.cli.main`, in ``cwd`` and with ``stdin`` if given.

    Takes the arguments of :func:`tests.conftest.run_qualcli`; stdout and
    stderr are captured, and the working folder, ``sys.argv``, the standard
    streams and ``QUALCLI_DEBUG`` are restored afterwards.
    """
    from qualcli.cli import main

    return run_entry(main, *args, cwd=cwd, stdin=stdin)


def run_fast_path(*args, cwd: Path | None = None) -> Result | None:
    """Run ``qualcli ARGS`` through the start-up fast path (:func:`qualcli.fastpath.answer`) as
    :func:`run_in_process` runs the Typer command line; None when the fast path does not answer them."""
    from qualcli.fastpath import parse

    if parse([str(a) for a in args]) is None:
        return None

    def answer() -> None:
        from qualcli.fastpath import answer as run

        sys.exit(run(sys.argv[1:]))

    return run_entry(answer, *args, cwd=cwd)


def run_entry(main, *args, cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run the entry point ``main`` with ``sys.argv`` set to ``qualcli ARGS`` (see :func:`run_in_process`)."""
    out, err = _Stream(), _Stream()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    debug = os.environ.pop("QUALCLI_DEBUG", None)
    sys.argv = ["qualcli", *map(str, args)]
    sys.stdin = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        if cwd is not None:
            os.chdir(cwd)
        main()
        code = 0
    except SystemExit as exc:  # as the interpreter ends: None is 0, any other non-integer is printed and is 1
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if not isinstance(exc.code, int | None):
            print(exc.code, file=err)
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved[:4]
        os.chdir(saved[4])
        if debug is not None:
            os.environ["QUALCLI_DEBUG"] = debug
    return Result(code, out.text(), err.text())
