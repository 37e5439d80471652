"""How a run ends when something goes wrong: one line on stderr and exit code 2, never a traceback.

Shared by the Typer command line (:func:`qualcli.cli.main`) and the start-up
fast path (:mod:`qualcli.fastpath`), so both end alike.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time: the fast path avoids its cost
if TYPE_CHECKING:
    from typing import Callable, NoReturn


def fail(message: str) -> NoReturn:
    """Print ``qualcli: error: MESSAGE`` and exit 2."""
    print(f"qualcli: error: {message}", file=sys.stderr)
    sys.exit(2)


def unforeseen(exc: BaseException) -> NoReturn:
    """A bug or an input nobody foresaw: one line and exit 2 (the traceback itself with QUALCLI_DEBUG set)."""
    if os.environ.get("QUALCLI_DEBUG"):
        raise exc
    fail(f"internal error: {type(exc).__name__}: {exc} (set QUALCLI_DEBUG=1 for details)")


def run_guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code; a user error (:class:`~qualcli.errors.QualcliError`) or an unforeseen one exits 2,
    an interrupt or a closed output pipe 130."""
    from qualcli.errors import QualcliError

    try:
        return run()
    except QualcliError as exc:
        fail(str(exc))
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130)
    except Exception as exc:
        unforeseen(exc)
