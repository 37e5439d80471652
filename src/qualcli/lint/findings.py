"""A lint finding and the order findings are reported in."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Finding:
    """One reported problem, located in a file (and in a spec's structure when known).

    ``line``/``column`` are 1-based; for formats without line numbers (DOCX,
    PPTX, PDF) ``line`` counts the reader's lines and ``page`` gives the page
    or slide. ``location`` is ``unit › outcome › criterion`` for a spec.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    matched_text: str
    instrument: str | None = None
    successor: str | None = None
    suggestion: str | None = None
    page: int | None = None
    location: dict[str, str] = field(default_factory=dict)
    location_label: str | None = None
    fingerprint: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (keys in schema order; empty optional values left out)."""
        data = {name: getattr(self, name) for name in _JSON_FIELDS}  # not location_label, the text format's rendering
        data["location"] = dict(self.location)
        for optional in ("suggestion", "page", "location", "fingerprint"):
            if not data[optional]:
                del data[optional]
        return data


_JSON_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "location_label")


@dataclass
class FileReport:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    error: str | None = None
    kind: str = "material"  # "material" or "spec:<body>"
    notes: list[str] = field(default_factory=list)
