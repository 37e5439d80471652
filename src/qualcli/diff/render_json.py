"""The diff as JSON, in the layout of ``schemas/diff.schema.json``."""

from __future__ import annotations

import json

from qualcli.diff.changes import DiffReport


def render_json(report: DiffReport) -> str:
    """The report as indented JSON (keys in a fixed order), ending with a newline."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
