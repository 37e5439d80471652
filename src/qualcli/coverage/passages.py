"""Course materials as passages: a paragraph, a list, or a slide, each located.

Passages are built from the reader's lines: consecutive non-blank lines of the
same block (the reader's paragraph) make one passage, consecutive list items
make one passage, and every slide of a presentation is one passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcli.readers import Line, SourceText

_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦]|\d+[.)])\s+")


@dataclass
class Passage:
    """A run of material text that is matched as a whole."""

    path: str
    line: int
    text: str
    page: int | None = None
    slide: int | None = None


def _is_list_item(line: Line) -> bool:
    return bool(_LIST_ITEM.match(line.text)) or "List" in (line.style or "")


def passages(source: SourceText, path: str) -> list[Passage]:
    """The passages of one read document, in document order."""
    slides = source.format == "pptx"
    out: list[Passage] = []
    run: list[Line] = []

    def flush() -> None:
        text = " ".join(line.text.strip() for line in run if line.text.strip())
        if text:
            first = run[0]
            out.append(Passage(path, first.number, text, None if slides else first.page, first.page if slides else None))
        run.clear()

    for line in source.lines:
        if not line.text.strip():
            if not slides:
                flush()
            continue
        if run:
            last = run[-1]
            same = line.page == last.page if slides else (
                line.page == last.page and (line.block == last.block or (_is_list_item(line) and _is_list_item(last))))
            if not same:
                flush()
        run.append(line)
    flush()
    return out
