"""Reading a file named on the command line, with one-line errors for what a user can get wrong."""

from __future__ import annotations

from pathlib import Path

from qualcli.errors import QualcliError, UnreadableDocument

SPEC_SUFFIXES = (".yaml", ".yml", ".json")  # a parsed spec, not a source document


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line error for a missing/unreadable path."""
    if not path.exists():
        raise QualcliError("no such file", str(path))
    if path.is_dir():
        raise QualcliError("is a directory, not a file", str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QualcliError(f"cannot read: {exc.strerror}", str(path)) from None
    if not data.strip():
        raise UnreadableDocument("file is empty", str(path))
    return data
