"""Whether a ruled table cell's text ended where it stops, measured from the printed glyphs.

A layout program wraps a cell's text only when the next word does not fit on
the line, so where a table is cut by a page break, a cell whose last line
still had room for the first word of the cell below it (at the next page's
top) had ended: that word starts a new row, whatever its case. Two measures,
taken on demand while the page is open (the reader keeps the page before the
current one open for this):

- :meth:`PageGlyphs.room_left`: the width left on a cell's last printed line
  (right padding taken equal to the left, as the producer set it);
- :meth:`PageGlyphs.lead_width`: the width a cell's first word needs on a
  line it would join (the word and a space before it).

A cell with no text measures ``None``. Only cells on either side of a page
break are measured: a handful of glyphs, and none on pages no table crosses.
"""

from __future__ import annotations

from typing import Protocol

Box = tuple[float, float, float, float]  # x0, bottom, x1, top
SPACE_SHARE = 0.5  # of the type size: a space's width where none is printed to measure (wider than any font's)


class Span(Protocol):
    """A printed line of the page: its glyph index range and vertical extent."""

    first: int
    last: int
    bottom: float
    top: float
    size: float


class PageGlyphs:
    """The glyphs of one open page, measured on demand (each printed line's glyphs are read once)."""

    def __init__(self, textpage, text: str, spans: list[Span]) -> None:
        self.textpage = textpage
        self.text = text  # the page's text, indexed as the glyphs are
        self.spans = spans
        self._boxes: dict[int, list[tuple[str, float, float]]] = {}

    def room_left(self, cell: Box) -> float | None:
        """Width left on the cell's last printed line, inside its right padding; ``None`` for an empty cell."""
        found = self._line_in(cell, lowest=True)
        if found is None:
            return None
        glyphs, _ = found
        padding = max(glyphs[0][1] - cell[0], 0.0)
        return cell[2] - padding - glyphs[-1][2]

    def lead_width(self, cell: Box) -> float | None:
        """Width the cell's first word needs after another word (a space included); ``None`` for an empty cell."""
        found = self._line_in(cell, lowest=False)
        if found is None:
            return None
        glyphs, span = found
        word_end = next((i for i, (char, _, _) in enumerate(glyphs) if char.isspace()), len(glyphs))
        space = glyphs[word_end][2] - glyphs[word_end][1] if word_end < len(glyphs) else SPACE_SHARE * span.size
        return glyphs[word_end - 1][2] - glyphs[0][1] + space

    def _line_in(self, cell: Box, lowest: bool) -> tuple[list[tuple[str, float, float]], Span] | None:
        """The cell's lowest (or top) printed line: (character, left, right) of its glyphs inside the cell, blank ends dropped."""
        x0, bottom, x1, top = cell
        inside = [s for s in self.spans if bottom <= (s.bottom + s.top) / 2 <= top]
        for span in sorted(inside, key=lambda s: s.top, reverse=not lowest):
            glyphs = [glyph for glyph in self._glyphs(span) if x0 <= (glyph[1] + glyph[2]) / 2 <= x1]
            while glyphs and glyphs[-1][0].isspace():
                glyphs.pop()
            while glyphs and glyphs[0][0].isspace():
                glyphs.pop(0)
            if glyphs:
                return glyphs, span
        return None

    def _glyphs(self, span: Span) -> list[tuple[str, float, float]]:
        if span.first not in self._boxes:
            boxes = []
            for index in range(span.first, span.last + 1):
                left, _, right, _ = self.textpage.get_charbox(index, loose=True)
                boxes.append((self.text[index], left, right))
            self._boxes[span.first] = boxes
        return self._boxes[span.first]
