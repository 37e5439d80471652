"""Where qualcli keeps derived data between runs (legislation table copy, plugin list)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$QUALCLI_CACHE_DIR, else $XDG_CACHE_HOME/qualcli or ~/.cache/qualcli."""
    if os.environ.get("QUALCLI_CACHE_DIR"):
        return Path(os.environ["QUALCLI_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qualcli"


def fast_hash(data: bytes) -> str:
    """A 64-bit SipHash of ``data`` in hex (the hash Python checks hash-based bytecode caches with):
    for cache keys and checksums read on every run, where loading OpenSSL for SHA-256 costs more than the rest."""
    from importlib.util import source_hash

    return source_hash(data).hex()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in the cache atomically (never half-written); a cache that cannot be
    written is no error."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
