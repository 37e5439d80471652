"""The installed plugins (``qualcli`` entry points), kept in a small cache between runs.

Scanning every installed distribution's metadata costs more than the rest of
a short command's start-up (importing ``importlib.metadata`` alone is about
15 ms), so the list of entry points — name, target, distribution and version —
is written to the user cache directory and reused while the installed
distributions are unchanged. The cache is keyed by the interpreter, qualcli's
version and the ``.dist-info``/``.egg-info`` entries (names and modification
times) of every directory on ``sys.path``: installing, upgrading, reinstalling
or removing a distribution creates or removes its ``.dist-info`` directory.
Files written in the working directory do not disturb it. A cache that cannot
be read, written or trusted only costs the scan.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple

from qualcli.cachedir import environment_file, fast_hash, read_kept, write_kept
from qualcli.lazyre import lazy_compile

TYPE_CHECKING = False  # typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

ENTRY_POINT_GROUP = "qualcli"
_CACHE_FORMAT = 1


class EntryPoint(namedtuple("EntryPoint", "name value distribution version")):
    """One installed plugin: entry-point ``name``, ``module:attr`` target (``value``), ``distribution``
    and its ``version`` (None when unknown)."""

    __slots__ = ()


def environment_key() -> str:
    """A fingerprint of the installed distributions: interpreter, qualcli version, and for every
    directory on ``sys.path`` the names and modification times of its ``.dist-info``/``.egg-info`` entries.

    A directory that holds none (the script's folder, the working directory of ``python -m qualcli``)
    adds nothing, so running qualcli from another folder or another way keeps the key.
    """
    from qualcli import __version__

    parts = [sys.executable, __version__, str(_CACHE_FORMAT)]
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
            stamps = [f"{n}:{os.stat(os.path.join(entry or '.', n)).st_mtime_ns}" for n in names]
        except OSError:
            stamps = ["-"]
        if stamps:
            parts.append(f"{entry}\0{' '.join(stamps)}")
    return fast_hash("\n".join(parts).encode("utf-8", "surrogateescape"))


def scan() -> list[EntryPoint]:
    """The ``qualcli`` entry points of the installed distributions (first of a name wins), by name."""
    import importlib.metadata

    found: dict[str, EntryPoint] = {}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        if ep.name not in found:
            found[ep.name] = EntryPoint(ep.name, ep.value, dist.name if dist else None, dist.version if dist else None)
    return [found[name] for name in sorted(found)]


def installed_plugins(key: str | None = None) -> list[EntryPoint]:
    """The installed plugins, from the cache when the environment is unchanged, else by :func:`scan`.

    ``key`` is :func:`environment_key`, when the caller has just computed it.
    """
    key = key or environment_key()
    path = environment_file("plugins")  # replaced when the environment changes
    kept = read_kept(path, key)
    try:
        cached = [EntryPoint(*item) for item in kept] if kept is not None else None
        if cached is not None and all(isinstance(ep.name, str) and isinstance(ep.value, str)
                                      and _TARGET.match(ep.value) for ep in cached):
            return cached
    except TypeError:
        pass  # not in the shape this qualcli keeps: scanned again
    found = scan()
    write_kept(path, key, [tuple(ep) for ep in found])
    return found


_TARGET = lazy_compile(r"^\s*(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\])?\s*$")


def load_entry_point(value: str) -> Any:
    """Import an entry point's ``module[:attr]`` target, as ``importlib.metadata.EntryPoint.load`` does."""
    match = _TARGET.match(value)
    if match is None:
        raise ValueError(f"malformed entry point {value!r}")
    __import__(match["module"])  # what importlib.import_module does for an absolute name, without importing importlib
    obj = sys.modules[match["module"]]
    for name in (match["attr"] or "").split(".") if match["attr"] else ():
        obj = getattr(obj, name)
    return obj
