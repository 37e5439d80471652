"""The 4417 handbook as a Word document and printed to PDF gives the same model as the text export."""

from __future__ import annotations

import pytest
from conftest import comparable

from qualcli.loading import load_spec
from tests.support.render import docx_to_pdf, text_to_docx


@pytest.fixture(scope="module")
def rendered(handbook_path, tmp_path_factory):
    """The handbook rendered to DOCX (tab rows as Word tables) and that DOCX printed to PDF."""
    folder = tmp_path_factory.mktemp("cityandguilds")
    docx = text_to_docx(handbook_path.read_text(encoding="utf-8"), folder / "handbook.docx")
    pdf = docx_to_pdf(docx, folder / "handbook.pdf")
    return {"docx": docx, "pdf": pdf}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_model_as_the_text_export(handbook, rendered, fmt):
    doc = load_spec(rendered[fmt])
    assert doc.source.format == fmt and doc.source.plugin == "cityandguilds"
    expected, got = comparable(handbook.to_dict()), comparable(doc.to_dict())
    for key in expected:
        assert got.get(key) == expected[key], key
    assert got == expected
