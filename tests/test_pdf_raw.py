"""The reader's re-declared PDFium calls (readers/pdf_raw.py) give what pypdfium2's own bindings give."""

from __future__ import annotations

from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

from qualcli.readers.pdf import PdfReader, _Measure  # noqa: E402
from qualcli.readers.pdf_grid import page_rules  # noqa: E402


def _two_pages(path: Path) -> Path:
    """Page 1: prose only, no drawing. Page 2: the same prose above a ruled 2 x 2 grid drawn in a form XObject."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    for number in (1, 2):
        page.setFont("Helvetica", 11)
        page.drawString(72, 760, "Plan the treatment with the client")
        page.setFont("Helvetica", 9)
        page.drawString(90, 745, "and record what was agreed")
        if number == 2:
            page.beginForm("grid")
            for y in (700, 676, 652):
                page.line(72, y, 372, y)
            for x in (72, 172, 372):
                page.line(x, 652, x, 700)
            page.endForm()
            page.doForm("grid")
            page.drawString(78, 684, "Code")
            page.drawString(178, 684, "Outcome")
            page.drawString(78, 660, "N1")
            page.drawString(178, 660, "Prepare the work area")
        page.showPage()
    page.save()
    return path


def test_measures_match_pypdfium2s_own(tmp_path):
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(_two_pages(tmp_path / "two.pdf"))
    try:
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            measure = _Measure(textpage)
            for char in range(textpage.count_chars()):
                assert measure.loose_box(char) == pytest.approx(textpage.get_charbox(char, loose=True))
                size, _ = measure.size_and_baseline(char)
                assert size == pytest.approx(pdfium_c.FPDFText_GetFontSize(textpage.raw, char))  # no text matrix scale here
            assert measure.loose_box(10_000) == (0.0, 0.0, 0.0, 0.0)  # no such character: an empty box, as before
    finally:
        document.close()


def test_page_without_rules_and_page_with_a_ruled_grid(tmp_path):
    path = _two_pages(tmp_path / "two.pdf")
    document = pdfium.PdfDocument(path)
    try:
        assert page_rules(document[0]) == ([], [])
        horizontal, vertical = page_rules(document[1])  # read through the form XObject
        assert [rule[0] for rule in horizontal] == [652.0, 676.0, 700.0]
        assert [rule[0] for rule in vertical] == [72.0, 172.0, 372.0]
    finally:
        document.close()
    lines = PdfReader().read(path, path.read_bytes()).lines
    prose = [(line.page, line.text, line.block) for line in lines if line.cells is None]
    assert [(page, text) for page, text, _ in prose] == [
        (1, "Plan the treatment with the client"),
        (1, "and record what was agreed"),
        (2, "Plan the treatment with the client"),
        (2, "and record what was agreed"),
    ]
    assert prose[0][2] != prose[1][2]  # a change of type size starts a new block, on either page
    assert [line.cells for line in lines if line.cells] == [("Code", "Outcome"), ("N1", "Prepare the work area")]
