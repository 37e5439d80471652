"""A PDF's lines assembled page by page: blocks, table rows, and rows a page break split.

:mod:`qualcli.readers.pdf` reads each page's printed lines (with their boxes,
type size and baseline) and ruled tables; :class:`Assembler` turns them into
the document's :class:`~qualcli.readers.Line` list (see that module's
docstring for what a block is and how tables take their place).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from qualcli.parsing.pages import is_page_number
from qualcli.parsing.text import BULLET_GLYPHS
from qualcli.readers import LIST_ITEM, Line
from qualcli.readers.pdf_cells import breaks_inside_word, joint_at_break
from qualcli.readers.pdf_fit import PageGlyphs
from qualcli.readers.pdf_grid import Table
from qualcli.lazyre import lazy_compile

LINE_SPACING_LIMIT = 1.6  # baseline-to-baseline distance, in multiples of the type size, that still continues a block
SAME_EDGE = 2.5  # points of left-edge difference that still count as "aligned"
MAX_INDENT = 30.0  # points of hanging/first-line indent allowed between a block's first two lines
SIZE_CHANGE = 0.15  # relative change in type size that starts a new block
EDGE_LINES = 2  # lines of running header allowed above the second half of a row a page break split
PARAGRAPH_GAP = 1.3  # a drop this many times the page's usual line spacing separates paragraphs


class TextLine:
    """A physical line of text with its box (PDF user space: y grows upwards).

    ``size`` is the type size PDFium reports for the line's first letter (the
    font size scaled by the text matrix), and ``baseline`` that letter's
    origin: glyph boxes are no guide to either, since some producers
    (LibreOffice) write tight boxes that shrink with the letter's shape.
    ``open_end``: the line ends right after a hyphen or slash, no space
    printed (the word goes on below); ``first`` and ``last``: the indices of
    its first and last non-blank glyphs in the page's text. A plain class
    (thousands are made per document; a dataclass costs a millisecond or so
    to create at every start).
    """

    __slots__ = ("text", "x0", "x1", "bottom", "top", "size", "baseline", "open_end", "first", "last")

    def __init__(self, text: str, x0: float, x1: float, bottom: float, top: float, size: float, baseline: float,
                 open_end: bool = False, first: int = 0, last: int = 0) -> None:
        self.text, self.x0, self.x1, self.bottom, self.top = text, x0, x1, bottom, top
        self.size, self.baseline, self.open_end, self.first, self.last = size, baseline, open_end, first, last


class Leading:
    """The page's usual baseline-to-baseline distance and the type size it goes with."""

    __slots__ = ("drop", "size")

    def __init__(self, drop: float, size: float) -> None:
        self.drop, self.size = drop, size

    @classmethod
    def of(cls, page: list[TextLine]) -> "Leading | None":
        """The most common line spacing between consecutive lines of like size, if any."""
        spacings: Counter = Counter()
        for previous, line in zip(page, page[1:]):
            size = max(previous.size, line.size, 1.0)
            drop = previous.baseline - line.baseline
            if abs(previous.size - line.size) <= SIZE_CHANGE * size and 0 < drop <= LINE_SPACING_LIMIT * size:
                spacings[(round(drop * 2) / 2, round(size * 2) / 2)] += 1
        if not spacings:
            return None
        (drop, size), _ = max(spacings.items(), key=lambda item: (item[1], -item[0][0]))
        return cls(drop, size)

    def allows(self, drop: float, size: float) -> bool:
        """Whether ``drop`` is ordinary line spacing for type of ``size`` (paragraph spacing is not)."""
        scale = size / self.size if size > (1 + SIZE_CHANGE) * self.size else 1.0
        return drop <= PARAGRAPH_GAP * self.drop * scale


def continues_block(previous: TextLine, line: TextLine, edge: float, first_of_block: bool, leading: Leading | None) -> bool:
    """Whether ``line`` wraps on from ``previous`` in a block whose lines start at ``edge``.

    It must sit one line-spacing below (the page's usual spacing, not the
    larger gap between paragraphs), in the same size of type, and start at
    the same left edge as ``previous`` -- or be indented a little after a line
    at the block's edge (a hanging indent), or be the second line of a
    paragraph whose first line was indented.
    """
    size = max(previous.size, line.size, 1.0)
    if abs(previous.size - line.size) > SIZE_CHANGE * size:
        return False
    drop = previous.baseline - line.baseline
    if not 0 < drop <= LINE_SPACING_LIMIT * size or (leading is not None and not leading.allows(drop, size)):
        return False
    shift = line.x0 - previous.x0
    if abs(shift) <= SAME_EDGE:
        return True
    if 0 < shift <= MAX_INDENT:
        return abs(previous.x0 - edge) <= SAME_EDGE
    return first_of_block and -MAX_INDENT <= shift < 0


_ITEM_START = lazy_compile(r"^\s*(?:[a-z]{1,2}|\d+(?:\.\d+)*)[.)]\s")
_BULLET = lazy_compile(rf"^[{BULLET_GLYPHS.replace('–', '')}]\s+(?=\S)")


def printed_line(text: str, number: int, page: int, block: int) -> Line:
    """A line of page text; one that starts with a bullet glyph is a list item, given without the glyph."""
    bullet = _BULLET.match(text)
    if bullet:
        return Line(text=text[bullet.end() :], number=number, page=page, block=block, kind=LIST_ITEM, level=1)
    return Line.text_line(text, number, block, page=page)


class Assembler:
    """Builds the document's lines page by page: blocks, table rows, and rows a page break split."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.warnings: list[str] = []
        self.block = 0
        self.last_row: int | None = None  # index in ``lines`` of the last table row
        self.last_edges: tuple[float, ...] = ()  # its cell edges
        self.last_boxes: list = []  # its cells' boxes on the page it ends...
        self.last_glyphs: PageGlyphs | None = None  # ...and that page's glyphs

    def add_page(self, page: list[TextLine], tables: list[Table], glyphs: PageGlyphs, page_number: int) -> None:
        """Append one page's lines and table rows.

        A ruled table read as plain lines instead (see :func:`_holders`) is
        reported in ``warnings``, naming the page.
        """
        holders = _holders(page, tables)
        for table in tables:
            if table not in holders and any(table.holds(line.x0, line.bottom, line.x1, line.top) for line in page):
                self.warnings.append(f"page {page_number}: a ruled table's cells miss some of its printed text; read as plain lines")
        leading = Leading.of(page)
        previous: TextLine | None = None
        block_length = 0
        edge = 0.0
        for index, (line, holder) in enumerate(zip(page, holders)):
            if holder is not None:
                if not holder.placed:
                    self._add_table(holder, glyphs, page_number, lines_above=index)
                previous = None
                continue
            if previous is not None and continues_block(previous, line, edge, block_length == 1, leading):
                block_length += 1
                edge = min(edge, line.x0)
                if previous.open_end:
                    before = self.lines[-1].text
                    self.lines[-1] = replace(self.lines[-1], text=before + joint_at_break(before) + line.text)
                    previous = line
                    continue
            else:
                self.block += 1
                block_length = 1
                edge = line.x0
            self.lines.append(printed_line(line.text, len(self.lines) + 1, page_number, self.block))
            previous = line

    def _add_table(self, table: Table, glyphs: PageGlyphs, page_number: int, lines_above: int) -> None:
        table.placed = True
        rows = list(zip(table.rows, table.edges, table.boxes))
        if rows and lines_above <= EDGE_LINES and self._continues_split_row(*rows[0], glyphs, page_number):
            self._merge_into_last_row(rows[0][0])
            self.last_boxes, self.last_glyphs = rows.pop(0)[2], glyphs
        self.block += 1
        for cells, edges, boxes in rows:
            text = "\t".join(cell.replace("\n", " ") for cell in cells)
            self.lines.append(Line(text=text, number=len(self.lines) + 1, page=page_number, block=self.block, cells=cells))
            self.last_row, self.last_edges, self.last_boxes, self.last_glyphs = len(self.lines) - 1, edges, boxes, glyphs

    def _continues_split_row(
        self, cells: tuple[str, ...], edges: tuple[float, ...], boxes: list, glyphs: PageGlyphs, page_number: int
    ) -> bool:
        """Whether a row at the top of a page is the rest of the row that ended the last page.

        A row too tall for the page's foot is split: the last page's table
        ends it (only a page number may follow), and this page opens (after
        at most a running header) with a row of the same columns whose cells
        carry on the text above them (see :func:`_continues_cell`). A row
        with text in its key cell is a new row unless every cell it carries
        on was cut at a full line: a cell whose last line above had room for
        the first word of the cell below had ended (see
        :mod:`qualcli.readers.pdf_fit`). (A row with an empty key cell names
        no row of its own; its cells may go on in new paragraphs.)
        """
        if self.last_row is None:
            return False
        previous = self.lines[self.last_row]
        after = self.lines[self.last_row + 1 :]
        return (
            previous.page == page_number - 1
            and previous.cells is not None
            and all(is_page_number(line.text) for line in after if line.page == previous.page)
            and len(self.last_edges) == len(edges)
            and all(abs(a - b) <= SAME_EDGE for a, b in zip(self.last_edges, edges))
            and any(cell.strip() for cell in cells)
            and _continues_cell(previous.cells[0], cells[0], key=True)
            and all(_continues_cell(before, after) for before, after in zip(previous.cells[1:], cells[1:]))
            and not (cells[0].strip() and any(self._had_room(column, boxes, glyphs) for column, cell in enumerate(cells) if cell.strip()))
        )

    def _had_room(self, column: int, boxes: list, glyphs: PageGlyphs) -> bool:
        """Whether the last row's cell in ``column`` had room on its last line for the first word of the cell below."""
        assert self.last_glyphs is not None
        room = self.last_glyphs.room_left(self.last_boxes[column])
        if room is None:
            return False
        lead = glyphs.lead_width(boxes[column])
        return lead is not None and lead <= room

    def _merge_into_last_row(self, cells: tuple[str, ...]) -> None:
        assert self.last_row is not None
        previous = self.lines[self.last_row]
        merged = tuple(
            a + joint_at_break(a) + b if breaks_inside_word(a) else "\n".join(part for part in (a, b) if part)
            for a, b in zip(previous.cells or (), cells)
        )
        text = "\t".join(cell.replace("\n", " ") for cell in merged)
        self.lines[self.last_row] = replace(previous, text=text, cells=merged)


_OPENING_MARKS = "'\"‘“("  # a quoted or bracketed continuation starts with its first letter, not the mark


def _continues_cell(before: str, after: str, key: bool = False) -> bool:
    """Whether ``after`` (a cell at a page's top) can be the rest of ``before`` (the cell above, on the last page).

    An empty cell carries nothing on; text goes on in lower case, or after a
    line that broke at a slash or hyphen ("Y/" / "506/2149"), or -- except in
    the first (key) column, where a capital starts a new row -- after a line
    that stops mid-sentence with a word ("Certificate in" / "Principles of
    …"); not after a full stop or a number, nor as a new lettered or
    numbered item ("f. Describe …", "1.4 State …"). A cell that was empty above cannot go on below: its text would
    have started above.
    """
    if not after.strip():
        return True
    if not before.strip():
        return False
    if _ITEM_START.match(after):
        return False  # "f. Describe …": a new lettered or numbered item
    first, last = after.lstrip().lstrip(_OPENING_MARKS)[:1] or after.lstrip()[0], before.rstrip()[-1]
    return first.islower() or breaks_inside_word(before) or (not key and first.isalpha() and last.isalpha())


def _holders(page: list[TextLine], tables: list[Table]) -> list[Table | None]:
    """For each line, the table it belongs to, if any.

    A table whose cells do not hold every character of its lines (text
    spilling over a rule, say) is not used: its lines stay plain lines, so
    nothing is lost.
    """
    holders = [next((t for t in tables if t.holds(line.x0, line.bottom, line.x1, line.top)), None) for line in page]
    for table in tables:
        printed = Counter("".join(line.text for line, holder in zip(page, holders) if holder is table).replace(" ", ""))
        read = Counter("".join(cell for row in table.rows for cell in row).replace(" ", "").replace("\n", ""))
        if printed - read:
            holders = [None if holder is table else holder for holder in holders]
    return holders
