"""Writing command output: stdout, or a file given with ``-o``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from qualcli.errors import QualcliError


def write_output(text: str | bytes, out: str | None) -> None:
    """Write ``text`` to stdout (``out`` None or ``-``) or atomically to a file.

    The file is written to a temporary name beside it and renamed into place,
    so an interrupted run never leaves a half-written file.
    """
    if out in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(out)
    if target.is_dir():
        raise QualcliError("output path is a directory", out)
    if not target.parent.exists():
        raise QualcliError("output folder does not exist", out)
    mode = "wb" if isinstance(text, bytes) else "w"
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **({} if isinstance(text, bytes) else {"encoding": "utf-8"})) as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
