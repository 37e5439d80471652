"""One line shape from every reader (``Line.kind``), and the shared preparation step on top of it."""

from __future__ import annotations

from pathlib import Path

from qualcli.parsing.prepare import prepare
from qualcli.readers import HEADING, LIST_ITEM, TABLE_ROW, TEXT, Line, SourceText
from qualcli.readers.docx import DocxReader
from qualcli.readers.html import HtmlReader
from qualcli.readers.pdf import PdfReader
from qualcli.readers.text import TextReader
from tests.support.render import text_to_pdf
from tests.test_readers import draw_page


def shape(source: SourceText) -> list[tuple[str, int, str, tuple[str, ...] | None]]:
    return [(line.kind, line.level, line.text, line.cells) for line in source.lines if line.text.strip()]


def read_text(reader, tmp_path: Path, name: str, content: str) -> SourceText:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return reader.read(path, path.read_bytes())


GARDEN_MD = """# Allotment rules

## Sowing

- Sow thinly
  - Thin early
* Label rows

| Bed | Crop |
|-----|:----:|
| 1 | Beans |

Water in the evening.
"""


def test_markdown_headings_lists_and_pipe_tables(tmp_path):
    assert shape(read_text(TextReader(), tmp_path, "rules.md", GARDEN_MD)) == [
        (HEADING, 1, "Allotment rules", None),
        (HEADING, 2, "Sowing", None),
        (LIST_ITEM, 1, "Sow thinly", None),
        (LIST_ITEM, 2, "Thin early", None),
        (LIST_ITEM, 1, "Label rows", None),
        (TABLE_ROW, 0, "Bed\tCrop", ("Bed", "Crop")),  # the |---| separator row is left out
        (TABLE_ROW, 0, "1\tBeans", ("1", "Beans")),
        (TEXT, 0, "Water in the evening.", None),
    ]


def test_plain_text_keeps_marks_as_text_and_tabs_as_rows(tmp_path):
    got = shape(read_text(TextReader(), tmp_path, "rules.txt", "# not a heading\n- not an item\nBed\tCrop\n"))
    assert got == [
        (TEXT, 0, "# not a heading", None),
        (TEXT, 0, "- not an item", None),
        (TABLE_ROW, 0, "Bed\tCrop", ("Bed", "Crop")),
    ]


def test_html_headings_nested_items_and_rows(tmp_path):
    page = "<h2>Sowing</h2><ul><li>Sow thinly<ul><li>Thin early</li></ul></li></ul><table><tr><td>1</td><td>Beans</td></tr></table>"
    assert shape(read_text(HtmlReader(), tmp_path, "rules.html", page)) == [
        (HEADING, 2, "Sowing", None),
        (LIST_ITEM, 1, "Sow thinly", None),
        (LIST_ITEM, 2, "Thin early", None),
        (TABLE_ROW, 0, "1\tBeans", ("1", "Beans")),
    ]


def test_word_headings_numbered_paragraphs_and_tables(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Sowing", level=2)
    document.add_paragraph("Sow thinly", style="List Bullet")
    numbered = document.add_paragraph("Thin early")  # a Normal paragraph that Word numbers
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "1"), ("w:numId", "1")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering.append(element)
    numbered._p.get_or_add_pPr().append(numbering)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "1", "Beans"
    path = tmp_path / "rules.docx"
    document.save(path)
    assert shape(DocxReader().read(path, path.read_bytes())) == [
        (HEADING, 2, "Sowing", None),
        (LIST_ITEM, 1, "Sow thinly", None),
        (LIST_ITEM, 2, "Thin early", None),
        (TABLE_ROW, 0, "1\tBeans", ("1", "Beans")),
    ]


def test_pdf_bullets_and_ruled_rows(tmp_path):
    path = text_to_pdf("Sowing\n- Sow thinly\nBed\tCrop\n1\tBeans\n", tmp_path / "rules.pdf", title="Allotment")
    kinds = [(kind, text) for kind, _, text, _ in shape(PdfReader().read(path, path.read_bytes()))]
    assert (LIST_ITEM, "Sow thinly") in kinds  # printed with a "•" glyph, read without it
    assert [text for kind, text in kinds if kind == TABLE_ROW] == ["Bed\tCrop", "1\tBeans"]


def _source(lines: list[Line], fmt: str = "pdf") -> SourceText:
    return SourceText(path=f"doc.{fmt}", format=fmt, lines=lines, sha256="0" * 64)


def _paged(*pages: list[tuple[str, int]]) -> list[Line]:
    """Lines of (text, block) per page."""
    lines = []
    for page, texts in enumerate(pages, start=1):
        for text, block in texts:
            lines.append(Line(text=text, number=len(lines) + 1, page=page, block=block))
    return lines


def test_prepare_drops_furniture_rejoins_wraps_and_keeps_the_plugins_word():
    lines = _paged(
        [("Allotment Guide", 1), ("Members must plant at least", 2), ("2 beds a season.", 2), ("Page 1", 3)],
        [("Allotment Guide", 4), ("Plots are numbered 1, 2, 3,", 5), ("4 and 5.", 5), ("Rent", 6), ("12", 7), ("Page 2", 8)],
        [("Allotment Guide", 9), ("Sheds stay shut after dusk.", 10), ("Page 3", 11)],
    )

    def furniture(physical, shared):
        return {index: False for index, line in enumerate(physical) if line.text == "12"}  # a value, not a page

    got = [line.text for line in prepare(_source(lines), furniture=furniture)]
    assert got == [
        "Members must plant at least 2 beds a season.",  # a bare number after an unfinished clause continues it
        "Plots are numbered 1, 2, 3, 4 and 5.",  # a wrapped number list
        "Rent",
        "12",  # kept: the plugin says it is a value
        "Sheds stay shut after dusk.",
    ]  # the running header (on every page, the first included) and the page numbers are gone


def test_prepare_gives_one_shape_for_items_headings_and_rows():
    lines = [
        Line(text="Sowing", number=1, block=1, kind=HEADING, level=2),
        Line(text="how to sow", number=2, block=1),  # text after a heading never continues it
        Line(text="Sow thinly", number=3, block=2, kind=LIST_ITEM, level=1),
        Line(text="in rows", number=4, block=2),
        Line(text="Bed\tCrop", number=5, block=3, cells=("Bed", "Crop")),
        Line(text="Label\tthe rows", number=6, block=4),  # a tab in prose is spacing
    ]
    got = [(line.kind, line.text, line.cells) for line in prepare(_source(lines, "docx"))]
    assert got == [
        (HEADING, "Sowing", None),
        (TEXT, "how to sow", None),
        (LIST_ITEM, "- Sow thinly in rows", None),
        (TABLE_ROW, "Bed\tCrop", ("Bed", "Crop")),
        (TEXT, "Label the rows", None),
    ]


def test_prepare_drops_a_rule_row_a_conversion_left_in_any_format(tmp_path):
    """A tab-separated table's "-----" row (in text, or in a Word table made from it) is no row of data."""
    from tests.support.render import text_to_docx

    text = "Unit\tTitle\n------\t:---:\nU1\tPlan\n"
    from_text = read_text(TextReader(), tmp_path, "t.txt", text)
    from_word = DocxReader().read(tmp_path / "t.docx", text_to_docx(text, tmp_path / "t.docx").read_bytes())
    for source in (from_text, from_word):
        assert [line.cells for line in prepare(source)] == [("Unit", "Title"), ("U1", "Plan")]


def test_prepare_ends_and_starts_new_come_from_the_plugin():
    lines = [Line(text=text, number=n, block=1) for n, text in enumerate(["Range", "Tools", "and kit", "1.1 Dig", "deep"], 1)]
    got = prepare(_source(lines, "txt"), starts_new=lambda text: text.startswith("1.1"), ends=lambda text: text == "Range")
    assert [line.text for line in got] == ["Range", "Tools and kit", "1.1 Dig deep"]


def test_a_pdf_row_split_by_a_page_break_is_one_row(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "split.pdf"
    page = canvas.Canvas(str(path))
    for cells, top, bottom in ((("Code", "Title"), 800, 780), (("X1", "Plant a"), 780, 760)):
        for x0, x1, text in zip((72, 172), (172, 372), cells):
            page.rect(x0, bottom, x1 - x0, top - bottom)
            page.drawString(x0 + 6, bottom + 6, text)
    page.showPage()
    for x0, x1, text in zip((72, 172), (172, 372), ("", "hedge of beech")):
        page.rect(x0, 780, x1 - x0, 20)
        page.drawString(x0 + 6, 786, text)
    page.drawString(72, 740, "Text after the table.")
    page.showPage()
    page.save()
    rows = [line.cells for line in PdfReader().read(path, path.read_bytes()).lines if line.cells is not None]
    assert rows == [("Code", "Title"), ("X1", "Plant a\nhedge of beech")]


def test_what_carries_a_split_row_over_a_page_break():
    from qualcli.readers.pdf_assembly import _continues_cell

    assert _continues_cell("Portfolio", "reference", key=True)  # lower case goes on
    assert _continues_cell("Y/", "506/2149", key=True)  # a break at a slash
    assert not _continues_cell("Assessor name", "Learner signature", key=True)  # a capital starts a new row
    assert _continues_cell("Certificate in", "Principles of Customer Service")  # mid-sentence, outside the key
    assert not _continues_cell("e. Explain when to escalate", "f. Describe methods")  # a new lettered item
    assert not _continues_cell("1.3", "1.4")  # after a number
    assert not _continues_cell("", "text")  # an empty cell above would have held it
