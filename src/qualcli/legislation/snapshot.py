"""Where the shipped currency table and its finder are kept built between runs.

Every ``legislation check`` (and every lint job on a push) needs the shipped
table with the plugins' entries and a finder over it. Building them from the
table's entries costs more than the rest of the command, and the result
depends only on the shipped YAML, the installed plugins and this qualcli. So
the built instruments (:meth:`~qualcli.legislation.table.Instrument.record`)
and the finder's names trie (:meth:`~qualcli.legislation.finder.Finder.state`)
are kept in the user's cache folder as plain data (``legislation-built-<interpreter>.bin``, one
file per Python environment; see :func:`qualcli.cachedir.read_kept`), and a
later process sets them up without building.

The key is a hash of qualcli's version, the Python version, the YAML's bytes
and :func:`qualcli.plugin_results.plugins_key` (the installed distributions
and every plugin's files), so editing the table, installing or editing a
plugin, or upgrading gets a fresh build. A snapshot is written only when the
build reported nothing (a plugin entry that is skipped is reported on every
run), and neither read nor written in a process whose plugins are not exactly
the installed ones loaded cleanly (one that registered a plugin in-process,
or where a plugin failed to load or breaks the contract). A missing, damaged or stale file only costs
the build. Like the table's JSON copy and the plugin list (and unlike the
parsed-spec cache), it is derived from installed files only, so
``QUALCLI_NO_CACHE`` leaves it on.
"""

from __future__ import annotations

import sys

FORMAT = 1
_HOOK = "register_legislation"


def kept(source: str):
    """The data kept for the shipped table ``source`` (its YAML file), these plugins and this qualcli;
    None when there is none to trust."""
    from qualcli.cachedir import read_kept

    path, key = _where(source)
    return read_kept(path, key) if path is not None else None


def keep(source: str, data) -> None:
    """Keep ``data`` (plain data: built-in types) for the shipped table ``source`` just built with nothing reported."""
    from qualcli.cachedir import write_kept

    path, key = _where(source)
    if path is not None:
        write_kept(path, key, data)


def _where(source: str) -> tuple[str | None, str]:
    """The snapshot's file and the key it must be kept under; no file when snapshots are off here."""
    from qualcli.cachedir import environment_file, fast_hash

    if "qualcli.plugins" in sys.modules:  # else no plugin manager was made: the plugins' results came from their cache
        from qualcli.plugins import installed_and_clean

        if not installed_and_clean():
            return None, ""
    from qualcli import __version__
    from qualcli.plugin_results import plugins_key

    try:
        with open(source, "rb") as table_file:
            yaml_hash = fast_hash(table_file.read())
        plugins = plugins_key(_HOOK)
    except (OSError, ValueError, ImportError):
        return None, ""
    key = fast_hash(f"{FORMAT} {__version__} {sys.version} {yaml_hash} {plugins}".encode("utf-8", "surrogateescape"))
    return environment_file("legislation-built"), key
