"""BTEC First unit 3 as Pearson's unit XML (grid in <assessmentcriteria>) and as its Word draft.

Every fact of corpus/expected.yaml for the two files holds; both give the
same criteria, word for word.
"""

from __future__ import annotations

import pytest

from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec

XML = "specs-extra/pearson-btec-first-unit3-principles-of-early-years-practice.xml"
DOCX = "specs-extra/pearson-btec-first-unit3-principles-of-early-years-practice-draft.docx"


@pytest.fixture(scope="module", params=[XML, DOCX], ids=["xml", "docx"])
def unit3(request, corpus, expected):
    """(unit, expected facts, parsed document) for each file."""
    doc = load_spec(corpus / request.param)
    facts = expected[request.param]
    assert doc.body == facts["body"]
    assert_valid_spec(doc)
    (unit,) = doc.units
    return unit, facts["units"][unit.code], doc


def _criteria(unit):
    return [c for aim in unit.learning_outcomes for c in aim.criteria]


def _column(ref: str) -> str:
    """The grid column of a BTEC First ref: "1A.1" level 1, "2A.P1" pass, "2A.M1" merit, "2A.D1" distinction."""
    grade = ref.split(".")[1]
    return "level1" if grade.isdigit() else {"P": "pass", "M": "merit", "D": "distinction"}[grade[0]]


def test_header(unit3):
    unit, want, _ = unit3
    assert (unit.title, unit.level, unit.glh) == (want["title"], want["level"], want["glh"])
    assert unit.assessment == [want["assessment"]]
    assert unit.urn == want.get("urn")
    assert unit.unit_type == want.get("unit_type")


def test_learning_aims(unit3):
    unit, want, _ = unit3
    assert [aim.ref for aim in unit.learning_outcomes] == want["learning_aims"]
    for aim in unit.learning_outcomes:
        assert aim.kind == "learning_aim"
        assert aim.text.startswith(want["learning_aim_starts"][aim.ref]), aim.text


def test_grid_criteria_once_each_in_their_aims(unit3):
    unit, want, _ = unit3
    criteria = _criteria(unit)
    refs = [c.ref for c in criteria]
    assert len(refs) == len(set(refs)) == want["criteria"]
    per_column = {column: sum(1 for ref in refs if _column(ref) == column) for column in want["criteria_per_column"]}
    assert per_column == want["criteria_per_column"]
    for column, wanted in want.get("criteria_refs", {}).items():
        assert sorted(ref for ref in refs if _column(ref) == column) == sorted(wanted)
    if "criteria_per_aim" in want:
        assert {aim.ref: len(aim.criteria) for aim in unit.learning_outcomes} == want["criteria_per_aim"]
    for aim in unit.learning_outcomes:
        assert all(c.ref[1] == aim.ref for c in aim.criteria), "each criterion sits under the aim its ref names"


def test_samples_and_skill_marks(unit3):
    unit, want, _ = unit3
    by_ref = {c.ref: c for c in _criteria(unit)}
    for sample in want["samples"]:
        assert by_ref[sample["ref"]].text.startswith(sample["starts"])
    for criterion in by_ref.values():
        assert "#" not in criterion.text and "\t" not in criterion.text and "  " not in criterion.text
    assert by_ref["2A.P1"].flags == ["english-skills"]  # the bare "#" after the wording is the English-skills mark


def test_content_topics_and_assignments(unit3):
    unit, want, _ = unit3
    assert [t.ref for aim in unit.learning_outcomes for t in aim.content] == want["content_topics"]
    outlines = [s for s in unit.sections if s.title.startswith("Suggested assignment: ")]
    assert len(outlines) == want["suggested_assignments"]
    assert all(s.text.startswith("Criteria covered: ") for s in outlines)


def test_xml_and_word_draft_give_the_same_criteria(corpus):
    xml, docx = (load_spec(corpus / name).units[0] for name in (XML, DOCX))
    assert [(c.ref, c.text, c.grade, c.flags) for c in _criteria(xml)] == [(c.ref, c.text, c.grade, c.flags) for c in _criteria(docx)]
