"""A lint finding and the order findings are reported in."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from json.encoder import encode_basestring as _string  # a string as JSON, ensure_ascii=False
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
        if self.json_text is not None:
            return self.json_text
        return _plain_item(self) or item_text(self.to_dict())


_JSON_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("location_label", "json_text"))
_PLAIN_TYPES = (str, int, int, int, int, str, str, str, str)


def _plain_item(f: Finding) -> str | None:
    """``item_text(f.to_dict())`` written field by field, for the usual finding (no spec location, every value
    a string, an integer or None where the engine puts one); None for any other."""
    if f.location or (type(f.path), type(f.line), type(f.column), type(f.end_line), type(f.end_column), type(f.rule),
                      type(f.severity), type(f.message), type(f.matched_text)) != _PLAIN_TYPES:
        return None
    optional = [_or_null(f.instrument), _or_null(f.successor), f.suggestion or "", f.page or 0, f.fingerprint or ""]
    if None in optional[:2] or type(optional[2]) is not str or type(optional[3]) is not int or type(optional[4]) is not str:
        return None
    text = (f'{{\n    "path": {_string(f.path)},\n    "line": {f.line},\n    "column": {f.column},\n    "end_line": {f.end_line},'
            f'\n    "end_column": {f.end_column},\n    "rule": {_string(f.rule)},\n    "severity": {_string(f.severity)},'
            f'\n    "message": {_string(f.message)},\n    "matched_text": {_string(f.matched_text)},'
            f'\n    "instrument": {optional[0]},\n    "successor": {optional[1]}')
    if f.suggestion:
        text += f',\n    "suggestion": {_string(f.suggestion)}'
    if f.page:
        text += f',\n    "page": {f.page}'
    if f.fingerprint:
        text += f',\n    "fingerprint": {_string(f.fingerprint)}'
    return text + "\n  }"


def _or_null(value) -> str | None:
    """A string or None as JSON; None for anything else."""
    if value is None:
        return "null"
    return _string(value) if type(value) is str else None


@dataclass
class FileReport:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    error: str | None = None
    kind: str = "material"  # "material" or "spec:<body>"
    notes: list[str] = field(default_factory=list)
