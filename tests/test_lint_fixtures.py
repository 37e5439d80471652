"""Precision and recall on our own materials corpus, in every format lint reads.

tests/fixtures/lint/materials holds Markdown, text and HTML; the DOCX, PPTX
and PDF materials are built here from tests/fixtures/lint/expected.yaml
(``binary_materials``). Every expected finding must be reported (recall) and
nothing else (precision).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, assert_valid

LINT_FIXTURES = FIXTURES / "lint"


def load_expected() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load((LINT_FIXTURES / "expected.yaml").read_text(encoding="utf-8"))


def build_docx(spec: dict, path: Path) -> None:
    import docx

    document = docx.Document()
    for text in spec["paragraphs"]:
        document.add_paragraph(text)
    rows = spec["table"]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    section = document.sections[0]
    section.header.paragraphs[0].text = spec["header"]
    section.footer.paragraphs[0].text = spec["footer"]
    document.save(path)


def build_pptx(spec: dict, path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    for slide_spec in spec["slides"]:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = slide_spec["title"]
        slide.placeholders[1].text = "\n".join(slide_spec["body"])
        if "table" in slide_spec:
            rows = slide_spec["table"]
            table = slide.shapes.add_table(len(rows), len(rows[0]), Inches(1), Inches(4.5), Inches(8), Inches(1)).table
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        slide.notes_slide.notes_text_frame.text = slide_spec["notes"]
    presentation.save(path)


def build_pdf(spec: dict, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in spec["pages"]:
        y = 780
        for text in page:
            pdf.drawString(72, y, text)
            y -= 24
        pdf.showPage()
    pdf.save()


BUILDERS = {".docx": build_docx, ".pptx": build_pptx, ".pdf": build_pdf}


@pytest.fixture(scope="module")
def materials(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("materials")
    for path in (LINT_FIXTURES / "materials").iterdir():
        shutil.copy(path, folder / path.name)
    for name, spec in load_expected()["binary_materials"].items():
        BUILDERS[Path(name).suffix](spec, folder / name)
    return folder


def test_precision_and_recall_are_both_100_percent(materials, qualcli):
    expected = load_expected()
    result = qualcli("lint", materials, "--format", "json", "--as-of", expected["as_of"])
    assert result.code == 1, result.stderr
    findings = json.loads(result.stdout)
    assert_valid(findings, "lint")
    paged = {".pdf", ".pptx"}
    got = set()
    for f in findings:
        name = Path(f["path"]).name
        suffix = Path(name).suffix
        where = f.get("page") if suffix in paged else (None if suffix == ".docx" else f["line"])
        got.add((name, f["rule"], f["matched_text"], where))
    want = {(name, rule, text, where) for name, items in expected["findings"].items() for rule, text, where in items}
    true_positives = got & want
    precision = len(true_positives) / len(got)
    recall = len(true_positives) / len(want)
    assert (precision, recall) == (1.0, 1.0), {"unexpected": sorted(got - want, key=str), "missed": sorted(want - got, key=str)}
    assert {Path(f["path"]).suffix for f in findings} == {".md", ".txt", ".html", ".docx", ".pptx", ".pdf"}
    assert "3 suppressed" in result.stderr


def test_positions_point_at_the_citation(materials, qualcli):
    result = qualcli("lint", materials / "retail-law.html", materials / "consumer-rights-notes.md", "--format", "json")
    for f in json.loads(result.stdout):
        source = (materials / Path(f["path"]).name).read_text(encoding="utf-8").splitlines()
        line = source[f["line"] - 1]
        first_word = f["matched_text"].split()[0]
        assert line[f["column"] - 1:].startswith(first_word), (f, line)


def test_the_pptx_reader_gives_slides_tables_and_notes(materials):
    from qualcli.readers.pptx import PptxReader

    path = materials / "induction-slides.pptx"
    source = PptxReader().read(path, path.read_bytes())
    assert source.pages == 2
    texts = [(line.page, line.style, line.text) for line in source.lines]
    assert (1, "Title", "Induction: consumer law") in texts
    assert any(line.cells == ("Cancelling online orders", "Consumer Contracts Regulations 2014") for line in source.lines)
    assert (2, "Notes", "Remind learners to report under RIDDOR 1995.") in texts
    assert [t[2] for t in texts].index("Ask learners what the Consumer Rights Act 2015 changed.") < [t[2] for t in texts].index("Accidents")


def test_damaged_pptx_is_a_one_line_error(tmp_path, qualcli):
    from tests.conftest import assert_one_line_error

    bad = tmp_path / "broken.pptx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert_one_line_error(qualcli("lint", bad), "broken.pptx")
