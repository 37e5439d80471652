"""Plugin hook results kept between runs, so a command that needs only them imports no plugin.

``qualcli legislation check`` needs the plugins' ``register_legislation``
entries and nothing else from them, yet getting them means importing pluggy,
every plugin package and the readers: most of the command's own start-up.
So a fresh process reads the results from the user cache directory. The
file is keyed by :func:`qualcli.plugin_index.environment_key` (the installed
distributions) and by the files of every installed plugin and built-in
plugin module (names, sizes, modification times), so installing, removing
or editing a plugin means the plugins are loaded and asked again.

Results are written only when loading the plugins and calling the hook went
cleanly (no warning, no contract problem: a plugin that breaks the contract
still stops the command and a broken one is still reported on every run),
and only when they are plain data (built-in types) that reads back equal. A process
that already has a plugin manager (tests registering a plugin in-process)
always asks it directly. A cache that cannot be read, written or trusted
only costs loading the plugins.
"""

from __future__ import annotations

import os
import sys
TYPE_CHECKING = False  # typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

from qualcli.cachedir import environment_file, fast_hash, read_kept, write_kept

_BUILTIN_FILES = ("readers/builtin.py", "hookspecs.py")


def hook_results(hook_name: str) -> list[tuple[str, Any]]:
    """``(plugin_name, object)`` pairs of a ``register_*`` hook whose objects are plain data, as
    :func:`qualcli.plugins.collect` returns them, from the cache when the plugins are unchanged."""
    if "qualcli.plugins" in sys.modules:  # a manager may exist (and have plugins registered): ask it
        return _collect(hook_name)[0]
    try:
        key = plugins_key(hook_name)
        path = environment_file(f"hook-{hook_name}")
    except (OSError, ValueError, ImportError):
        return _collect(hook_name)[0]
    kept = read_kept(path, key)
    if isinstance(kept, list) and all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                                      for item in kept):
        return kept
    found, clean = _collect(hook_name)
    if clean:
        write_kept(path, key, found)  # only plain data is kept
    return found


def _collect(hook_name: str) -> tuple[list[tuple[str, Any]], bool]:
    """The hook's results from the process-wide manager, and whether loading and calling it warned of nothing."""
    from qualcli.plugins import collect, get_manager

    found = collect(hook_name)
    return found, not get_manager()._warned


def plugins_key(hook_name: str) -> str:
    """A fingerprint of the installed distributions and of every plugin's files, for a cache of
    ``hook_name``'s results (OSError when a plugin's file cannot be read)."""
    from qualcli.plugin_index import environment_key, installed_plugins

    environment = environment_key()
    parts = [hook_name, environment]
    root = os.path.dirname(os.path.abspath(__file__))
    parts += [_stamp(os.path.join(root, name)) for name in _BUILTIN_FILES]
    for ep in installed_plugins(environment):
        spec = _top_level_spec(ep.value.split(":")[0].strip().split(".")[0])
        if spec is None:
            parts.append(f"{ep.name}:missing")
            continue
        folders = list(spec.submodule_search_locations or ())
        parts.append(f"{ep.name}={ep.value}")
        parts += [_stamp(spec.origin)] if not folders and spec.origin else []
        for folder in folders:
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                parts += [_stamp(os.path.join(dirpath, name)) for name in sorted(filenames)]
    return fast_hash("\n".join(parts).encode("utf-8", "surrogateescape"))


def _top_level_spec(name: str):
    """Where top-level module ``name`` would be imported from (its spec, None when nowhere), without importing it.

    What ``importlib.util.find_spec`` answers for a top-level name, asking the
    same finders (``sys.meta_path``: the path finder, and editable installs'
    own finders), without importing importlib.util and what it imports.
    """
    module = sys.modules.get(name)
    if module is not None:
        return getattr(module, "__spec__", None)
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec = find_spec(name, None) if find_spec is not None else None
        if spec is not None:
            return spec
    return None


def _stamp(path: str) -> str:
    """A file's name, size and modification time."""
    st = os.stat(path)
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"
