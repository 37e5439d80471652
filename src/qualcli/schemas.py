"""The JSON Schemas in ``schemas/``: finding them and validating against them."""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # the start-up fast path checks a config's schema stamp without importing these
if TYPE_CHECKING:
    from typing import Any, Iterator


def schema_file(name: str) -> str:
    """``<name>.schema.json`` in the schemas folder: inside the installed package, or at the repository root."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "schemas")
    folder = packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(os.path.dirname(here)), "schemas")
    return os.path.join(folder, f"{name}.schema.json")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load ``schemas/<name>.schema.json``."""
    import json

    with open(schema_file(name), encoding="utf-8") as schema:
        return json.load(schema)


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
