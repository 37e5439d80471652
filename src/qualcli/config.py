"""Configuration discovery: ``qualcli.toml`` or ``[tool.qualcli]`` in ``pyproject.toml``.

As ruff and pytest do, qualcli walks up from the working directory to the
first folder holding a ``qualcli.toml`` (the whole file is qualcli's table)
or a ``pyproject.toml`` with a ``[tool.qualcli]`` table; in one folder,
``qualcli.toml`` wins. A pyproject.toml without the table is passed over
(one that does not even contain the word "qualcli" without being read as
TOML: reading TOML costs more than a short command).
Each command reads its own sub-table (``lint`` for ``qualcli lint``).

:func:`load_config` returns the table as a plain dict, plus the key
``config_file`` (the file it came from, as a string) when one was found, so
that relative paths in it can be resolved against that file's folder.
"""

from __future__ import annotations

import os

from qualcli.errors import QualcliError

TYPE_CHECKING = False  # pathlib and typing are not imported at run time: the start-up fast path reads config too
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

CONFIG_NAMES = ("qualcli.toml", "pyproject.toml")


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as config_file:
            return config_file.read()
    except OSError as exc:
        raise QualcliError(f"cannot read config: {exc.strerror}", path) from None


def _parse_toml(data: bytes, path: str) -> dict[str, Any]:
    """``data`` as TOML; bytes parsed before are not parsed again (:mod:`qualcli.memo`)."""
    from qualcli import memo

    table = memo.recall("toml", data)
    if isinstance(table, dict):
        return table
    import tomllib

    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QualcliError(f"invalid TOML: {exc}", path) from None
    memo.keep("toml", data, table)
    return table


def _table_in(path: str) -> dict[str, Any] | None:
    """qualcli's table in a config file (None: a pyproject.toml without one), the file read once.

    A pyproject.toml that never mentions qualcli cannot hold the table and is
    not parsed: most projects' never do, and parsing TOML costs more than a
    short command.
    """
    data = _read(path)
    if os.path.basename(path) != "pyproject.toml":
        return _parse_toml(data, path)
    if b"qualcli" not in data:
        return None
    table = _parse_toml(data, path).get("tool", {}).get("qualcli")
    if table is not None and not isinstance(table, dict):
        raise QualcliError("[tool.qualcli] must be a table", path)
    return table


def _config_in(start: str) -> tuple[str, dict[str, Any]] | None:
    """The config file that applies in folder ``start``, walking up, and its table; None when there is none."""
    folder = os.path.realpath(start)
    while True:
        for name in CONFIG_NAMES:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                table = _table_in(path)
                if table is not None:
                    return path, table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start`` (a folder), walking up; None when there is none."""
    from pathlib import Path

    found = _config_in(os.fspath(start))
    return Path(found[0]) if found is not None else None


def load_config(start: str | Path | None = None, explicit: str | Path | None = None) -> dict[str, Any]:
    """The qualcli configuration table (``{}`` when none is found).

    ``explicit`` (``--config FILE``) is used as given: a ``qualcli.toml``-style
    file, or a ``pyproject.toml`` whose ``[tool.qualcli]`` table is read.
    Otherwise the file is found by walking up from ``start`` (default: the
    working directory).
    """
    if explicit is not None:
        path = os.fspath(explicit)
        if not os.path.isfile(path):
            raise QualcliError("config file not found", path)
        table = _table_in(path)
        if table is None:
            raise QualcliError("no [tool.qualcli] table in this pyproject.toml", path)
    else:
        found = _config_in(os.fspath(start) if start is not None else os.getcwd())
        if found is None:
            return {}
        path, table = found
    return {**table, "config_file": path}
