"""The real specification as a Word document with real tables, and that document printed to PDF.

Both must give the same units, outcomes and criteria as the text export (text
equal after whitespace normalisation), and the same guidance, assessment
guidance, rules, mappings and change log.
"""

from __future__ import annotations

import pytest

from qualcli.loading import load_spec
from qualcli.model import iter_criteria
from tests.support.render import docx_to_pdf, text_to_docx

SPEC = "specs/pearson-btec-l1-principles-customer-service-issue2.txt"


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _units(doc):
    return [
        (
            u.code,
            u.title,
            u.urn,
            u.level,
            u.credits,
            u.glh,
            _words(u.aim),
            [(o.ref, _words(o.text), [(c.ref, _words(c.text)) for c in o.criteria]) for o in u.learning_outcomes],
        )
        for u in doc.units
    ]


def _criteria_notes(doc):
    return {(u.code, c.ref): (c.guidance, _words(c.assessment_guidance)) for u, _, c in iter_criteria(doc)}


def _rules(doc):
    return [
        (q.title, q.number, q.credits, q.tqt, q.glh, [(g.name, g.mandatory, g.min_credits, g.units) for g in q.rules])
        for q in doc.qualifications
    ]


def _mappings(doc):
    return [(m.old_unit, m.new_unit, m.relation, m.meaning) for m in doc.mappings]


@pytest.fixture(scope="module")
def renderings(corpus, tmp_path_factory):
    text_path = corpus / SPEC
    folder = tmp_path_factory.mktemp("pearson-renderings")
    docx = text_to_docx(text_path.read_text(encoding="utf-8"), folder / "spec.docx")
    pdf = docx_to_pdf(docx, folder / "spec.pdf")
    return {"txt": load_spec(text_path), "docx": load_spec(docx), "pdf": load_spec(pdf)}


def _as_markdown(text: str) -> str:
    """The text export with every tab-separated table written as a Markdown pipe table."""
    out, in_table = [], False
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
            in_table = True
            continue
        in_table = False
        out.append(line)
    return "\n".join(out)


def test_markdown_pipe_tables_give_the_same_model(renderings, corpus, tmp_path):
    path = tmp_path / "spec.md"
    path.write_text(_as_markdown((corpus / SPEC).read_text(encoding="utf-8")), encoding="utf-8")
    markdown, text = load_spec(path), renderings["txt"]
    assert markdown.source.format == "md"
    assert _units(markdown) == _units(text) and _criteria_notes(markdown) == _criteria_notes(text)
    assert _rules(markdown) == _rules(text) and _mappings(markdown) == _mappings(text)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_units_outcomes_and_criteria(renderings, fmt):
    text, other = renderings["txt"], renderings[fmt]
    assert other.source.format == fmt and other.source.plugin == "pearson-btec-specialist"
    assert _units(other) == _units(text)
    assert sum(len(o.criteria) for u in other.units for o in u.learning_outcomes) == 108
    assert not other.warnings


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_guidance_rules_mappings_and_history(renderings, fmt):
    text, other = renderings["txt"], renderings[fmt]
    assert _criteria_notes(other) == _criteria_notes(text)  # amplification keeps its lines, even from wrapped PDF cells
    assert _rules(other) == _rules(text)
    assert _mappings(other) == _mappings(text) and len(other.mappings) == 7
    assert [v.changes for v in other.version_history] == [v.changes for v in text.version_history]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_unit_sections(renderings, fmt):
    def sections(doc):
        return [[(s.title, _words(s.text)) for s in u.sections] for u in doc.units]

    assert sections(renderings[fmt]) == sections(renderings["txt"])  # lists stay "- item" lines in every format


def test_pdf_positions_point_at_pages(renderings):
    pdf = renderings["pdf"]
    pages = [c.page for _, _, c in iter_criteria(pdf)]
    assert all(page and page >= 1 for page in pages) and pages == sorted(pages)
    assert pdf.source.pages and pdf.source.pages > 20
