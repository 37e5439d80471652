"""The reader's own PDFium layer (readers/pdf_raw.py) gives what pypdfium2's objects and bindings give."""

from __future__ import annotations

from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

from qualcli.readers import pdf_raw  # noqa: E402
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


def test_text_and_measures_match_pypdfium2s_own(tmp_path):
    import pypdfium2.raw as pdfium_c

    data = _two_pages(tmp_path / "two.pdf").read_bytes()
    theirs, ours = pdfium.PdfDocument(data), pdf_raw.Document(data)
    try:
        assert len(ours) == len(theirs) == 2
        for index in range(2):
            their_text, page = theirs[index].get_textpage(), pdf_raw.Page(ours, index)
            our_text = page.get_textpage()
            assert page.get_size() == pytest.approx(theirs[index].get_size())
            count = our_text.count_chars()
            assert count == their_text.count_chars() > 0
            assert our_text.get_text_range(0, count) == their_text.get_text_range(0, count)
            assert our_text.get_text_range(3, 9) == their_text.get_text_range(3, 9)
            box = (70.0, 640.0, 380.0, 770.0)
            assert our_text.get_text_bounded(*box) == their_text.get_text_bounded(*box)
            measure = _Measure(our_text)
            for char in range(count):
                assert our_text.get_charbox(char) == pytest.approx(their_text.get_charbox(char))
                assert measure.loose_box(char) == pytest.approx(their_text.get_charbox(char, loose=True))
                size, _ = measure.size_and_baseline(char)
                assert size == pytest.approx(pdfium_c.FPDFText_GetFontSize(their_text.raw, char))  # no text matrix scale here
            assert measure.loose_box(10_000) == (0.0, 0.0, 0.0, 0.0)  # no such character: an empty box, as before
            with pytest.raises(pdf_raw.PdfiumError):
                our_text.get_charbox(10_000)
            our_text.close()
            page.close()
    finally:
        theirs.close()
        ours.close()


def test_bounded_text_longer_than_the_kept_buffer_is_read_whole(tmp_path):
    data = _two_pages(tmp_path / "two.pdf").read_bytes()
    theirs, ours = pdfium.PdfDocument(data), pdf_raw.Document(data)
    page = pdf_raw.Page(ours, 1)
    text = page.get_textpage()
    try:
        whole = (70.0, 640.0, 380.0, 770.0)
        expected = theirs[1].get_textpage().get_text_bounded(*whole)
        assert len(expected) > 20
        for size in (1, 5, len(expected), len(expected) + 1):  # too small, exactly full, one to spare
            text._bounded_buffer = (pdf_raw.c_ushort * size)()
            assert text.get_text_bounded(*whole) == expected
        assert text.get_text_bounded(500.0, 10.0, 520.0, 20.0) == ""  # nothing there
    finally:
        text.close()
        page.close()
        theirs.close()
        ours.close()


def test_path_points_read_from_the_array_match_the_calls(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    drawn = canvas.Canvas(str(tmp_path / "path.pdf"))
    path = drawn.beginPath()  # one path: a closed box with a curved corner, then an open two-segment line
    path.moveTo(100, 600)
    path.lineTo(300, 600)
    path.curveTo(320, 600, 320, 620, 320, 640)
    path.lineTo(100, 640)
    path.close()
    path.moveTo(100, 500)
    path.lineTo(250, 500)
    path.lineTo(250, 450)
    drawn.drawPath(path, stroke=1, fill=0)
    drawn.drawString(110, 620, "Inside the box")
    drawn.showPage()
    drawn.save()
    document = pdf_raw.Document((tmp_path / "path.pdf").read_bytes())
    page = pdf_raw.Page(document, 0)
    try:
        objects = [pdf_raw.page_object(page.handle, i) for i in range(pdf_raw.count_page_objects(page.handle))]
        (obj,) = [o for o in objects if pdf_raw.object_type(o) == pdf_raw.PAGEOBJ_PATH]
        by_call = pdf_raw._points_by_call(obj, pdf_raw.count_segments(obj))
        assert len(by_call) >= 9 and {kind for _, _, kind, _ in by_call} == {0, 1, 2}  # lines, Bézier points, moves
        assert any(closes for _, _, _, closes in by_call)
        monkeypatch.setattr(pdf_raw, "_points_readable", None)
        assert pdf_raw.path_points(obj) == by_call  # checked against the calls on first use
        assert pdf_raw._points_readable is True
        assert pdf_raw.path_points(obj) == by_call  # then read from the array
        monkeypatch.setattr(pdf_raw, "_points_readable", False)  # a PDFium whose points are laid out otherwise
        assert pdf_raw.path_points(obj) == by_call
    finally:
        page.close()
        document.close()


def test_unopenable_documents_say_why():
    with pytest.raises(pdf_raw.PdfiumError) as damaged:
        pdf_raw.Document(b"%PDF-1.4\n%%EOF\n")
    assert damaged.value.code != pdf_raw.ERR_PASSWORD


def test_page_without_rules_and_page_with_a_ruled_grid(tmp_path):
    path = _two_pages(tmp_path / "two.pdf")
    document = pdf_raw.Document(path.read_bytes())
    try:
        first, second = pdf_raw.Page(document, 0), pdf_raw.Page(document, 1)
        assert page_rules(first) == ([], [])
        horizontal, vertical = page_rules(second)  # read through the form XObject
        assert [rule[0] for rule in horizontal] == [652.0, 676.0, 700.0]
        assert [rule[0] for rule in vertical] == [72.0, 172.0, 372.0]
        first.close()
        second.close()
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


def test_pdfium_is_loaded_from_pypdfium2s_folder_else_from_its_bindings():
    import ctypes

    import pypdfium2_raw

    assert isinstance(pdf_raw._library(), ctypes.CDLL)  # the reader does not import the bindings
    assert pdf_raw._library(lambda name: None) is pypdfium2_raw


def test_corpus_rules_are_the_same_read_either_way(corpus, monkeypatch):
    """A designed book's rules (thousands of path segments, curves among them) from the point array and from the calls."""
    document = pdf_raw.Document((corpus / "specs-extra/vtct-AB20117-l2-certificate-nail-technology.pdf").read_bytes())
    try:
        found, modes = {}, []
        for readable in (None, False):
            monkeypatch.setattr(pdf_raw, "_points_readable", readable)
            pages = [pdf_raw.Page(document, index) for index in range(len(document))]
            found[readable] = [page_rules(page) for page in pages]
            modes.append(pdf_raw._points_readable)
            for page in pages:
                page.close()
        assert modes == [True, False]  # read from the array once checked, then by the calls
        assert found[None] == found[False]
        assert sum(len(horizontal) for horizontal, _ in found[None]) > 100
    finally:
        document.close()
