"""The diff as JSON, in the layout of ``schemas/diff.schema.json``.

::

    {
      "old": {"path": "...", "format": "txt", "body": "cityandguilds", "version": "2.7"},
      "new": {"path": "...", "format": "pdf", "body": "cityandguilds", "version": "2.8"},
      "changes": [
        {"kind": "changed",
         "path": ["units", "201", "outcomes", "1", "criteria", "1.10", "guidance"],
         "old": "Promotion methods can be ... radio advertisements.",
         "new": "Promotion methods can be ... radio advertisements, social networking sites."},
        {"kind": "moved",
         "path": ["units", "201", "outcomes", "2", "criteria", "2.4"],
         "old_path": ["units", "201", "outcomes", "2", "criteria", "2.3"],
         "old": "2.3", "new": "2.4"}
      ],
      "summary": {"total": 2, "by_kind": {"added": 0, "removed": 0, "changed": 1, "moved": 1},
                  "by_unit": {"201": 2}}
    }

``kind`` is added, removed, changed or moved. ``path`` runs from the document
root, alternating collection names and keys (``units``/code,
``outcomes``/ref, ``criteria``/ref, ``qualifications``/number,
``rules``/group name, ``nos``/code, ``legislation``/instrument id,
``sections``/title, ``version_history``/version) and ends with the field name
when one field changed. ``old``/``new`` hold the values (layout removed), a
whole element as plain data when it was added or removed, or the old and new
key of a moved element, whose former place is ``old_path``. Changes come in
new-document order; the output is deterministic.
"""

from __future__ import annotations

import json

from qualcli.diff.changes import DiffReport


def render_json(report: DiffReport) -> str:
    """The report as indented JSON (keys in a fixed order), ending with a newline."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
