"""BTEC First/National unit documents: the real Word draft, our National fixture, a First grid."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcli.detection import detect
from qualcli.loading import load_spec, read_source
from qualcli.plugins import registered_parsers
from qualcli.testing import assert_valid_spec

DOCX = "specs-extra/pearson-btec-first-unit1-patterns-of-child-development-draft.docx"
XML = "specs-extra/pearson-btec-first-unit1-patterns-of-child-development.xml"
NATIONAL = Path(__file__).parent / "fixtures" / "btec-national-unit-community-garden-event.txt"

FIRST_GRID = """Unit 2: Growing Salad Crops (invented for qualcli tests)

Level: 1 and 2
Unit type: Optional specialist
Guided learning hours: 30
Assessment type: Internal

Learning aims

In this unit you will:
a. sow and grow salad crops
b. harvest and sell salad crops.

Assessment criteria
Level 1\tLevel 2 Pass\tLevel 2 Merit\tLevel 2 Distinction
Learning aim A: sow and grow salad crops
1A.1 Sow one salad crop.\t2A.P1 Sow two salad crops at the right depth.\t2A.M1 Explain the spacing chosen.\t2A.D1 Evaluate the germination of each crop.
Learning aim B: harvest and sell salad crops
1B.2 Harvest one crop.\t2B.P2 Harvest two crops without damage.\t2B.M2 Compare two ways of selling crops.\t2B.D2 Justify a price for each crop.
"""


@pytest.fixture(scope="module")
def docx_unit(corpus):
    doc = load_spec(corpus / DOCX)
    assert doc.source.plugin == "pearson-btec-unit"
    assert_valid_spec(doc)
    return doc.units[0]


def test_word_draft_header_and_aims(docx_unit, expected):
    facts = expected[XML]["units"]["1"]
    unit = docx_unit
    assert (unit.code, unit.title, unit.level, unit.glh) == ("1", facts["title"], facts["level"], facts["glh"])
    assert unit.unit_type == "Core" and unit.assessment == [facts["assessment"]]
    assert [aim.ref for aim in unit.learning_outcomes] == facts["learning_aims"]
    assert unit.aim.startswith("Every child is special and unique")
    assert [s.title for s in unit.sections if s.title != "Learning aims"] == [
        "Resources",
        "Assessment guidance",
        "Examination format",
    ]


def test_word_draft_matches_the_xml(docx_unit, corpus):
    xml_unit = load_spec(corpus / XML).units[0]
    assert (docx_unit.title, docx_unit.level, docx_unit.glh, docx_unit.assessment) == (
        xml_unit.title,
        xml_unit.level,
        xml_unit.glh,
        xml_unit.assessment,
    )
    assert [(a.ref, a.text) for a in docx_unit.learning_outcomes] == [
        (a.ref, a.text) for a in xml_unit.learning_outcomes
    ]
    assert docx_unit.aim.split() == xml_unit.aim.split()  # the lead-in "In this unit you will:" is in neither aim
    sections = lambda unit: {s.title: s.text for s in unit.sections}  # noqa: E731
    assert sections(docx_unit)["Learning aims"] == sections(xml_unit)["Learning aims"] == "In this unit you will:"
    word_topics = {t.ref: t for a in docx_unit.learning_outcomes for t in a.content}
    assert list(word_topics) == ["A.1", "A.2", "B.1", "C.1"]  # the XML export stops after the first topic of each aim
    for aim in xml_unit.learning_outcomes:
        for topic in aim.content:
            assert word_topics[topic.ref].title == topic.title
            # the draft and the XML open the topic with the same words (the draft breaks lines inside cells)
            assert word_topics[topic.ref].text.split()[:12] == topic.text.split()[:12]


def test_national_fixture_full_grid():
    doc = load_spec(NATIONAL)
    assert doc.source.plugin == "pearson-btec-unit" and not doc.warnings
    assert_valid_spec(doc)
    (unit,) = doc.units
    assert (unit.code, unit.title, unit.level, unit.unit_type, unit.glh) == (
        "7",
        "Planning a Community Garden Event",
        "3",
        "Internal",
        60,
    )
    aims = {aim.ref: aim for aim in unit.learning_outcomes}
    assert list(aims) == ["A", "B", "C"]
    assert aims["C"].text == "Run and review a community garden event"
    grid = {c.ref: (aim.ref, c.grade) for aim in unit.learning_outcomes for c in aim.criteria}
    assert grid == {
        "A.P1": ("A", "pass"),
        "A.P2": ("A", "pass"),
        "A.M1": ("A", "merit"),
        "A.D1": ("A", "distinction"),
        "B.P3": ("B", "pass"),
        "B.P4": ("B", "pass"),
        "B.M2": ("B", "merit"),
        "BC.D2": ("B", "distinction"),
        "C.P5": ("C", "pass"),
        "C.P6": ("C", "pass"),
        "C.M3": ("C", "merit"),
    }
    assert [c.ref for c in aims["B"].criteria] == ["B.P3", "B.P4", "B.M2", "BC.D2"]
    spanning = next(c for c in aims["B"].criteria if c.ref == "BC.D2")
    assert spanning.flags == ["aims:B,C"] and spanning.text.startswith("Evaluate the planning and running")
    assert [(t.ref, t.title) for t in aims["A"].content] == [("A.1", "Purposes of garden events"), ("A.2", "Audiences")]
    assert aims["A"].content[0].text.splitlines()[1] == "- Raising funds for tools, seeds and water butts."
    titles = [s.title for s in unit.sections]
    assert "Summary of unit" in titles and "Essential information for tutors" in titles


def test_first_grid_levels_and_grades(tmp_path):
    path = tmp_path / "unit2.txt"
    path.write_text(FIRST_GRID, encoding="utf-8")
    unit = load_spec(path, body="pearson").units[0]
    assert [a.text for a in unit.learning_outcomes] == ["Sow and grow salad crops", "Harvest and sell salad crops"]
    assert [(c.ref, c.grade) for c in unit.learning_outcomes[0].criteria] == [
        ("1A.1", "pass"),
        ("2A.P1", "pass"),
        ("2A.M1", "merit"),
        ("2A.D1", "distinction"),
    ]
    assert unit.learning_outcomes[1].criteria[-1].text == "Justify a price for each crop."


def test_each_layout_goes_to_its_own_parser(corpus):
    chosen = {
        "specs/pearson-btec-l1-principles-customer-service-issue2.txt": "pearson-btec-specialist",
        DOCX: "pearson-btec-unit",
        XML: "pearson-unit-xml",
    }
    for name, parser in chosen.items():
        assert detect(read_source(corpus / name), registered_parsers()).chosen.parser.name == parser, name
    for other in (
        "specs/vtct-cs2d1-l2-diploma-customer-service.txt",
        "specs/cityandguilds-4417-customer-service-v2.8.txt",
    ):
        source = read_source(corpus / other)
        from qualcli_pearson.plugin import register_parsers

        ours: list = []
        register_parsers(register=ours.append)
        assert all(p.confidence(source).score < 0.2 for p in ours if source.format in p.formats), other


def _unit_summary(doc):
    (unit,) = doc.units
    return (
        unit.code,
        unit.title,
        unit.level,
        unit.unit_type,
        unit.glh,
        [
            (
                a.ref,
                a.text,
                [(c.ref, c.grade, c.text) for c in a.criteria],
                [(t.ref, t.title, " ".join((t.text or "").split())) for t in a.content],
            )
            for a in unit.learning_outcomes
        ],
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_national_fixture_as_word_and_pdf(tmp_path, fmt):
    from tests.support.render import text_to_docx, text_to_pdf

    render = text_to_docx if fmt == "docx" else text_to_pdf
    path = render(NATIONAL.read_text(encoding="utf-8"), tmp_path / f"unit7.{fmt}")
    doc = load_spec(path)
    assert doc.source.format == fmt and doc.source.plugin == "pearson-btec-unit"
    assert _unit_summary(doc) == _unit_summary(load_spec(NATIONAL))


SECOND_UNIT = """
Unit 3: Keeping Hens (invented for qualcli tests)

Level: 1 and 2
Unit type: Optional specialist
Guided learning hours: 30

Learning aims

In this unit you will:
a. house and feed hens.

Assessment criteria
Level 1\tLevel 2 Pass\tLevel 2 Merit\tLevel 2 Distinction
1A.1 Name two foods hens need.\t2A.P1 Describe a suitable henhouse.\t2A.M1 Compare two feeding routines.\t2A.D1 Justify a routine.
"""


def test_a_specification_with_several_units(tmp_path):
    contents = "Contents\n\nUnit 2: Growing Salad Crops\t5\nUnit 3: Keeping Hens\t9\n\n"
    path = tmp_path / "units.txt"
    path.write_text(contents + FIRST_GRID + SECOND_UNIT, encoding="utf-8")
    doc = load_spec(path, body="pearson")
    assert [(u.code, len(u.learning_outcomes)) for u in doc.units] == [("2", 2), ("3", 1)]
    assert [c.ref for c in doc.unit("3").learning_outcomes[0].criteria] == ["1A.1", "2A.P1", "2A.M1", "2A.D1"]
    assert doc.unstructured[0].reason == "text before the first unit" and "Keeping Hens" in doc.unstructured[0].text
