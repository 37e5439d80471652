"""The built-in readers (HTML, DOCX, PDF) and the test renderer that feeds them.

Round trips: text -> DOCX -> reader and text -> DOCX -> PDF -> reader must give
back the same paragraphs (words, in order) and the same table rows (cells).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest

from qualcli.errors import UnreadableDocument
from qualcli.readers import SourceText
from qualcli.readers.docx import DocxReader
from qualcli.readers.html import HtmlReader
from qualcli.parsing.text import BULLET_GLYPHS
from qualcli.readers.pdf import PdfReader
from tests.conftest import FIXTURES
from tests.support.render import docx_to_pdf, text_to_docx, text_to_pdf

SAMPLE = FIXTURES / "readers" / "sample.txt"
HEADER = "RUNNING HEADER FOR TESTS"
NAIL_PDF = "specs-extra/vtct-AB20117-l2-certificate-nail-technology.pdf"
VTCT_TEXT = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"


def words(text: str) -> list[str]:
    return text.split()


def norm(text: str) -> str:
    return " ".join(text.split())


def source_paragraphs(text: str) -> list[str]:
    """Non-blank, non-table lines of ``text`` as the renderer writes them (bullet dash removed)."""
    out = []
    for line in text.splitlines():
        if line.strip() and "\t" not in line:
            out.append(line[2:] if line.startswith("- ") else line)
    return out


def source_rows(text: str) -> list[tuple[str, ...]]:
    """Tab lines of ``text`` as cell tuples, whitespace-normalised, trailing empty cells dropped."""
    return [trim(tuple(norm(cell) for cell in line.split("\t"))) for line in text.splitlines() if "\t" in line]


def trim(cells: tuple[str, ...]) -> tuple[str, ...]:
    """Cells without the empty ones at the end (rows are padded to the table's width)."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def read(reader, path: Path) -> SourceText:
    return reader.read(path, path.read_bytes())


def body_lines(source: SourceText):
    """Lines that are not the renderer's running header or page footer."""
    return [line for line in source.lines if line.text != HEADER and not re.fullmatch(r"Page \d+", line.text)]


def assert_faithful(text: str, source: SourceText) -> None:
    """Same table rows (cells) and same words in the same order as ``text``."""
    rows = [trim(tuple(norm(cell) for cell in line.cells)) for line in source.lines if line.cells is not None]
    assert rows == source_rows(text)
    expected = [w for line in text.splitlines() for w in words(line[2:] if line.startswith("- ") else line)]
    got = [w for line in body_lines(source) for w in words(line.text)]
    if source.format == "pdf":  # bullets are printed as a glyph; drop it on both sides
        expected = [w for w in expected if w != "\u2022"]
        got = [w for w in got if w != "\u2022"]
    assert got == expected


# -- renderer + DOCX ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_docx(sample_text, tmp_path_factory) -> Path:
    return text_to_docx(sample_text, tmp_path_factory.mktemp("docx") / "sample.docx", title=HEADER)


@pytest.fixture(scope="module")
def sample_pdf(sample_docx, tmp_path_factory) -> Path:
    return docx_to_pdf(sample_docx, tmp_path_factory.mktemp("pdf") / "sample.pdf")


def test_docx_round_trip_gives_paragraphs_and_rows_back(sample_text, sample_docx):
    source = read(DocxReader(), sample_docx)
    assert source.format == "docx"
    assert_faithful(sample_text, source)
    paragraphs = [line.text for line in source.lines if line.cells is None and line.text.strip()]
    assert paragraphs == source_paragraphs(sample_text)
    bullets = [line.text for line in source.lines if line.style == "List Bullet"]
    assert bullets == [line[2:] for line in sample_text.splitlines() if line.startswith("- ")]
    assert [line.number for line in source.lines] == list(range(1, len(source.lines) + 1))


def test_docx_keeps_document_order_and_markup(tmp_path):
    text = "Before the table\nCode\tTitle\nA1\tFirst & <second>\nAfter the table <i>kept</i>"
    source = read(DocxReader(), text_to_docx(text, tmp_path / "order.docx"))
    assert [line.text for line in source.lines] == [
        "Before the table",
        "Code\tTitle",
        "A1\tFirst & <second>",
        "After the table <i>kept</i>",
    ]
    assert source.lines[1].cells == ("Code", "Title")
    assert source.lines[1].block == source.lines[2].block != source.lines[3].block


def test_docx_merged_cells_once_and_soft_breaks_in_one_block(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("first half")
    paragraph.add_run().add_break()
    paragraph.add_run("second half")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Wide heading"
    table.cell(0, 2).text = "Right"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Tall"
    table.cell(1, 1).text = "line one\nline two"
    document.add_paragraph("Closing", style="Heading 2")
    path = tmp_path / "merged.docx"
    document.save(path)

    lines = read(DocxReader(), path).lines
    assert [line.text for line in lines[:2]] == ["first half", "second half"]
    assert lines[0].block == lines[1].block
    assert lines[2].cells == ("Wide heading", "Right")
    assert lines[3].cells == ("Tall", "line one\nline two", "")
    assert lines[3].text == "Tall\tline one line two\t"
    assert lines[4].cells == ("", "", "")  # the tall cell's continuation is not repeated
    assert (lines[5].text, lines[5].style) == ("Closing", "Heading 2")


def test_docx_text_in_content_controls_is_kept(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Outside")
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = "<w:p><w:r><w:t>Inside a control</w:t></w:r></w:p>"
    control = parse_xml(f"<w:sdt {namespace}><w:sdtContent>{paragraph}</w:sdtContent></w:sdt>")
    document.element.body.insert(1, control)
    path = tmp_path / "control.docx"
    document.save(path)
    assert [line.text for line in read(DocxReader(), path).lines] == ["Outside", "Inside a control"]


def test_docx_text_box_read_once_after_its_paragraph(tmp_path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent>"
    anchor = parse_xml(
        f"<w:p {w} {mc}><w:r><w:t>Anchor text</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice>{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    document = docx.Document()
    document.element.body.insert(0, anchor)
    document.add_paragraph("After")
    path = tmp_path / "box.docx"
    document.save(path)
    lines = read(DocxReader(), path).lines
    assert [line.text for line in lines] == ["Anchor text", "Boxed note", "After"]
    assert len({line.block for line in lines}) == 3


def test_docx_headers_only_when_asked(sample_docx):
    reader = DocxReader()
    body = reader.read(sample_docx, sample_docx.read_bytes())
    with_headers = reader.read_with_headers(sample_docx, sample_docx.read_bytes())
    assert HEADER not in [line.text for line in body.lines]
    assert with_headers.lines[: len(body.lines)] == body.lines
    extra = with_headers.lines[len(body.lines) :]
    assert [(line.text, line.style) for line in extra if line.text] == [(HEADER, "Header")]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x00\x01 junk that is not a zip" * 20, "not a zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "old binary Word .doc"),
        (b"PK\x03\x04" + b"\x00" * 200, "corrupt or incomplete"),
    ],
)
def test_docx_unreadable_input_is_one_clear_error(tmp_path, data, fragment):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument) as error:
        DocxReader().read(path, data)
    assert fragment in str(error.value) and str(path) in str(error.value)


# -- PDF --------------------------------------------------------------------------


def test_pdf_round_trip_gives_words_in_order_and_table_rows(sample_text, sample_pdf):
    source = read(PdfReader(), sample_pdf)
    assert source.format == "pdf" and source.pages and source.pages >= 1
    assert all(line.page is not None and 1 <= line.page <= source.pages for line in source.lines)
    assert_faithful(sample_text, source)
    assert [line.number for line in source.lines] == list(range(1, len(source.lines) + 1))


def test_pdf_blocks_follow_paragraphs(sample_text, sample_pdf):
    lines = read(PdfReader(), sample_pdf).lines
    longest = max(source_paragraphs(sample_text), key=len)
    start = next(i for i, line in enumerate(lines) if longest.startswith(line.text))
    wrapped = []
    for line in lines[start:]:
        if not longest.startswith(" ".join(wrapped + [line.text])):
            break
        wrapped.append(line.text)
    assert len(wrapped) >= 2, "the long paragraph should wrap in the PDF"
    assert " ".join(wrapped) == longest
    paragraph_blocks = {line.block for line in lines[start : start + len(wrapped)]}
    assert len(paragraph_blocks) == 1
    assert lines[start - 1].block not in paragraph_blocks
    assert lines[start + len(wrapped)].block not in paragraph_blocks
    bullets = [line for line in lines if line.kind == "list_item"]  # printed with a glyph, read without it
    assert len(bullets) == 3 and len({line.block for line in bullets}) == 3
    noise = {line.block for line in lines if line.text == HEADER or re.fullmatch(r"Page \d+", line.text)}
    assert noise and not noise & {line.block for line in body_lines(read(PdfReader(), sample_pdf))}


def test_pdf_table_cells_keep_their_inner_line_breaks(sample_text, sample_pdf):
    rows = [line for line in read(PdfReader(), sample_pdf).lines if line.cells is not None]
    wrapped = [row for row in rows if any("\n" in cell for cell in row.cells)]
    assert wrapped, "the long criterion should wrap inside its cell"
    for row in wrapped:
        assert "\n" not in row.text
        assert row.text == "\t".join(cell.replace("\n", " ") for cell in row.cells)
    assert len({row.block for row in rows}) == 2  # two tables, one block each


def test_pdf_text_around_a_table_keeps_its_place(tmp_path):
    text = "Paragraph before the grid.\nKey\tValue\nalpha\tone\nParagraph after the grid."
    lines = read(PdfReader(), text_to_pdf(text, tmp_path / "around.pdf", title=HEADER)).lines
    body = [line.text for line in lines if line.text != HEADER and not line.text.startswith("Page ")]
    assert body == ["Paragraph before the grid.", "Key\tValue", "alpha\tone", "Paragraph after the grid."]


def test_pdf_two_columns_are_not_interleaved(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    path = tmp_path / "columns.pdf"
    width, height = A4
    column = width / 2 - 50
    frames = [Frame(40, 40, column, height - 80, id="left"), Frame(width / 2 + 10, 40, column, height - 80, id="right")]
    document = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate(frames=frames)])
    style = getSampleStyleSheet()["BodyText"]
    left = " ".join(f"left{i}" for i in range(60))
    right = " ".join(f"right{i}" for i in range(60))
    document.build([Paragraph(left, style), FrameBreak(), Paragraph(right, style)])

    lines = read(PdfReader(), path).lines
    got = [w for line in lines for w in line.text.split()]
    assert got == left.split() + right.split()
    left_blocks = {line.block for line in lines if line.text.startswith("left")}
    right_blocks = {line.block for line in lines if line.text.startswith("right")}
    assert len(left_blocks) == 1 and len(right_blocks) == 1 and left_blocks != right_blocks


def draw_page(path: Path, draw) -> Path:
    """A one-page A4 PDF drawn by ``draw(canvas)``."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    draw(page)
    page.showPage()
    page.save()
    return path


def test_pdf_table_drawn_as_separate_cell_rectangles(tmp_path):
    def draw(page):
        page.setFillGray(0.9)
        page.rect(0, 0, 595, 842, stroke=0, fill=1)  # a full-page background is not a rule
        page.setFillGray(0)
        page.drawString(72, 760, "Text above the grid")
        for row, (left, right) in enumerate((("Code", "Title"), ("X1", "Plan a window"))):
            top = 740 - row * 24
            page.rect(72, top - 24, 100, 24)
            page.rect(172, top - 24, 200, 24)
            page.drawString(78, top - 16, left)
            page.drawString(178, top - 16, right)
        page.drawString(72, 660, "Text below the grid")

    lines = read(PdfReader(), draw_page(tmp_path / "cells.pdf", draw)).lines
    assert [(line.text, line.cells) for line in lines] == [
        ("Text above the grid", None),
        ("Code\tTitle", ("Code", "Title")),
        ("X1\tPlan a window", ("X1", "Plan a window")),
        ("Text below the grid", None),
    ]


def test_pdf_text_spilling_out_of_a_grid_is_not_lost(tmp_path):
    def draw(page):
        for row, (left, right) in enumerate((("Code", "Title"), ("X1", "A title far too long for its little cell"))):
            top = 740 - row * 24
            page.rect(72, top - 24, 60, 24)
            page.rect(132, top - 24, 80, 24)
            page.drawString(78, top - 16, left)
            page.drawString(138, top - 16, right)

    lines = read(PdfReader(), draw_page(tmp_path / "spill.pdf", draw)).lines
    assert [line.text for line in lines] == ["Code Title", "X1 A title far too long for its little cell"]


def test_pdf_boxed_text_is_not_a_table(tmp_path):
    def draw(page):
        page.rect(72, 600, 300, 100)  # a panel: its rules meet only at the corners
        page.drawString(80, 680, "A note in a box")
        page.drawString(80, 666, "that wraps over two lines")

    lines = read(PdfReader(), draw_page(tmp_path / "box.pdf", draw)).lines
    assert [(line.text, line.cells) for line in lines] == [("A note in a box", None), ("that wraps over two lines", None)]
    assert lines[0].block == lines[1].block


def test_pdf_spanning_cell_is_given_once(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    path = tmp_path / "span.pdf"
    grid = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 0), (-1, 0))]
    table = Table([["Mandatory units", "", ""], ["A1", "Plan", "3"], ["A2", "Dress", "4"]], style=grid)
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    rows = [line.cells for line in read(PdfReader(), path).lines]
    assert rows == [("Mandatory units",), ("A1", "Plan", "3"), ("A2", "Dress", "4")]


def test_pdf_single_row_table(tmp_path):
    lines = read(PdfReader(), text_to_pdf("Heading\nOnly\trow\there", tmp_path / "one.pdf", title=HEADER)).lines
    assert [line.cells for line in lines if line.cells] == [("Only", "row", "here")]


# -- HTML -------------------------------------------------------------------------


def test_html_prose_blocks_tables_and_source_lines():
    path = FIXTURES / "readers" / "sample.html"
    source = read(HtmlReader(), path)
    got = [(line.number, line.text, line.style) for line in source.lines]
    assert got == [
        (9, "Unit WD02: Light & dress a window", "Heading 1"),
        (10, "Learners check the lighting rig before every change of display \u2013 no exceptions.", None),
        (12, "Second line after a break.", None),
        (15, "Use steps, not chairs", "List Bullet"),
        (16, "Keep tools <off> the floor", "List Bullet"),
        (19, "Criterion\tEvidence", None),
        (20, "1.1\tPhoto of the window before and after", None),
        (22, "Closing remark.", None),
    ]
    blocks = [line.block for line in source.lines]
    assert blocks[1] == blocks[2] and blocks[3] != blocks[4] and blocks[5] == blocks[6]
    assert len({blocks[0], blocks[1], blocks[3], blocks[5], blocks[7]}) == 5
    assert source.lines[6].cells == ("1.1", "Photo of the window\nbefore and after")


def test_html_encoding_from_meta_charset(tmp_path):
    path = tmp_path / "legacy.htm"
    path.write_bytes('<meta charset="windows-1252"><p>Caf\u00e9 \u2013 open</p>'.encode("cp1252"))
    assert [line.text for line in read(HtmlReader(), path).lines] == ["Caf\u00e9 \u2013 open"]


# -- the real corpus ---------------------------------------------------------------


@pytest.fixture(scope="module")
def vtct_round_trip(corpus, tmp_path_factory):
    text = (corpus / VTCT_TEXT).read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("vtct")
    started = time.perf_counter()
    docx_path = text_to_docx(text, folder / "vtct.docx", title=HEADER)
    pdf_path = docx_to_pdf(docx_path, folder / "vtct.pdf")
    return text, docx_path, pdf_path, time.perf_counter() - started


def test_corpus_vtct_text_survives_docx(vtct_round_trip):
    text, docx_path, _, _ = vtct_round_trip
    source = read(DocxReader(), docx_path)
    assert_faithful(text, source)
    assert [line.text for line in source.lines if line.cells is None and line.text] == source_paragraphs(text)


def test_corpus_vtct_text_survives_pdf(vtct_round_trip):
    text, _, pdf_path, _ = vtct_round_trip
    source = read(PdfReader(), pdf_path)
    assert source.pages and source.pages > 10
    assert_faithful(text, source)


@pytest.fixture(scope="module")
def nail(corpus):
    path = corpus / NAIL_PDF
    return path, read(PdfReader(), path)


def test_corpus_publisher_pdf_is_complete(nail):
    """Every character another library finds on a page is read (pypdf as the independent witness)."""
    import pypdf

    path, source = nail
    witness = pypdf.PdfReader(path)
    assert source.pages == len(witness.pages)
    for number, page in enumerate(witness.pages, start=1):
        theirs = Counter("".join(page.extract_text().split()))
        for glyph in BULLET_GLYPHS.replace("–", ""):  # a bullet glyph makes its line a list item (``kind``); it is not text
            theirs.pop(glyph, None)
        text = "".join("".join(line.cells or (line.text,)) for line in source.lines if line.page == number)
        ours = Counter("".join(text.replace("\u2011", "-").split()))  # PDFium keeps the non-breaking hyphen
        missing = theirs - ours
        assert sum(missing.values()) <= 0.01 * max(sum(theirs.values()), 1), (number, missing.most_common(10))


def test_corpus_publisher_pdf_columns_and_tables(nail):
    _, source = nail
    # Lettered criteria run a, b, c ... on every page: interleaved columns would break the order.
    for page in range(1, source.pages + 1):
        letters = [line.text[0] for line in source.lines if line.page == page and re.match(r"[a-z]\. \S", line.text)]
        for before, after in zip(letters, letters[1:]):
            assert after == "a" or ord(after) == ord(before) + 1, (page, letters)
    rows = [line for line in source.lines if line.cells is not None]
    assert len({line.page for line in rows}) >= 10
    tables = {(line.page, line.block) for line in rows}
    for table in tables:  # a row may be one merged cell, but every table has columns
        assert max(len(line.cells) for line in rows if (line.page, line.block) == table) >= 2, table
    for row in rows:  # a table's text is not also given as plain lines
        plain = {line.text for line in source.lines if line.page == row.page and line.cells is None}
        assert not {cell for cell in row.cells if len(cell) > 12} & plain, row


@pytest.mark.parametrize("rendered", ["docx", "pdf"])
def test_corpus_libreoffice_rendering_gives_the_text_model(corpus, rendered):
    """The VTCT book laid out in Word, and the PDF LibreOffice prints from it, parse to the .txt's model."""
    from qualcli.diff.compare import diff_documents
    from qualcli.loading import load_spec

    name = "vtct-cs2d1-l2-diploma-customer-service"
    text = load_spec(corpus / "specs" / f"{name}.txt")
    other = load_spec(corpus / "rendered" / f"{name}.{rendered}")
    assert diff_documents(text, other).changes == []
    assert other.warnings == []  # every ruled table read as a table


def test_pdf_hyphen_marks_as_hyphens():
    from qualcli.readers.pdf_cells import PDFIUM_HYPHENS, with_hyphens

    table = str.maketrans(dict.fromkeys(PDFIUM_HYPHENS, "-"))
    for text in ("", "plain line", "real\x02time", "self\ufffeesteem", "\ufffe\x02 both \x02\ufffe", "-\x02-"):
        assert with_hyphens(text) == text.translate(table)
    assert with_hyphens("twenty\ufffefour\x02hour") == "twenty-four-hour"


def test_pdf_cell_breaks_inside_words():
    from qualcli.readers.pdf_cells import WordBreaks, cell_text, with_hyphens

    class Vocabulary:
        def __init__(self, *words: str) -> None:
            self.words = Counter(word.lower() for word in words)

        def count(self, word: str) -> int:
            return self.words[word.lower()]

        inside_lines = count  # every word of this stub is printed inside a line

    cell = (0.0, 0.0, 80.0, 60.0)
    spaced = ["one \ntwo"]  # the producer keeps the space at the end of a wrapped line
    breaks = WordBreaks(None, spaced, Vocabulary("Communicate", "Communicate", "customers", "customers", "in", "in"))
    assert cell_text("Communicat\ne verbally \nwith", cell, breaks) == "Communicate verbally\nwith"  # printed whole elsewhere
    assert cell_text("customers\nin writing", cell, breaks) == "customers\nin writing"  # two words, each printed twice
    assert cell_text("A/\n506/2130", cell, breaks) == "A/506/2130"  # broke after the slash
    assert cell_text(with_hyphens("through real\x02time"), cell, breaks) == "through real-time"
    unspaced = WordBreaks(None, ["one\ntwo"], Vocabulary("Communicate"))
    assert cell_text("Communicat\ne", cell, unspaced) == "Communicat\ne"  # no sign of how this producer wraps


def test_builtin_readers_are_registered_by_their_own_names_and_suffixes():
    """The lazy registrations name each reader class's own name and suffixes, and read what it reads."""
    from importlib import import_module

    from qualcli.readers.builtin import BUILTIN_READERS

    for name, suffixes, target in BUILTIN_READERS:
        module, _, cls = target.partition(":")
        reader = getattr(import_module(module), cls)
        assert (reader.name, reader.suffixes) == (name, suffixes)


def test_a_lazy_reader_imports_its_module_only_to_read(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "page.html"
    page.write_text("<h1>Law</h1><p>The Sale of Goods Act 1979.</p>", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from qualcli.plugins import readers\n"
        "found = readers()\n"
        "before = 'qualcli.readers.html' in sys.modules or 'qualcli.readers.pdf' in sys.modules\n"
        f"lines = found['.html'].read(Path({str(page)!r}), Path({str(page)!r}).read_bytes()).lines\n"
        "print(before, 'qualcli.readers.html' in sys.modules, [(l.kind, l.text) for l in lines])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False True [('heading', 'Law'), ('text', 'The Sale of Goods Act 1979.')]"


def test_the_parse_cache_stamps_a_lazy_readers_own_package():
    """A reader registered lazily is keyed by its target module (whose package's code is stamped), not by LazyReader's."""
    from qualcli.readers.lazy import LazyReader, reader_module
    from qualcli.readers.text import TextReader

    lazy = LazyReader("xml", (".xml",), "some_plugin.xml_reader:XmlReader")
    assert reader_module(lazy) == "some_plugin.xml_reader" and "some_plugin" not in __import__("sys").modules
    assert reader_module(TextReader()) == "qualcli.readers.text"
