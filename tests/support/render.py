"""Render plain text into the DOCX and PDF layouts that publishers produce.

Tests use this to check that a parser copes with the same content read from a
Word export or a printed PDF, without committing anyone's documents:

- :func:`text_to_docx` turns text into a Word document: every non-blank line
  is a paragraph, a run of consecutive lines that contain a tab is ONE table
  (cells split on tabs, rows padded to the widest row), and lines starting
  ``"- "`` become "List Bullet" paragraphs without the ``"- "``. Everything
  else is kept verbatim (HTML fragments included: they are content).
- :func:`docx_to_pdf` "prints" a DOCX on A4 with reportlab: paragraphs wrap
  inside real margins, tables have GRID lines and wrapping Paragraph cells and
  split across pages, bullets get a "•" glyph, and every page carries a
  running header (the document title) and a "Page N" footer.
- :func:`text_to_pdf` does both.
- :func:`placed_pages_to_pdf` draws text at given positions, in the order
  given: the order of a page's content stream, which layout programs such as
  InDesign do not keep top to bottom (a heading drawn after the text below it).

The API (names, arguments, return values) is stable: other test modules use it.

When ``$QUALCLI_TEST_RENDERS`` names a folder (tests/support/session.py sets
one per test run), :func:`text_to_docx` and :func:`docx_to_pdf` keep each
result there, keyed by a SHA-256 of their input, and copy it on a repeat: the
same corpus text rendered by several test modules is rendered once per run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

BULLET_STYLE = "List Bullet"
BULLET_PREFIX = "- "
BULLET_GLYPH = "\u2022"

# A Unicode TrueType font keeps symbols such as ✓ ✗ □ ○ in the text layer;
# reportlab's bundled Vera is the fallback when no system font is found.
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
_FONT_NAME = "QualcliRender"
_CELL_PADDING = 6  # reportlab's default cell padding, points
_MIN_CELL_FONT = 5.0  # points: table type shrinks no further than this to fit long words


def blocks(text: str):
    """Yield ("table", [rows]) or ("para", line) in order; blank lines are skipped."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            yield "table", rows
            rows = []
        if line.strip():
            yield "para", line
    if rows:
        yield "table", rows


def default_title(text: str) -> str:
    """The first non-blank, non-table line of ``text`` (what a header would show)."""
    for kind, value in blocks(text):
        if kind == "para":
            return value.strip()[:80]
    return "Document"


def _kept(kind: str, key: bytes, path: Path, make: Callable[[Path], object]) -> Path:
    """``make(path)``, or a copy of what it made from the same ``key`` earlier in this run (see the module docstring)."""
    path = Path(path)
    folder = os.environ.get("QUALCLI_TEST_RENDERS")
    if not folder:
        make(path)
        return path
    stored = Path(folder) / f"{kind}-{hashlib.sha256(key).hexdigest()}{path.suffix}"
    if stored.is_file():
        shutil.copyfile(stored, path)
        return path
    make(path)
    stored.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=stored.parent)
    os.close(fd)
    shutil.copyfile(path, partial)
    os.replace(partial, stored)  # whole or not at all: another test process may be reading
    return path


def text_to_docx(text: str, path: Path, title: str | None = None) -> Path:
    """Write ``text`` as a Word document at ``path`` (see the module docstring).

    ``title`` (default: the first paragraph) becomes the document's core title
    and its page header.
    """
    key = json.dumps([default_title(text) if title is None else title, list(blocks(text))])  # all the document is made of
    return _kept("docx", key.encode("utf-8"), path, lambda target: _write_docx(text, target, title))


def _write_docx(text: str, path: Path, title: str | None) -> None:
    import docx

    document = docx.Document()
    title = title if title is not None else default_title(text)
    document.core_properties.title = title
    document.sections[0].header.paragraphs[0].text = title
    for kind, value in blocks(text):
        if kind == "para":
            if value.startswith(BULLET_PREFIX):
                document.add_paragraph(value[len(BULLET_PREFIX) :], style=BULLET_STYLE)
            else:
                document.add_paragraph(value)
            continue
        add_grid_table(document, value)
    document.save(path)


def add_grid_table(document, rows: list[list[str]]) -> None:
    """Append ``rows`` to a python-docx ``document`` as one "Table Grid" table, rows padded to the widest."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, cell_text in zip(row.cells, cells + [""] * (width - len(cells))):
            cell.text = cell_text


def _font_name() -> str:
    """Register (once) and return the font used for all PDF text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return _FONT_NAME
    import reportlab

    bundled = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    for candidate in (*_FONT_CANDIDATES, str(bundled)):
        if Path(candidate).is_file():
            pdfmetrics.registerFont(TTFont(_FONT_NAME, candidate))
            return _FONT_NAME
    return "Helvetica"


def _styles(font: str) -> dict:
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=6, splitLongWords=0)
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=6, bulletFontName=font),
        "heading": ParagraphStyle("heading", parent=body, fontSize=13, leading=16, spaceBefore=6),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0),
    }


def _markup(text: str) -> str:
    """Text made safe for a reportlab Paragraph (which reads a little XML)."""
    return escape(text)


def _paragraph_flowable(paragraph, styles):
    from reportlab.platypus import Paragraph

    style_name = paragraph.style.name if paragraph.style is not None else ""
    lines = [_markup(part) for part in paragraph.text.split("\n")]
    markup = "<br/>".join(lines)
    if style_name.startswith("List"):
        return Paragraph(markup, styles["bullet"], bulletText=BULLET_GLYPH)
    if style_name.startswith("Heading") or style_name == "Title":
        return Paragraph(markup, styles["heading"])
    return Paragraph(markup, styles["body"])


def _column_widths(rows: list[list[str]], font: str, size: float, frame_width: float) -> list[float] | None:
    """Widths that give every column room for its longest word, the rest shared by text length.

    None when the longest words do not fit side by side at this type size.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    columns = max(len(row) for row in rows)
    need = [2 * _CELL_PADDING + 1.0] * columns
    want = [0.0] * columns
    for row in rows:
        for index, cell in enumerate(row):
            words = cell.split()
            if words:
                need[index] = max(need[index], max(stringWidth(w, font, size) for w in words) + 2 * _CELL_PADDING + 1.0)
                want[index] = max(want[index], stringWidth(" ".join(words), font, size))
    spare = frame_width - sum(need)
    if spare < 0:
        return None
    total = sum(want) or float(columns)
    return [need[i] + spare * ((want[i] if sum(want) else 1.0) / total) for i in range(columns)]


def _table_flowable(table, styles, frame_width: float, frame_height: float):
    """A GRID table of wrapping Paragraph cells; type shrinks until every word fits its column."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    from qualcli.readers.docx import table_rows

    texts = [list(cells) for cells in table_rows(table._tbl)]
    width = max(len(row) for row in texts)
    texts = [row + [""] * (width - len(row)) for row in texts]
    style = styles["cell"]
    widths = _column_widths(texts, style.fontName, style.fontSize, frame_width)
    while widths is None and style.fontSize > _MIN_CELL_FONT:
        size = style.fontSize - 0.5
        style = ParagraphStyle("cell-small", parent=style, fontSize=size, leading=size * 1.2)
        widths = _column_widths(texts, style.fontName, style.fontSize, frame_width)
    widths = widths or [frame_width / width] * width
    rows = [[Paragraph("<br/>".join(_markup(line) for line in cell.split("\n")), style) for cell in row] for row in texts]
    # A row taller than a page may split inside itself; other rows move whole.
    tallest = max(
        cell.wrap(column - 2 * _CELL_PADDING, frame_height)[1] for row in rows for cell, column in zip(row, widths)
    )
    flowable = Table(
        rows,
        colWidths=widths,
        repeatRows=0,
        splitByRow=1,
        splitInRow=int(tallest + 2 * _CELL_PADDING >= frame_height),
        hAlign="LEFT",
    )
    flowable.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return flowable


def docx_to_pdf(docx_path: Path, pdf: Path) -> Path:
    """Print the DOCX at ``docx_path`` to an A4 PDF at ``pdf`` (see the module docstring)."""
    key = Path(docx_path).stem.encode("utf-8") + b"\0" + Path(docx_path).read_bytes()  # the stem: an untitled DOCX's header
    return _kept("pdf", key, pdf, lambda target: _print_pdf(docx_path, target))


def _print_pdf(docx_path: Path, pdf: Path) -> None:
    import docx
    from docx.table import Table as DocxTable
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    document = docx.Document(str(docx_path))
    title = document.core_properties.title or Path(docx_path).stem
    font = _font_name()
    styles = _styles(font)
    margin = 2.5 * cm
    template = SimpleDocTemplate(
        str(pdf), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin, title=title
    )
    flowables = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            flowables.append(_table_flowable(item, styles, template.width, template.height))
            flowables.append(Spacer(1, 8))
        elif item.text.strip():
            flowables.append(_paragraph_flowable(item, styles))

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        width, height = A4
        canvas.drawString(margin, height - 1.5 * cm, title)
        canvas.drawRightString(width - margin, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    template.build(flowables, onFirstPage=decorate, onLaterPages=decorate)


def text_to_pdf(text: str, path: Path, title: str | None = None) -> Path:
    """Render ``text`` to a PDF at ``path`` by way of a DOCX (kept in a temporary folder)."""
    with tempfile.TemporaryDirectory() as scratch:
        intermediate = text_to_docx(text, Path(scratch) / "render.docx", title=title)
        return docx_to_pdf(intermediate, path)


def placed_pages_to_pdf(pages: list[list[tuple[str, float, float, float]]], path: Path) -> Path:
    """Write an A4 PDF whose pages hold ``(text, x, y, size)`` items, drawn in list order.

    ``x`` and ``y`` are points from the page's left and top edges. Each item
    is one line of text; the content stream keeps the list order, whatever
    the positions, so a test can put a heading at the top of the page but
    after its content in the stream.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdf_canvas

    path = Path(path)
    font = _font_name()
    canvas = pdf_canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    for items in pages:
        for text, x, y, size in items:
            canvas.setFont(font, size)
            canvas.drawString(x, height - y, text)
        canvas.showPage()
    canvas.save()
    return path
