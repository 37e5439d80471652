"""The diff as Markdown: a summary table, then the changes unit by unit.

Wording changes are inline, deleted words as ``~~deleted~~`` and inserted
words as ``**inserted**``.
"""

from __future__ import annotations

import re

from qualcli.diff.changes import Change, DiffReport
from qualcli.diff.describe import brief, document_line, is_wording, location, summary_line
from qualcli.diff.words import elide, is_replacement, render, word_diff

_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def escape(text: str) -> str:
    """Text with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _wording(change: Change) -> str | None:
    segments = word_diff(change.old, change.new)
    if is_replacement(segments):
        return None
    segments = [s._replace(text=escape(s.text)) for s in elide(segments)]
    return render(segments, lambda t: f"~~{t}~~", lambda t: f"**{t}**", glue=False)


def _item(change: Change, skip: int) -> str:
    where = escape(location(change.path, skip) or location(change.path))
    wording = _wording(change) if is_wording(change) else None
    if change.kind == "moved":
        detail = f"from {escape(location(change.old_path))}"
    elif wording is not None:
        detail = wording
    elif change.kind == "changed":
        detail = f"~~{escape(brief(change.old))}~~ **{escape(brief(change.new))}**"
    else:
        detail = escape(brief(change.new if change.kind == "added" else change.old))
    if detail == escape(change.path[-1]):
        return f"- **{change.kind}** {where}"
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
