"""Configuration discovery: ``qualcli.toml`` or ``[tool.qualcli]`` in ``pyproject.toml``.

As ruff and pytest do, qualcli walks up from the working directory to the
first folder holding a ``qualcli.toml`` (the whole file is qualcli's table)
or a ``pyproject.toml`` with a ``[tool.qualcli]`` table; in one folder,
``qualcli.toml`` wins. A pyproject.toml without the table is passed over.
Each command reads its own sub-table (``lint`` for ``qualcli lint``).

:func:`load_config` returns the table as a plain dict, plus the key
``config_file`` (the file it came from, as a string) when one was found, so
that relative paths in it can be resolved against that file's folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError

CONFIG_NAMES = ("qualcli.toml", "pyproject.toml")


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise QualcliError(f"cannot read config: {exc.strerror}", str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QualcliError(f"invalid TOML: {exc}", str(path)) from None


def _table_in(path: Path) -> dict[str, Any] | None:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("qualcli")
        if table is not None and not isinstance(table, dict):
            raise QualcliError("[tool.qualcli] must be a table", str(path))
        return table
    return data


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start`` (a folder), walking up; None when there is none."""
    folder = start.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate_dir / name
            if path.is_file() and _table_in(path) is not None:
                return path
    return None


def load_config(start: Path | None = None, explicit: Path | str | None = None) -> dict[str, Any]:
    """The qualcli configuration table (``{}`` when none is found).

    ``explicit`` (``--config FILE``) is used as given: a ``qualcli.toml``-style
    file, or a ``pyproject.toml`` whose ``[tool.qualcli]`` table is read.
    Otherwise the file is found by walking up from ``start`` (default: the
    working directory).
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise QualcliError("config file not found", str(path))
        table = _table_in(path)
        if table is None:
            raise QualcliError("no [tool.qualcli] table in this pyproject.toml", str(path))
    else:
        path = find_config(start or Path.cwd())
        if path is None:
            return {}
        table = _table_in(path) or {}
    return {**table, "config_file": str(path)}
