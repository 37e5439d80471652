"""PDF text layer, in reading order, with blocks and ruled tables.

Text comes from PDFium (pypdfium2), which returns it in content-stream order:
the order in which the publisher's layout program wrote it, so the two
columns of an InDesign page are not interleaved the way a top-to-bottom sort
would interleave them. It is also fast: on an 82-page InDesign specification
the whole reader (tables included) takes about a tenth of the time of pypdf's
``extract_text`` and a twentieth of pdfplumber's.

- Every line carries its ``page`` (1-based); ``number`` counts lines.
- ``block`` comes from geometry: a line continues the previous line's block
  when it sits one line-spacing below it (the page's usual spacing, not the
  larger gap between paragraphs), in the same size of type, starting at the
  same left edge (a hanging or first-line indent is allowed). A larger gap, a
  change of size, column or indentation, or a new page starts a new block.
- A line of a block that ends right after a hyphen or slash with no space
  printed ("24-" / "hour", "and/" / "or") broke inside a word: the next line
  of the block is joined to it, without a space, as PDFium itself joins a
  word hyphenated between letters.
- Ruled tables (see :mod:`qualcli.readers.pdf_grid`) become one line per row
  with ``cells``; a cell's wrapped lines are joined with "\\n" in ``cells``
  and with spaces in ``text``. A table takes the place of its first line in
  the page's content order, and its text is not repeated as plain lines. (A
  grid with no text in it gives no lines: there is nothing to read. A grid
  whose cells miss some of its text, e.g. text spilling over a rule, is read
  as plain lines instead, so nothing is lost.)
- Unreadable input raises :class:`~qualcli.errors.UnreadableDocument`: not a
  PDF, damaged, password-protected, or a scan with no text layer.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.parsing.pages import is_page_number
from qualcli.parsing.text import BULLET_GLYPHS
from qualcli.readers import LIST_ITEM, Line, SourceText, sha256_of
from qualcli.readers.pdf_cells import Vocabulary, breaks_inside_word, joint_at_break, printed_text
from qualcli.readers.pdf_fit import PageGlyphs
from qualcli.readers.pdf_grid import Table, ruled_tables

PDF_MAGIC = b"%PDF-"
LINE_SPACING_LIMIT = 1.6  # baseline-to-baseline distance, in multiples of the type size, that still continues a block
MAX_LEAD = 4  # characters looked at for a line's first letter (its type size; a bullet glyph may be smaller)
SAME_EDGE = 2.5  # points of left-edge difference that still count as "aligned"
MAX_INDENT = 30.0  # points of hanging/first-line indent allowed between a block's first two lines
SIZE_CHANGE = 0.15  # relative change in type size that starts a new block
EDGE_LINES = 2  # lines of running header allowed above the second half of a row a page break split
PARAGRAPH_GAP = 1.3  # a drop this many times the page's usual line spacing separates paragraphs


@dataclass
class TextLine:
    """A physical line of text with its box (PDF user space: y grows upwards).

    ``size`` is the type size PDFium reports for the line's first letter (the
    font size scaled by the text matrix), and ``baseline`` that letter's
    origin: glyph boxes are no guide to either, since some producers
    (LibreOffice) write tight boxes that shrink with the letter's shape.
    """

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    baseline: float
    open_end: bool = False  # ends right after a hyphen or slash, no space printed: the word goes on below
    first: int = 0  # index of its first non-blank glyph in the page's text
    last: int = 0  # ... and of its last


class PdfReader:
    """Reads the text layer of .pdf files with pypdfium2."""

    name = "pdf"
    suffixes = (".pdf",)

    def read(self, path: Path, data: bytes) -> SourceText:
        document = open_document(path, data)
        pages = len(document)
        assembler = _Assembler()
        held: list[PdfPage] = []  # the page before this one stays open: a row it ends may go on at this page's top
        printed = False
        try:
            vocabulary = Vocabulary(document)
            for index in range(pages):
                held.append(PdfPage(document, index))
                printed = printed or bool(held[-1].lines)
                assembler.add_page(held[-1].lines, held[-1].tables(vocabulary), held[-1].glyphs, index + 1)
                if len(held) > 1:
                    held.pop(0).close()
        finally:
            for page in held:
                page.close()
            document.close()
        if not printed:
            raise UnreadableDocument(f"has {pages} page(s) but no text layer (scanned image?) — run OCR first", str(path))
        return SourceText(
            path=str(path),
            format="pdf",
            lines=assembler.lines,
            sha256=sha256_of(data),
            pages=pages,
            warnings=assembler.warnings,
        )


def open_document(path: Path, data: bytes):
    """A pypdfium2 PdfDocument, or UnreadableDocument saying why not."""
    if PDF_MAGIC not in data[:1024]:
        raise UnreadableDocument("not a PDF file (no %PDF header)", str(path))
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableDocument("PDF is encrypted and needs a password; save an unprotected copy", str(path)) from None
        raise UnreadableDocument("damaged or truncated PDF (cannot be opened)", str(path)) from None
    if len(document) == 0:
        document.close()
        raise UnreadableDocument("PDF has no pages", str(path))
    return document


class PdfPage:
    """One open page: its non-blank text lines in content-stream order, its ruled tables, its glyphs on demand."""

    def __init__(self, document, index: int) -> None:
        self.page = document[index]
        self.textpage = self.page.get_textpage()
        count = self.textpage.count_chars()
        text = self.textpage.get_text_range(0, count) if count else ""
        self.lines: list[TextLine] = []
        start = 0
        for part in text.split("\r\n"):
            end = start + len(part)
            if part.strip():
                self.lines.append(_text_line(self.textpage, part, start, end))
            start = end + 2
        self.text = text
        self.glyphs = PageGlyphs(self.textpage, text, self.lines)

    def tables(self, vocabulary: Vocabulary | None = None) -> list[Table]:
        """The page's ruled tables, top to bottom (none on a page with no text)."""
        return ruled_tables(self.page, self.textpage, vocabulary, self.text) if self.lines else []

    def close(self) -> None:
        """Release PDFium's page and text page."""
        self.textpage.close()
        self.page.close()


def _text_line(textpage, text: str, start: int, end: int) -> TextLine:
    """Box, type size and baseline of the characters ``start:end`` (from the first and last non-blank ones)."""
    first = start + (len(text) - len(text.lstrip()))
    last = start + len(text.rstrip()) - 1
    left, bottom, _, top = loose_box(textpage, first)
    right = loose_box(textpage, last)[2]
    letter = next((first + i for i, ch in enumerate(text.strip()[:MAX_LEAD]) if ch.isalnum()), first)
    size, baseline = char_size_and_baseline(textpage, letter)
    printed = printed_text(text)
    return TextLine(
        text=printed.strip(),
        x0=left,
        x1=right,
        bottom=bottom,
        top=top,
        size=size,
        baseline=baseline,
        open_end=breaks_inside_word(printed),
        first=first,
        last=last,
    )


def loose_box(textpage, index: int) -> tuple[float, float, float, float]:
    """Character ``index``'s box covering its font's whole height (left, bottom, right, top), from PDFium's C API."""
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect)
    return rect.left, rect.bottom, rect.right, rect.top


def char_size_and_baseline(textpage, index: int) -> tuple[float, float]:
    """The type size of character ``index`` in points (font size times the text matrix's scale) and its baseline."""
    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    scale = math.hypot(matrix.c, matrix.d) if pdfium_c.FPDFText_GetMatrix(textpage.raw, index, matrix) else 1.0
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
    return pdfium_c.FPDFText_GetFontSize(textpage.raw, index) * (scale or 1.0), y.value


@dataclass(frozen=True)
class Leading:
    """The page's usual baseline-to-baseline distance and the type size it goes with."""

    drop: float
    size: float

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


_ITEM_START = re.compile(r"^\s*(?:[a-z]{1,2}|\d+(?:\.\d+)*)[.)]\s")
_BULLET = re.compile(rf"^[{BULLET_GLYPHS.replace('–', '')}]\s+(?=\S)")


def printed_line(text: str, number: int, page: int, block: int) -> Line:
    """A line of page text; one that starts with a bullet glyph is a list item, given without the glyph."""
    bullet = _BULLET.match(text)
    if bullet:
        return Line(text=text[bullet.end() :], number=number, page=page, block=block, kind=LIST_ITEM, level=1)
    return Line(text=text, number=number, page=page, block=block)


class _Assembler:
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
            and not (cells[0].strip() and any(self._had_room(column, boxes[column], glyphs) for column, cell in enumerate(cells) if cell.strip()))
        )

    def _had_room(self, column: int, box, glyphs: PageGlyphs) -> bool:
        """Whether the last row's cell in ``column`` had room on its last line for the first word of ``box``'s text."""
        assert self.last_glyphs is not None
        room = self.last_glyphs.room_left(self.last_boxes[column])
        lead = glyphs.lead_width(box) if room is not None else None
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
