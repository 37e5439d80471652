"""Names the City & Guilds plugin's tests share (a module of its own: ``conftest`` is a name every plugin's tests have)."""

from __future__ import annotations

from pathlib import Path

HANDBOOK = "cityandguilds-4417-customer-service-v2.8.txt"
FIXTURES = Path(__file__).parent / "fixtures"


def comparable(data):
    """A parsed document's dict without positions and source, whitespace-normalised."""
    if isinstance(data, dict):
        return {k: comparable(v) for k, v in data.items() if k not in ("line", "page", "source")}
    if isinstance(data, list):
        return [comparable(v) for v in data]
    if isinstance(data, str):
        return " ".join(data.split())
    return data


def strings(data, path=""):
    """Yield (path, string) for every string in plain data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, f"{path}[{index}]")
    elif isinstance(data, str):
        yield path, data
