"""The 4417 handbook as a Word document, printed to PDF, or as a web page gives the same model as the text export."""

from __future__ import annotations

from html import escape

import pytest
from cityandguilds_testdata import comparable

from qualcli.loading import load_spec
from tests.support.render import docx_to_pdf, text_to_docx


def text_to_html(text: str) -> str:
    """A web page of ``text``: runs of tab rows as a <table>, of "- " lines as a <ul>, other lines as <p>."""
    out, rows, items = ["<html><body>"], [], []

    def flush() -> None:
        if rows:
            cells = ("".join(f"<td>{escape(c)}</td>" for c in row) for row in rows)
            out.append("<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>")
        if items:
            out.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
        rows.clear()
        items.clear()

    for line in text.splitlines():
        kind = "row" if "\t" in line else "item" if line.startswith("- ") else "para"
        if kind == "para" or (kind == "row" and items) or (kind == "item" and rows):
            flush()
        if kind == "row":
            rows.append(line.split("\t"))
        elif kind == "item":
            items.append(line[2:])
        elif line.strip():
            out.append(f"<p>{escape(line)}</p>")
    flush()
    return "\n".join(out + ["</body></html>"])


@pytest.fixture(scope="module")
def rendered(handbook_path, tmp_path_factory):
    """The handbook rendered to DOCX (tab rows as Word tables), that DOCX printed to PDF, and as HTML."""
    folder = tmp_path_factory.mktemp("cityandguilds")
    text = handbook_path.read_text(encoding="utf-8")
    docx = text_to_docx(text, folder / "handbook.docx")
    pdf = docx_to_pdf(docx, folder / "handbook.pdf")
    html = folder / "handbook.html"
    html.write_text(text_to_html(text), encoding="utf-8")
    return {"docx": docx, "pdf": pdf, "html": html}


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_same_model_as_the_text_export(handbook, rendered, fmt):
    doc = load_spec(rendered[fmt])
    assert doc.source.format == fmt and doc.source.plugin == "cityandguilds"
    expected, got = comparable(handbook.to_dict()), comparable(doc.to_dict())
    for key in expected:
        assert got.get(key) == expected[key], key
    assert got == expected


def test_hard_wrapped_text_export_gives_the_same_model(handbook, handbook_path, tmp_path):
    """Paragraphs, list items and run-together criteria wrapped at 80 columns (as pdftotext does)."""
    import textwrap

    lines = []
    for line in handbook_path.read_text(encoding="utf-8").splitlines():
        if "\t" in line or len(line) <= 80:
            lines.append(line)
        else:
            indent = "  " if line.startswith("- ") else ""
            lines.extend(textwrap.wrap(line, 80, subsequent_indent=indent, break_on_hyphens=False))
    wrapped = tmp_path / "handbook-wrapped.txt"
    wrapped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(lines) > len(handbook_path.read_text(encoding="utf-8").splitlines()) + 500
    assert comparable(load_spec(wrapped).to_dict()) == comparable(handbook.to_dict())
