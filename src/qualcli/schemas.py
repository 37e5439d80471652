"""The JSON Schemas in ``schemas/``: finding them and validating against them."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator


def schema_dir() -> Path:
    """The schemas folder: inside an installed wheel, or at the repository root."""
    packaged = Path(str(resources.files("qualcli"))) / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load ``schemas/<name>.schema.json``."""
    return json.loads((schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))


def format_path(parts) -> str:
    """``["units", 3, "ref"]`` -> ``units[3].ref`` (``(root)`` when empty)."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def violations(instance: Any, name: str) -> Iterator[str]:
    """Yield ``path: message`` for every violation of schema ``name``, in path order."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        yield f"{format_path(error.absolute_path)}: {_short(error.message)}"


def _short(message: str, limit: int = 240) -> str:
    """A message cut in the middle when it quotes a large value, so it stays one readable line."""
    message = " ".join(message.split())
    return message if len(message) <= limit else f"{message[: limit - 80]} … {message[-70:]}"
