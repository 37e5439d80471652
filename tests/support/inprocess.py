"""Run the CLI inside the test process: the same ``main()`` a user's command runs, without a new interpreter.

For tests about what qualcli answers (exit code, messages, output), not about
the process (start-up time, memory, signals): those use the subprocess
fixture ``qualcli`` in tests/conftest.py.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from tests.conftest import Result


def run_in_process(*args) -> Result:
    """Run ``qualcli ARGS`` through :func:`qualcli.cli.main`; stdout and stderr are captured."""
    from qualcli.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv, debug = sys.argv, os.environ.pop("QUALCLI_DEBUG", None)
    sys.argv = ["qualcli", *map(str, args)]
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv = argv
        if debug is not None:
            os.environ["QUALCLI_DEBUG"] = debug
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def qualcli():
    """In-process replacement for the subprocess ``qualcli`` fixture: import it into a test module to use it there."""
    return run_in_process
