"""The diff as Markdown: a summary table, then the changes unit by unit.

Wording changes are inline, deleted words as ``~~deleted~~`` and inserted
words as ``**inserted**``.
"""

from __future__ import annotations

import re

from qualcli.diff.changes import Change, DiffReport
from qualcli.diff.describe import brief, document_line, is_wording, location, summary_line
from qualcli.diff.words import elide, word_diff

_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def escape(text: str) -> str:
    """Text with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _wording(change: Change) -> str:
    parts = []
    for op, text in elide(word_diff(change.old, change.new)):
        text = escape(text)
        parts.append(text if op == "equal" else f"~~{text}~~" if op == "delete" else f"**{text}**")
    return " ".join(p for p in parts if p)


def _item(change: Change, skip: int) -> str:
    where = escape(location(change.path, skip)) or "(unit)"
    if change.kind == "moved":
        detail = f"from {escape(location(change.old_path))}"
    elif is_wording(change):
        detail = _wording(change)
    elif change.kind == "changed":
        detail = f"~~{escape(brief(change.old))}~~ **{escape(brief(change.new))}**"
    else:
        detail = escape(brief(change.new if change.kind == "added" else change.old))
    return f"- **{change.kind}** {where}: {detail}"


def render_markdown(report: DiffReport) -> str:
    """The whole report as a Markdown document."""
    lines = [
        "# Differences",
        "",
        f"- old: {escape(document_line(report.old))}",
        f"- new: {escape(document_line(report.new))}",
        "",
        escape(summary_line(report)),
    ]
    by_unit = report.counts_by_unit()
    if by_unit:
        lines += ["", "| unit | changes |", "|---|---:|"]
        lines += [f"| {escape(code)} | {count} |" for code, count in by_unit.items()]
    document = [c for c in report.changes if c.unit is None]
    if document:
        lines += ["", "## Document", ""]
        lines += [_item(c, 0) for c in document]
    for code in by_unit:
        lines += ["", f"## Unit {escape(code)}", ""]
        lines += [_item(c, 2) for c in report.changes if c.unit == code]
    return "\n".join(lines) + "\n"
