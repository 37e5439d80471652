"""A lint finding and the order findings are reported in."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from qualcli.lint.jsonout import item_text


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
    #: The finding as a JSON list item (:meth:`json_item`), made where the file was linted.
    json_text: str | None = field(default=None, repr=False, compare=False)

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


    def json_item(self) -> str:
        """:meth:`to_dict` as JSON, laid out as an item of the top-level list (``json_text`` when made already)."""
        return self.json_text if self.json_text is not None else item_text(self.to_dict())


_JSON_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("location_label", "json_text"))


@dataclass
class FileReport:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    error: str | None = None
    kind: str = "material"  # "material" or "spec:<body>"
    notes: list[str] = field(default_factory=list)
