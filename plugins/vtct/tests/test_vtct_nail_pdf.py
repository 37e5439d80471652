"""The publisher's own 2010-era PDF: VTCT Level 2 Certificate in Nail Technology.

Table cells arrive as separate lines, unit codes repeat as running headers
("UV20483 13", "UV2048314"), pages have two columns, and each outcome's
criteria letters continue from the Observations section (performance) into the
Knowledge section. The per-outcome criteria below were checked by eye against
the PDF, page by page.
"""

from __future__ import annotations

import re

import pytest

from qualcli.testing import assert_valid_spec

# unit -> per outcome: (letters observed, letters of knowledge), checked against the PDF
OUTCOME_LETTERS = {
    "UV20483": [("a-i", "j-v"), ("a-c", "d-i")],
    "UV20453": [("a-c", "d-h"), ("a-e", "f-i")],
    "UV20470": [("a-e", "f-l"), ("a-g", "h-w")],
    "UV20399": [("a-e", "f-l"), ("a-g", "h-s")],
}
# a few criteria as printed (wrapped over two or three lines in the PDF)
TEXTS = {
    ("UV20483", "1.1"): "Conduct yourself in the workplace to meet with health and safety practices and salon policy",
    ("UV20483", "1.22"): "Describe how to dispose of different types of salon waste",
    ("UV20483", "2.6"): "Outline the correct use of firefighting equipment for different types of fire",
    ("UV20453", "1.7"): "Describe the term \u2018personal space\u2019",
    ("UV20470", "2.23"): "Describe the structure and function of the lymphatic vessels of the arm and hand",
    ("UV20399", "2.2"): "Follow health and safety working practices and industry Code of Practice for nail services",
    ("UV20399", "2.19"): "Describe the different natural nail shapes",
}
# (observations, external papers) from each unit's figures page
FIGURES = {"UV20483": (3, 1), "UV20453": (3, 0), "UV20470": (3, 2), "UV20399": (6, 1)}


def _letters(span: str) -> list[str]:
    first, last = span.split("-")
    return [chr(code) + "." for code in range(ord(first), ord(last) + 1)]


def test_valid_and_parsed_as_vtct(nail, nail_expected):
    assert nail.body == nail_expected["body"] == "vtct"
    assert (nail.source.format, nail.source.plugin, nail.source.pages) == ("pdf", "vtct", 82)
    assert_valid_spec(nail)


def test_qualification(nail, nail_expected):
    (want,) = nail_expected["qualifications"]
    (got,) = nail.qualifications
    assert (got.title, got.number) == (want["title"], want["number"])
    assert (got.credits, got.tqt, got.glh) == (want["credits"], want["tqt"], want["glh"])
    assert got.dates == {"accreditation_start": want["accreditation_start"].isoformat()}
    assert got.level == "2"


def test_rules(nail, nail_expected):
    (want,) = nail_expected["qualifications"]
    got = nail.qualifications[0].rules
    assert [(r.name, r.mandatory, r.units) for r in got] == [
        (rule["name"], rule.get("mandatory", False), rule["units"]) for rule in want["rules"]
    ]
    for rule, wanted in zip(got, want["rules"]):
        assert rule.min_credits == wanted.get("min_credits", wanted.get("credits"))
    assert nail.qualifications[0].rules_text == ["Total credits required - 20", "All mandatory units must be completed."]


def test_units_listed(nail, nail_expected):
    assert len(nail.units) == nail_expected["units_listed"]
    for code, want in nail_expected["units"].items():
        unit = nail.unit(code)
        assert (unit.urn, unit.title, unit.credits, unit.glh) == (want["urn"], want["title"], want["credits"], want["glh"])
    in_full = [unit.code for unit in nail.units if unit.learning_outcomes]
    assert in_full == nail_expected["units_in_full"]


@pytest.mark.parametrize("code", sorted(OUTCOME_LETTERS))
def test_outcomes_continue_from_observation_into_knowledge(nail, code):
    unit = nail.unit(code)
    assert [o.ref for o in unit.learning_outcomes] == [str(n) for n in range(1, len(OUTCOME_LETTERS[code]) + 1)]
    for outcome, (observed, knowledge) in zip(unit.learning_outcomes, OUTCOME_LETTERS[code]):
        assert outcome.kind == "performance" and outcome.text.startswith("Be able to")
        letters = [c.source_ref for c in outcome.criteria]
        assert letters == _letters(observed) + _letters(knowledge), (code, outcome.ref)
        assert [c.ref for c in outcome.criteria] == [f"{outcome.ref}.{n}" for n in range(1, len(letters) + 1)]
        known = [c.source_ref for c in outcome.criteria if "knowledge" in c.flags]
        assert known == _letters(knowledge), "criteria from the Knowledge section are flagged"
        assert outcome.guidance, "the outcome's unit content is kept as its guidance"
        assert "Learning outcome" not in outcome.text


def test_criterion_texts_rejoined(nail):
    for (code, ref), text in TEXTS.items():
        criterion = next(c for o in nail.unit(code).learning_outcomes for c in o.criteria if c.ref == ref)
        assert criterion.text == text
        assert criterion.page is not None


def test_running_headers_are_not_content(nail):
    header = re.compile(r"UV\d{5}\s?\d{1,3}\b|\b\d{1,3}\s?UV\d{5}\b")
    for unit in nail.units:
        for section in unit.sections:
            assert not header.search(section.text), (unit.code, section.title)
        for outcome in unit.learning_outcomes:
            assert not header.search(outcome.text)
            assert not header.search(outcome.guidance or "")
            for criterion in outcome.criteria:
                assert not header.search(criterion.text)


def test_unit_figures_aims_methods_and_ranges(nail):
    for code, (observations, papers) in FIGURES.items():
        unit = nail.unit(code)
        assert (unit.observations, unit.external_papers, unit.level) == (observations, papers, "2")
        assert unit.aim and not unit.aim.startswith(unit.title)
        assert "observation" in unit.assessment and "assignment" in unit.assessment
        assert ("question paper" in unit.assessment) == (papers > 0)
    assert nail.unit("UV20453").details == {"version": "2"}
    assert [s.title for s in nail.unit("UV20483").sections] == [
        "Evidence requirements",
        "Achieving observation outcomes",
        "Achieving range",
        "Achieving knowledge outcomes",
        "Achieving the external paper",
        "Knowledge",
    ]
    ranges = [s for s in nail.unit("UV20470").sections if s.title == "Range"]
    assert ranges and "Paraffin wax" in ranges[0].text
    assert nail.warnings == []
