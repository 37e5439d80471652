"""Where qualcli keeps derived data between runs (legislation table copy, plugin list)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """$QUALCLI_CACHE_DIR, else $XDG_CACHE_HOME/qualcli or ~/.cache/qualcli."""
    if os.environ.get("QUALCLI_CACHE_DIR"):
        return Path(os.environ["QUALCLI_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qualcli"


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` in the cache atomically; a cache that cannot be written is no error."""
    import json
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, path)
    except OSError:
        pass
