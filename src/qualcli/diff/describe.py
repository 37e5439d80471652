"""Words for changes, shared by the text and Markdown renderers."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from qualcli.diff.changes import KINDS, POSITION_FIELDS, Change, DiffReport, DocumentInfo
from qualcli.model import VersionEntry, to_plain

LABELS = {
    "qualifications": "qualification",
    "rules": "rule group",
    "units": "unit",
    "outcomes": "outcome",
    "criteria": "criterion",
    "content": "topic",
    "sections": "section",
    "nos": "NOS",
    "legislation": "legislation",
    "version_history": "version",
    "mappings": "mapping",
}
SEPARATOR = " › "


def location(path: tuple[str, ...], skip: int = 0) -> str:
    """A path as people read it: ``unit 201 › outcome 1 › criterion 1.10 › guidance``.

    ``skip`` leaves out that many leading path parts (e.g. 2 under a unit heading).
    """
    parts: list[str] = []
    items = list(path)
    i = 0
    while i < len(items):
        name = items[i]
        if name in LABELS and i + 1 < len(items):
            if i >= skip:
                parts.append(f"{LABELS[name]} {items[i + 1]}")
            i += 2
        else:
            if i >= skip:
                parts.append(name)
            i += 1
    return SEPARATOR.join(parts)


def brief(value: Any) -> str:
    """One line for an added or removed element: its title or text, else compact JSON."""
    if isinstance(value, VersionEntry):
        return f"{value.date or value.version}: {'; '.join(value.changes)}"
    if dataclasses.is_dataclass(value):
        for name in ("title", "text", "name", "code"):
            if isinstance(getattr(value, name, None), str):
                return getattr(value, name)
    if isinstance(value, str):
        return value
    return json.dumps(to_plain(value, POSITION_FIELDS), ensure_ascii=False, sort_keys=False)


def is_wording(change: Change) -> bool:
    """True when a change is best shown word by word (both sides are text)."""
    return change.kind == "changed" and isinstance(change.old, str) and isinstance(change.new, str)


def document_line(info: DocumentInfo) -> str:
    """``path (body, version X)``."""
    version = f", version {info.version}" if info.version else ""
    return f"{info.path} ({info.body}{version})"


def summary_line(report: DiffReport) -> str:
    """``6 changes: 1 added, 0 removed, 3 changed, 2 moved; unit U1: 5``."""
    if not report.changes:
        return "No differences."
    counts = report.counts_by_kind()
    total = len(report.changes)
    line = f"{total} change{'s' if total != 1 else ''}: " + ", ".join(f"{counts[k]} {k}" for k in KINDS)
    units = report.counts_by_unit()
    if units:
        line += "; " + ", ".join(f"unit {code}: {n}" for code, n in units.items())
    return line
