"""PDF text layer, in reading order, with blocks and ruled tables.

Text comes from PDFium (pypdfium2), which returns it in content-stream order:
the order in which the publisher's layout program wrote it, so the two
columns of an InDesign page are not interleaved the way a top-to-bottom sort
would interleave them. It is also an order of magnitude faster than pypdf or
pdfplumber (see the project README for measurements).

- Every line carries its ``page`` (1-based).
- ``block`` comes from geometry: a line continues the previous line's block
  when it sits one line-spacing below it, in the same size of type, starting
  at the same left edge (a hanging or first-line indent is allowed between a
  block's first and second lines). A larger gap, a change of size, column or
  indentation, or a new page starts a new block.
- Ruled tables (a grid of lines or rectangles inside the page) become one
  line per row with ``cells``; a cell's wrapped lines are joined with "\\n" in
  ``cells`` and with spaces in ``text``. Tables are found with pdfplumber's
  table finder, run only on pages that draw enough straight path segments to
  make a grid of horizontal and vertical rules. A table takes the place of its first line in the page's
  content order; its text is not repeated as plain lines. (A grid with no
  text in it gives no lines: there is nothing to read.)
- Unreadable input raises :class:`~qualcli.errors.UnreadableDocument`: not a
  PDF, damaged, password-protected, or a scan with no text layer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import Line, SourceText, sha256_of

PDF_MAGIC = b"%PDF-"
PDFIUM_HYPHEN = "\ufffe"  # PDFium's stand-in for a printed (soft) hyphen; it is a "-" on the page
MIN_RULE = 15.0  # points: shorter straight segments are glyphs or icons, not table rules
EDGE_MARGIN = 1.0  # points: paths/tables touching the page edge are backgrounds, not tables
LINE_SPACING_LIMIT = 1.6  # baseline-to-baseline distance, in multiples of the type size, that still continues a block
SAME_EDGE = 2.5  # points of left-edge difference that still count as "aligned"
MAX_INDENT = 30.0  # points of hanging/first-line indent allowed between a block's first two lines
SIZE_CHANGE = 0.15  # relative change in type size that starts a new block
PARAGRAPH_GAP = 1.3  # a drop this many times the page's usual line spacing separates paragraphs


@dataclass
class TextLine:
    """A physical line of text with its box (PDF user space: y grows upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float

    @property
    def size(self) -> float:
        return self.top - self.bottom


@dataclass
class Table:
    """A ruled table found on a page: its box (y grows downwards, as pdfplumber gives it) and rows."""

    x0: float
    top: float
    x1: float
    bottom: float
    page_height: float
    rows: list[tuple[str, ...]]
    placed: bool = field(default=False)

    def holds(self, line: TextLine) -> bool:
        """Whether the centre of ``line`` lies inside the table."""
        cx = (line.x0 + line.x1) / 2
        cy = self.page_height - (line.top + line.bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom


class PdfReader:
    """Reads the text layer of .pdf files (pypdfium2, with pdfplumber for ruled tables)."""

    name = "pdf"
    suffixes = (".pdf",)

    def read(self, path: Path, data: bytes) -> SourceText:
        document = open_document(path, data)
        try:
            pages = [page_lines(document, index) for index in range(len(document))]
            if not any(line.text.strip() for page in pages for line in page):
                raise UnreadableDocument(
                    f"has {len(pages)} page(s) but no text layer (scanned image?) — run OCR first", str(path)
                )
            grid_pages = [index for index in range(len(document)) if has_grid(document[index])]
        finally:
            document.close()
        tables = find_tables(data, grid_pages)
        lines: list[Line] = []
        block = 0
        for index, page in enumerate(pages):
            block = _append_page(lines, page, tables.get(index, []), index + 1, block)
        return SourceText(path=str(path), format="pdf", lines=lines, sha256=sha256_of(data), pages=len(pages))


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


def page_lines(document, index: int) -> list[TextLine]:
    """The page's non-blank text lines in content-stream order, with their boxes."""
    page = document[index]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count).replace(PDFIUM_HYPHEN, "-") if count else ""
        lines = []
        start = 0
        for part in text.split("\r\n"):
            end = start + len(part)
            if part.strip():
                lines.append(_text_line(textpage, part, start, end))
            start = end + 2
        return lines
    finally:
        textpage.close()
        page.close()


def _text_line(textpage, text: str, start: int, end: int) -> TextLine:
    """Box of the characters ``start:end``: from the first and last non-blank ones."""
    first = start + (len(text) - len(text.lstrip()))
    last = start + len(text.rstrip()) - 1
    left, bottom, _, top = textpage.get_charbox(first, loose=True)
    _, _, right, _ = textpage.get_charbox(last, loose=True)
    return TextLine(text=text.strip(), x0=left, x1=right, bottom=bottom, top=top)


def has_grid(page) -> bool:
    """Whether the page draws a ruled grid: a vertical rule meeting a horizontal rule inside its length.

    Boxes and panels (rules meeting only at their corners) do not count, nor
    do backgrounds that touch the page edge; table cells drawn as separate
    rectangles do, because collinear rules are merged first.
    """
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    horizontal: list[tuple[float, float, float]] = []  # (y, x from, x to)
    vertical: list[tuple[float, float, float]] = []  # (x, y from, y to)
    try:
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            if left <= EDGE_MARGIN or bottom <= EDGE_MARGIN or right >= width - EDGE_MARGIN or top >= height - EDGE_MARGIN:
                continue  # a page background or bleed, not a rule
            for (x1, y1), (x2, y2) in _straight_segments(obj):
                if abs(y1 - y2) < 0.5 and abs(x1 - x2) >= MIN_RULE:
                    horizontal.append((y1, min(x1, x2), max(x1, x2)))
                elif abs(x1 - x2) < 0.5 and abs(y1 - y2) >= MIN_RULE:
                    vertical.append((x1, min(y1, y2), max(y1, y2)))
    finally:
        page.close()
    return any(
        start + SAME_EDGE < x < end - SAME_EDGE and low - SAME_EDGE <= y <= high + SAME_EDGE
        for y, start, end in _merge_collinear(horizontal)
        for x, low, high in vertical
    )


def _merge_collinear(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Join rules on the same line whose extents touch or overlap."""
    merged: list[tuple[float, float, float]] = []
    for position, start, end in sorted((round(p, 1), s, e) for p, s, e in rules):
        if merged and abs(merged[-1][0] - position) < 0.5 and start <= merged[-1][2] + SAME_EDGE:
            merged[-1] = (merged[-1][0], merged[-1][1], max(merged[-1][2], end))
        else:
            merged.append((position, start, end))
    return merged


def _straight_segments(obj):
    """Each straight segment of a path object as two end points in page space."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    m = obj.get_matrix()

    def to_page(point: tuple[float, float]) -> tuple[float, float]:
        return (m.a * point[0] + m.c * point[1] + m.e, m.b * point[0] + m.d * point[1] + m.f)

    x, y = ctypes.c_float(), ctypes.c_float()
    previous = start = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = to_page((x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            yield previous, point
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            yield point, start
            point = start
        previous = point


def find_tables(data: bytes, page_indexes: list[int]) -> dict[int, list[Table]]:
    """Ruled tables (at least two columns, inside the page edges) on the given pages, by page index."""
    if not page_indexes:
        return {}
    import pdfplumber

    found: dict[int, list[Table]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in page_indexes:
            page = pdf.pages[index]
            try:
                candidates = page.find_tables()
            except Exception:  # a page pdfminer cannot lay out keeps its plain lines
                continue
            tables = []
            for candidate in candidates:
                x0, top, x1, bottom = candidate.bbox
                if x0 <= EDGE_MARGIN or top <= EDGE_MARGIN or x1 >= page.width - EDGE_MARGIN or bottom >= page.height - EDGE_MARGIN:
                    continue
                rows = [tuple(cell or "" for cell in row if cell is not None) for row in candidate.extract()]
                if max((len(row) for row in rows), default=0) < 2:
                    continue
                tables.append(Table(x0, top, x1, bottom, page.height, rows))
            if tables:
                found[index] = sorted(tables, key=lambda table: (table.top, table.x0))
    return found


@dataclass(frozen=True)
class Leading:
    """The page's usual baseline-to-baseline distance and the type size it goes with."""

    drop: float
    size: float

    @classmethod
    def of(cls, page: list[TextLine]) -> "Leading | None":
        """The most common line spacing between consecutive lines of like size, if any."""
        from collections import Counter

        spacings = Counter()
        for previous, line in zip(page, page[1:]):
            size = max(previous.size, line.size, 1.0)
            drop = previous.bottom - line.bottom
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
    drop = previous.bottom - line.bottom
    if not 0 < drop <= LINE_SPACING_LIMIT * size or (leading is not None and not leading.allows(drop, size)):
        return False
    shift = line.x0 - previous.x0
    if abs(shift) <= SAME_EDGE:
        return True
    if 0 < shift <= MAX_INDENT:
        return abs(previous.x0 - edge) <= SAME_EDGE
    return first_of_block and -MAX_INDENT <= shift < 0


def _append_page(lines: list[Line], page: list[TextLine], tables: list[Table], page_number: int, block: int) -> int:
    """Append one page's lines and table rows to ``lines``; return the last block number used."""

    def emit_table(table: Table) -> None:
        nonlocal block
        block += 1
        table.placed = True
        for cells in table.rows:
            text = "\t".join(cell.replace("\n", " ") for cell in cells)
            lines.append(Line(text=text, number=len(lines) + 1, page=page_number, block=block, cells=cells))

    leading = Leading.of(page)
    previous: TextLine | None = None
    block_length = 0
    edge = 0.0
    for line in page:
        holder = next((table for table in tables if table.holds(line)), None)
        if holder is not None:
            if not holder.placed:
                emit_table(holder)
            previous = None
            continue
        if previous is not None and continues_block(previous, line, edge, block_length == 1, leading):
            block_length += 1
            edge = min(edge, line.x0)
        else:
            block += 1
            block_length = 1
            edge = line.x0
        lines.append(Line(text=line.text, number=len(lines) + 1, page=page_number, block=block))
        previous = line
    return block
