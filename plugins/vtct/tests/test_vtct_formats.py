"""The diploma saved as Word (tab rows as real tables) and printed to PDF gives the same model as the text."""

from __future__ import annotations

import pytest

from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec
from tests.support.render import docx_to_pdf, text_to_docx

from vtct_testdata import EXAMPLES, FIXTURES


def _space(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def comparable(doc) -> dict:
    """Everything a user reads in the model, whitespace-normalised, without source positions."""
    units = [
        {
            "unit": (u.code, u.urn, u.title, u.level, u.credits, u.glh, u.group, u.observations, u.external_papers),
            "assessment": u.assessment,
            "aim": _space(u.aim),
            "nos": [(n.code, _space(n.title), n.suite) for n in u.nos],
            "nos_suites": u.nos_suites,
            "outcomes": [
                (o.ref, _space(o.text), o.kind, [(c.ref, c.source_ref, _space(c.text), c.flags) for c in o.criteria])
                for o in u.learning_outcomes
            ],
        }
        for u in doc.units
    ]
    qualifications = [
        (q.title, q.number, q.level, q.credits, q.glh, q.tqt, q.dates, [(r.name, r.min_credits, r.max_credits, r.mandatory, r.units) for r in q.rules], q.rules_text)
        for q in doc.qualifications
    ]
    return {"qualifications": qualifications, "units": units}


@pytest.fixture(scope="module")
def rendered(diploma_path, tmp_path_factory):
    """The diploma as DOCX, and that DOCX printed to an A4 PDF with running header and page footer."""
    folder = tmp_path_factory.mktemp("vtct")
    docx = text_to_docx(diploma_path.read_text(encoding="utf-8"), folder / "diploma.docx")
    return {"docx": docx, "pdf": docx_to_pdf(docx, folder / "diploma.pdf")}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_units_outcomes_and_criteria(diploma, rendered, fmt):
    doc = load_spec(rendered[fmt])
    assert (doc.source.format, doc.source.plugin) == (fmt, "vtct")
    assert_valid_spec(doc)
    expected, got = comparable(diploma), comparable(doc)
    assert got["qualifications"] == expected["qualifications"]
    for want, have in zip(expected["units"], got["units"]):
        assert have == want, want["unit"][0]
    assert len(got["units"]) == len(expected["units"])


def test_pdf_pages_are_recorded(rendered):
    doc = load_spec(rendered["pdf"])
    criteria = [c for u in doc.units for o in u.learning_outcomes for c in o.criteria]
    assert criteria and all(c.page for c in criteria)
    assert criteria[-1].page > criteria[0].page
    assert not any("Page " in c.text for c in criteria), "page footers are not criterion text"


def _as_html(text: str) -> str:
    """A plain HTML export: a <p> per line, <ul><li> for "- " items, a <table> per run of tab rows."""
    from html import escape

    out, rows = ["<html><body>"], []
    for line in text.splitlines() + [""]:
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            cells = ("".join(f"<td>{escape(cell)}</td>" for cell in row.split("\t")) for row in rows)
            out.append("<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>")
            rows = []
        if line.startswith("- "):
            out.append(f"<ul><li>{escape(line[2:])}</li></ul>")
        elif line.strip():
            out.append(f"<p>{escape(line)}</p>")
    return "\n".join(out + ["</body></html>"])


@pytest.mark.parametrize("name", ["salon-reception-2016.txt", "salon-reception-2019.txt"])
def test_html_export_of_the_examples(tmp_path, name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    page = tmp_path / name.replace(".txt", ".html")
    page.write_text(_as_html(text), encoding="utf-8")
    doc = load_spec(page)
    assert (doc.source.format, doc.source.plugin) == ("html", "vtct")
    assert comparable(doc) == comparable(load_spec(EXAMPLES / name))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_hand_wrapped_lines_as_separate_paragraphs(tmp_path, fmt):
    """The 2010-layout fixture in Word/PDF: every hand-wrapped line of a title or criterion is its own paragraph."""
    source = FIXTURES / "vtct-l2-certificate-scalp-care-2012.txt"
    docx = text_to_docx(source.read_text(encoding="utf-8"), tmp_path / "scalp.docx")
    rendered = docx if fmt == "docx" else docx_to_pdf(docx, tmp_path / "scalp.pdf")
    doc = load_spec(rendered)
    assert_valid_spec(doc)
    assert comparable(doc) == comparable(load_spec(source))
    assert doc.unit("UV30101").learning_outcomes[0].criteria[0].flags == ["supplementary-evidence"]
