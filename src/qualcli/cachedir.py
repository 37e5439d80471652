"""Where qualcli keeps derived data between runs (legislation table copy, plugin list)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$QUALCLI_CACHE_DIR, else $XDG_CACHE_HOME/qualcli or ~/.cache/qualcli."""
    if os.environ.get("QUALCLI_CACHE_DIR"):
        return Path(os.environ["QUALCLI_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qualcli"
