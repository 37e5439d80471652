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
  word hyphenated between letters -- unless the compound is written with
  spaced hyphens ("one- to-" / "one": see
  :func:`~qualcli.readers.pdf_cells.joint_at_break`).
- Ruled tables (see :mod:`qualcli.readers.pdf_grid`) become one line per row
  with ``cells``; a cell's wrapped lines are joined with "\\n" in ``cells``
  and with spaces in ``text``. A table takes the place of its first line in
  the page's content order, and its text is not repeated as plain lines. (A
  grid with no text in it gives no lines: there is nothing to read. A grid
  whose cells miss some of its text, e.g. text spilling over a rule, is read
  as plain lines instead, so nothing is lost.)
- A table row that a page break split is one row again: the row at the
  next page's top goes on the last page's last row when its cells carry that
  text on (see :mod:`qualcli.readers.pdf_assembly`; the page before the one
  being read stays open so that its glyphs can be measured).
- Each page is opened once (:class:`OpenPages`), its text read once.
- Unreadable input raises :class:`~qualcli.errors.UnreadableDocument`: not a
  PDF, damaged, password-protected, or a scan with no text layer.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import SourceText, sha256_of
from qualcli.readers.pdf_assembly import Assembler, TextLine
from qualcli.readers.pdf_cells import Vocabulary, breaks_inside_word, printed_text
from qualcli.readers.pdf_fit import PageGlyphs
from qualcli.readers.pdf_grid import Table, ruled_tables

PDF_MAGIC = b"%PDF-"
MAX_LEAD = 4  # characters looked at for a line's first letter (its type size; a bullet glyph may be smaller)


class PdfReader:
    """Reads the text layer of .pdf files with pypdfium2."""

    name = "pdf"
    suffixes = (".pdf",)

    def read(self, path: Path, data: bytes) -> SourceText:
        document = open_document(path, data)
        pages = len(document)
        assembler = Assembler()
        opened = OpenPages(document)
        printed = False
        try:
            vocabulary = Vocabulary(opened.text, pages)
            for index in range(pages):
                page = opened[index]
                printed = printed or bool(page.lines)
                assembler.add_page(page.lines, page.tables(vocabulary), page.glyphs, index + 1)
                if index:
                    opened.release(index - 1)  # kept open until now: a row it ends may go on at this page's top
        finally:
            opened.close()
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
    """The open document (:class:`~qualcli.readers.pdf_raw.Document`, one page or more), or UnreadableDocument saying why not."""
    if PDF_MAGIC not in data[:1024]:
        raise UnreadableDocument("not a PDF file (no %PDF header)", str(path))
    from qualcli.readers import pdf_raw

    try:
        return pdf_raw.Document(data)
    except pdf_raw.PdfiumError as exc:  # damaged, encrypted, or no pages
        if exc.code == pdf_raw.ERR_PASSWORD:
            raise UnreadableDocument("PDF is encrypted and needs a password; save an unprotected copy", str(path)) from None
        raise UnreadableDocument("damaged or truncated PDF (cannot be opened)", str(path)) from None


class OpenPages:
    """A document's pages, each opened (and its text read) once.

    The reader walks them in order, releasing each when the next is done;
    the vocabulary of broken words may read ahead, and the pages it opens stay
    open for the reader. Released pages' texts are kept.
    """

    def __init__(self, document) -> None:
        self.document = document
        self._open: dict[int, PdfPage] = {}
        self._texts: dict[int, str] = {}

    def __getitem__(self, index: int) -> "PdfPage":
        if index not in self._open:
            page = self._open[index] = PdfPage(self.document, index)
            self._texts[index] = page.text
        return self._open[index]

    def text(self, index: int) -> str:
        """The text of page ``index`` as PDFium gives it."""
        return self._texts[index] if index in self._texts else self[index].text

    def release(self, index: int) -> None:
        """Close page ``index`` (its text is kept)."""
        page = self._open.pop(index, None)
        if page is not None:
            page.close()

    def close(self) -> None:
        """Close every page still open."""
        for index in list(self._open):
            self.release(index)


class PdfPage:
    """One open page: its non-blank text lines in content-stream order, its ruled tables, its glyphs on demand."""

    def __init__(self, document, index: int) -> None:
        from qualcli.readers.pdf_raw import Page

        self.page = Page(document, index)
        self.textpage = self.page.get_textpage()
        count = self.textpage.count_chars()
        text = self.textpage.get_text_range(0, count) if count else ""
        self.lines: list[TextLine] = []
        measure = _Measure(self.textpage)
        start = 0
        for part in text.split("\r\n"):
            end = start + len(part)
            if part.strip():
                self.lines.append(_text_line(measure, part, start, end))
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


def _text_line(measure: "_Measure", text: str, start: int, end: int) -> TextLine:
    """Box, type size and baseline of the characters ``start:end`` (from the first and last non-blank ones)."""
    first = start + (len(text) - len(text.lstrip()))
    last = start + len(text.rstrip()) - 1
    left, bottom, _, top = measure.loose_box(first)
    right = measure.loose_box(last)[2]
    letter = next((first + i for i, ch in enumerate(text.strip()[:MAX_LEAD]) if ch.isalnum()), first)
    size, baseline = measure.size_and_baseline(letter)
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


class _Measure:
    """Characters of one text page measured through PDFium's C API (:mod:`~qualcli.readers.pdf_raw`), reusing its buffers."""

    def __init__(self, textpage) -> None:
        from qualcli.readers import pdf_raw

        self._raw = pdf_raw
        self._page = textpage.handle
        self._rect = pdf_raw.RECT()
        self._matrix = pdf_raw.MATRIX()
        self._x, self._y = ctypes.c_double(), ctypes.c_double()

    def loose_box(self, index: int) -> tuple[float, float, float, float]:
        """Character ``index``'s box covering its font's whole height (left, bottom, right, top)."""
        rect = self._rect
        if not self._raw.loose_char_box(self._page, index, rect):
            return 0.0, 0.0, 0.0, 0.0  # as PDFium leaves a new (zeroed) box it cannot fill
        return rect.left, rect.bottom, rect.right, rect.top

    def size_and_baseline(self, index: int) -> tuple[float, float]:
        """The type size of character ``index`` in points (font size times the text matrix's scale) and its baseline."""
        raw, matrix = self._raw, self._matrix
        scale = math.hypot(matrix.c, matrix.d) if raw.char_matrix(self._page, index, matrix) else 1.0
        baseline = self._y.value if raw.char_origin(self._page, index, self._x, self._y) else 0.0
        return raw.font_size(self._page, index) * (scale or 1.0), baseline
