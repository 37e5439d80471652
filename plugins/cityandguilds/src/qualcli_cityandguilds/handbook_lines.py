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
from dataclasses import dataclass
from typing import Sequence

from qualcli.parsing.fragments import clean_part, split_fragment
from qualcli.parsing.pages import is_page_number
from qualcli.parsing.prepare import prepare
from qualcli.api import TABLE_ROW, Line, SourceText
from qualcli.parsing import lazy_compile

# A line that starts one of these never continues the line before it.
_STARTS_NEW = lazy_compile(
    r"^(?:Unit\s+\d|Outcome\s+\d|Learning outcomes?\b|Assessment criteria\b|The learner (?:can|will)\b"
    r"|Notes for guidance\b|Supporting information\b|Guidance\b|Range\b|Key skills\b|Unit aim\b"
    r"|Test\s+\d+\s*:|Duration\s*:|(?:Level|Credit value|UAN|GLH|Aim|Assessment)\s*:"
    r"|\d+(?:\.\d+)*\.?$)",
    re.I,
)
# "City & Guilds Level 2 … (2365-02) 19", with the page number first on even pages ("18 City & Guilds …"),
# or wrapped on odd pages ("… (2365-" / "02) 19")
_RUNNING_HEADER = lazy_compile(
    r"^\s*(?:\d{1,3}\s+)?(?:City\s*&\s*Guilds\s+)?Level\s+\d.*\(\d{4}(?:-\s?\d{2})?\)\s*(?:\d{1,3}\s*)?$"
)


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


def furniture(lines: Sequence[Line], shared: set[int]) -> dict[int, bool]:
    """The handbook's running headers, by index into ``lines`` (see :func:`qualcli.parsing.prepare.prepare`).

    A running header names the qualification and its number ("City & Guilds
    Level 2 Diploma in … (2365-02)"), maybe wrapped over two lines by a PDF;
    a bare page number is furniture wherever it is, in every format.
    The first non-blank line (the title) is content even when it looks like one.
    """
    verdicts: dict[int, bool] = {}
    title = next((index for index, line in enumerate(lines) if line.text.strip()), None)
    if title is not None:
        verdicts[title] = False
    for index, line in enumerate(lines):
        if index == title or index in verdicts or line.kind == TABLE_ROW:
            continue
        text = line.text.strip()
        if _RUNNING_HEADER.match(text) or is_page_number(text):  # exports keep page numbers inline, even in PDFs
            verdicts[index] = True
        elif _wrapped_header(text, lines[index + 1 : index + 2]):
            verdicts[index] = verdicts[index + 1] = True
    return verdicts


def _wrapped_header(text: str, following: Sequence[Line]) -> bool:
    """True if ``text`` and the next line together are a running header (and the next is not one on its own)."""
    if not following or following[0].is_table_row or not re.match(r"(?:\d{1,3}\s+)?(?:City\s*&\s*Guilds\s+)?Level\s+\d", text):
        return False
    if _RUNNING_HEADER.match(following[0].text.strip()):
        return False  # a whole header after a line about the same qualification: only the header is furniture
    return bool(_RUNNING_HEADER.match(f"{text} {following[0].text.strip()}"))


def handbook_lines(source: SourceText) -> list[HandbookLine]:
    """The document's lines, rejoined and cleaned, page furniture dropped (:func:`qualcli.parsing.prepare.prepare`).

    Table rows keep their cells, cleaned; other lines are split into the
    paragraphs and list items their markup fragments stood for.
    """
    out: list[HandbookLine] = []
    for logical in prepare(source, starts_new=starts_new, furniture=furniture):
        if logical.cells is not None:
            cells = tuple(clean_part(cell) for cell in logical.cells)
            if any(cells):
                out.append(HandbookLine("\t".join(cells), logical.number, logical.page, cells=cells, raw="\t".join(logical.cells)))
            continue
        for part in split_fragment(logical.text):
            out.append(HandbookLine(part.text, logical.number, logical.page, item=part.item, raw=logical.text))
    return out
