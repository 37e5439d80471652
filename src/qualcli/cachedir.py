"""Where qualcli keeps derived data between runs (legislation table, plugin list, regex programs), and how.

Data read on every run is kept marshalled (the format of Python's own
bytecode cache, read without importing anything): a header line holding what
the data was made for (a key) and the payload's hash, then the payload.
:func:`read_kept` returns it only when both match, so a file that is
missing, cut short, edited or made for other input only costs the work it
saves.
"""

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


def environment_file(name: str) -> str:
    """``<cache folder>/<name>-<hash of the interpreter's path>.bin``: a kept file of its own for each
    Python environment (two virtual environments never replace each other's)."""
    import sys

    interpreter = fast_hash(sys.executable.encode("utf-8", "surrogateescape"))
    return os.path.join(cache_folder(), f"{name}-{interpreter}.bin")


def read_kept(path: str, key: str):
    """The data :func:`write_kept` kept in ``path`` for ``key`` (a string without spaces), or None
    when the file is missing or damaged, or was kept for another key."""
    import marshal

    try:
        with open(path, "rb") as handle:
            header, _, payload = handle.read().partition(b"\n")
        if header != f"{key} {fast_hash(payload)}".encode("ascii"):
            return None
        return marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError, UnicodeEncodeError):
        return None


def write_kept(path: str, key: str, data) -> bool:
    """Keep ``data`` (built-in types only: what :mod:`marshal` writes) in ``path`` for ``key``, atomically;
    False when the data is not of those types or reads back different (then nothing is written)."""
    import marshal

    try:
        payload = marshal.dumps(data)
    except ValueError:
        return False
    if marshal.loads(payload) != data:
        return False
    write_atomically(path, f"{key} {fast_hash(payload)}\n".encode("ascii") + payload)
    return True


def prune(folder: str, keep: int, suffix: str) -> None:
    """Remove the least recently written ``*suffix`` files of ``folder`` beyond the newest ``keep``
    (a file another process removes first, or a folder that cannot be read, is no error)."""
    try:
        names = [name for name in os.listdir(folder) if name.endswith(suffix)]
    except OSError:
        return
    if len(names) <= keep:
        return
    stamped = []
    for name in names:
        try:
            stamped.append((os.stat(os.path.join(folder, name)).st_mtime_ns, name))
        except OSError:
            continue
    for _, name in sorted(stamped)[:-keep]:
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


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
