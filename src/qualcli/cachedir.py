"""Where qualcli keeps derived data between runs (legislation table copy, plugin list)."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # pathlib is imported only when a Path is asked for: the start-up fast path needs none
if TYPE_CHECKING:
    from pathlib import Path


def cache_folder() -> str:
    """$QUALCLI_CACHE_DIR, else $XDG_CACHE_HOME/qualcli or ~/.cache/qualcli."""
    if os.environ.get("QUALCLI_CACHE_DIR"):
        return os.environ["QUALCLI_CACHE_DIR"]
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "qualcli")


def cache_dir() -> Path:
    """:func:`cache_folder` as a Path."""
    from pathlib import Path

    return Path(cache_folder())


_HASH_KEY = int.from_bytes(b"qualcli1", "little")


def fast_hash(data: bytes) -> str:
    """A 64-bit SipHash of ``data`` in hex (the hash Python checks hash-based bytecode caches with):
    for cache keys and checksums read on every run, where loading OpenSSL for SHA-256 costs more than the rest."""
    # importlib.util.source_hash calls this C function (of the always-loaded _imp module) with a key
    # of its own; calling it directly spares a short command importlib.util's imports.
    from _imp import source_hash

    return source_hash(_HASH_KEY, data).hex()


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in the cache atomically (never half-written); a cache that cannot be
    written is no error."""
    import tempfile

    folder = os.path.dirname(os.fspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
    except OSError:
        pass
