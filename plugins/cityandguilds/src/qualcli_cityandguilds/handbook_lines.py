"""A handbook as clean lines: wrapping undone, page furniture and markup removed.

Every format (text export, Markdown, HTML, DOCX, PDF) becomes the same list of
:class:`HandbookLine`: one per paragraph, list item or table row, with the
source line and page it started on. Running page headers ("City & Guilds
Level 2 Diploma in … (2365-02)") and bare page numbers are page furniture,
not content, and are dropped before lines are rejoined, so a list that a page
break interrupted reads on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qualcli.api import Line, SourceText
from qualcli.parsing.fragments import clean_part, is_debris, split_fragment
from qualcli.parsing.lines import logical_lines

# A line that starts one of these never continues the line before it.
_STARTS_NEW = re.compile(
    r"^(?:Unit\s+\d|Outcome\s+\d|Learning outcomes?\b|Assessment criteria\b|The learner (?:can|will)\b"
    r"|Notes for guidance\b|Supporting information\b|Guidance\b|Range\b|Key skills\b|Unit aim\b"
    r"|Test\s+\d+\s*:|Duration\s*:|(?:Level|Credit value|UAN|GLH|Aim|Assessment)\s*:"
    r"|\d+(?:\.\d+)*\.?$)",
    re.I,
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MARKED_ITEM = re.compile(r"^\s*[-*•]\s")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
_RUNNING_HEADER = re.compile(r"^\s*(?:City\s*&\s*Guilds\s+)?Level\s+\d.*\(\d{4}(?:-\d{2})?\)\s*(?:\d{1,3}\s*)?$")


@dataclass(frozen=True)
class HandbookLine:
    """One paragraph, list item or table row of a handbook, markup removed.

    ``raw`` is the text before cleaning (the version history needs its HTML
    structure); ``cells`` are the cleaned cells of a table row.
    """

    text: str
    number: int
    page: int | None = None
    item: bool = False
    cells: tuple[str, ...] | None = None
    raw: str = ""

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def starts_new(text: str) -> bool:
    """True where a handbook line starts something new (heading, key, criterion ref)."""
    return bool(_STARTS_NEW.match(text))


def is_page_furniture(text: str) -> bool:
    """A bare page number, or a running header naming the qualification and its number."""
    return bool(_PAGE_NUMBER.match(text) or _RUNNING_HEADER.match(text))


def _normalise_line(line: Line) -> Line:
    """A list-styled paragraph marked "- ", a Markdown heading without its ``#`` marks, a pipe-table row as a row."""
    if line.cells is not None:
        return line
    if "list" in (line.style or "").lower() and not _MARKED_ITEM.match(line.text):  # Word/HTML list item
        return replace(line, text=f"- {line.text}")
    if _MD_HEADING.match(line.text):
        return replace(line, text=_MD_HEADING.sub("", line.text))
    if _MD_ROW.match(line.text) and not is_debris(line.text):
        cells = tuple(cell.strip() for cell in line.text.strip().strip("|").split("|"))
        if len(cells) >= 2:
            return replace(line, text="\t".join(cells), cells=cells)
    return line


def _wrapped_header(text: str, following: list[Line]) -> bool:
    """True if ``text`` and the next line together are a running header."""
    if not following or following[0].is_table_row or not re.match(r"(?:City\s*&\s*Guilds\s+)?Level\s+\d", text):
        return False
    return bool(_RUNNING_HEADER.match(f"{text} {following[0].text.strip()}"))


def handbook_lines(source: SourceText) -> list[HandbookLine]:
    """The document's lines, rejoined and cleaned, page furniture dropped.

    The first non-blank line (the title) is kept even when it looks like a
    running header; later running headers and page numbers are dropped. List
    paragraphs (Word/HTML styles, "- ", glyphs) become items; Markdown
    headings lose their ``#``; Markdown pipe rows become table rows.
    """
    title = next((ln.text.strip() for ln in source.lines if ln.text.strip()), None)
    seen_title = False
    kept: list[Line] = []
    skip_next = False
    for index, line in enumerate(source.lines):
        line = _normalise_line(line)
        stripped = line.text.strip()
        if skip_next:
            skip_next = False
        elif stripped == title and not seen_title:
            seen_title = True
            kept.append(line)
        elif line.is_table_row:
            kept.append(line)
        elif is_page_furniture(stripped):
            continue
        elif _wrapped_header(stripped, source.lines[index + 1 : index + 2]):
            skip_next = True  # a running header the PDF wrapped over two lines
        else:
            kept.append(line)
    out: list[HandbookLine] = []
    for logical in logical_lines(kept, starts_new=starts_new):
        if logical.cells is not None:
            raw_cells = logical.cells
        elif "\t" in logical.text:
            raw_cells = tuple(logical.text.split("\t"))
        else:
            raw_cells = None
        if raw_cells is not None:
            cells = tuple(clean_part(cell) for cell in raw_cells)
            if any(cells):
                out.append(HandbookLine("\t".join(cells), logical.number, logical.page, cells=cells, raw="\t".join(raw_cells)))
            continue
        for part in split_fragment(logical.text):
            out.append(HandbookLine(part.text, logical.number, logical.page, item=part.item, raw=logical.text))
    return out
