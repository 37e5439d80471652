"""Readers turn a file into lines with their source position.

A reader knows one family of formats (``suffixes``) and returns a
:class:`SourceText`. Lines are *physical* lines as the format gives them:
a PDF or DOCX may wrap a sentence over several lines, and parsers rejoin
them (see :mod:`qualcli.parsing.lines`). Readers never drop text; what they
cannot read they report with :class:`~qualcli.errors.UnreadableDocument`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


TEXT, HEADING, LIST_ITEM, TABLE_ROW = "text", "heading", "list_item", "table_row"
_LAST = float("inf")
_STYLE_LEVEL = re.compile(r"(\d+)\s*$")


@dataclass(frozen=True)
class Line:
    """One line of a source document, in the one shape every reader gives.

    ``kind`` says what the format marked the line as, whatever the format:

    - ``"heading"`` (``level`` 1-6): Markdown ``#``, HTML ``<h1>``-``<h6>``,
      a Word "Heading N" or "Title" paragraph, a slide title;
    - ``"list_item"`` (``level`` 1 for the outer list, 2 inside it ...):
      Markdown ``-``/``*``/``+`` items, HTML ``<li>``, Word list paragraphs (by
      style or numbering); ``text`` is the item without its bullet;
    - ``"table_row"``: a Word/HTML/slide table row, a ruled PDF table row, a
      Markdown pipe-table row (separator rows are dropped) or a tab-separated
      line of text; ``cells`` keeps each cell as read, inner newlines included,
      and ``text`` is the cells joined by tabs (newlines inside a cell become
      spaces);
    - ``"text"``: everything else (``level`` 0).

    ``block`` numbers the visual block (paragraph, list item, table) the line
    belongs to: consecutive lines with the same block were one paragraph in
    the source, so a line that a PDF or DOCX wrapped can be told from a new
    paragraph. ``style`` is the paragraph style a Word or HTML source named.
    Readers that do not pass ``kind`` get it from ``cells`` and ``style``.

    Where ``text`` sits in the source, so a finding points at the exact line
    and column: ``origins`` maps offsets of ``text`` back to the source as
    breakpoints ``(offset, source line, source column)`` (1-based), one
    wherever the text stops following the source character by character (a
    Markdown ``#`` or bullet left out, HTML tags, entities and collapsed white
    space, a pipe-table cell); without it ``text[i]`` is at column ``i + 1``
    of line ``number`` (see :meth:`position`). ``markup`` lists the spans of
    ``text`` that are format markup rather than prose (Markdown emphasis
    markers, code, comments and link targets, tags left in plain text by a
    conversion); :meth:`prose_spans` gives the rest.
    """

    text: str
    number: int  # 1-based position in the reader's output
    page: int | None = None
    block: int = 0
    cells: tuple[str, ...] | None = None
    style: str | None = None  # e.g. a DOCX paragraph style ("Heading 1", "List Bullet")
    kind: str = ""
    level: int = 0
    origins: tuple[tuple[int, int, int], ...] | None = field(default=None, compare=False, repr=False)
    markup: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.kind:
            kind, level = kind_of_style(self.style, self.cells)
            object.__setattr__(self, "kind", kind)
            object.__setattr__(self, "level", self.level or level)

    @classmethod
    def text_line(
        cls, text: str, number: int, block: int, markup: tuple[tuple[int, int], ...] = (), page: int | None = None
    ) -> "Line":
        """A plain ``"text"`` line, built without the dataclass machinery (readers make one per line of a file)."""
        line = object.__new__(cls)
        line.__dict__.update(text=text, number=number, page=page, block=block, cells=None, style=None, kind=TEXT,
                             level=0, origins=None, markup=markup)
        return line

    @property
    def is_table_row(self) -> bool:
        return self.cells is not None or "\t" in self.text

    def position(self, offset: int) -> tuple[int, int]:
        """Source ``(line, column)``, 1-based, of ``text[offset]``."""
        if not self.origins:
            return self.number, offset + 1
        index = max(0, bisect_right(self.origins, (offset, _LAST, _LAST)) - 1)
        start, line, column = self.origins[index]
        return line, column + offset - start

    def prose_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` spans of ``text`` that are prose: everything outside ``markup``, in order."""
        if not self.markup:
            return [(0, len(self.text))]
        spans, pos = [], 0
        for start, end in self.markup:
            if start > pos:
                spans.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        return spans


def kind_of_style(style: str | None, cells: tuple[str, ...] | None = None) -> tuple[str, int]:
    """``(kind, level)`` for a line with paragraph ``style`` ("Heading 2", "List Bullet 3", "Title") or ``cells``."""
    if cells is not None:
        return TABLE_ROW, 0
    name = (style or "").strip().lower()
    number = _STYLE_LEVEL.search(name)
    if name == "title":
        return HEADING, 1
    if name.startswith("heading") and number:
        return HEADING, min(int(number.group(1)), 6)
    if name.startswith("list"):
        return LIST_ITEM, int(number.group(1)) if number else 1
    return TEXT, 0


@dataclass
class SourceText:
    """A document as lines, with what is needed to identify it."""

    path: str
    format: str  # txt | md | html | pdf | docx | xml ...
    lines: list[Line]
    sha256: str
    pages: int | None = None
    raw: bytes | None = field(default=None, repr=False)  # for structured formats (XML)
    warnings: list[str] = field(default_factory=list)  # what the reader could not read as laid out (page named)

    @property
    def text(self) -> str:
        """All lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    import hashlib  # not at import: the built-in readers' plugin module imports this package on every run

    return hashlib.sha256(data).hexdigest()
