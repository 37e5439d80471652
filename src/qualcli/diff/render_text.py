"""The diff for a terminal or a log: one entry per change, wording word by word.

Without colour, deleted words are shown as ``[-words-]`` and inserted words
as ``{+words+}`` (as ``git diff --word-diff`` does); with colour (a terminal,
and ``NO_COLOR`` unset) they are red and green instead.
"""

from __future__ import annotations

import os
from typing import IO

from qualcli.diff.changes import Change, DiffReport
from qualcli.diff.describe import brief, document_line, is_wording, location, summary_line
from qualcli.diff.words import Segment, elide, is_replacement, render, word_diff

RESET = "\x1b[0m"
STYLES = {
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32m",
    "added": "\x1b[32m",
    "removed": "\x1b[31m",
    "changed": "\x1b[33m",
    "moved": "\x1b[36m",
}
INDENT = " " * 9


def use_colour(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{STYLES[style]}{text}{RESET}" if colour else text


def inline(segments: list[Segment], colour: bool) -> str:
    """Word-diff segments as one line: markers, or colours on a terminal."""
    if colour:
        return render(segments, lambda t: _paint(t, "delete", True), lambda t: _paint(t, "insert", True))
    return render(segments, lambda t: f"[-{t}-]", lambda t: f"{{+{t}+}}")


def _detail(change: Change, colour: bool) -> str:
    if change.kind == "moved":
        return f"from {location(change.old_path)}"
    if is_wording(change):
        segments = word_diff(change.old, change.new)
        if not is_replacement(segments):
            return inline(elide(segments), colour)
    if change.kind == "changed":
        return f"{brief(change.old)} → {brief(change.new)}"
    return brief(change.new if change.kind == "added" else change.old)


def render_text(report: DiffReport, colour: bool = False) -> str:
    """The whole report as text, ending with the summary line."""
    lines = [f"--- {document_line(report.old)}", f"+++ {document_line(report.new)}", ""]
    for change in report.changes:
        lines.append(f"{_paint(change.kind.ljust(8), change.kind, colour)} {location(change.path)}")
        detail = _detail(change, colour)
        if detail != change.path[-1]:  # e.g. a unit code added to a rule group says it all
            lines.append(f"{INDENT}{detail}")
    if report.changes:
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
