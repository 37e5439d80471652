"""The BTEC Specialist layout as other specifications print it (an invented Entry 3 award).

The fixture varies what the real specification does: an Entry level, singular
"Mandatory unit", a two-column outcome table with number and wording in one
cell and its header repeated mid-outcome, a criterion that a page break split
over two rows, ranges in assessment guidance ("For 1.1 to 1.3"), F and X
mappings in the annexe.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcli.loading import load_spec
from tests.conftest import assert_valid

FIXTURE = Path(__file__).parent / "fixtures" / "btec-specialist-allotment-award.txt"


@pytest.fixture(scope="module")
def doc():
    return load_spec(FIXTURE)


def test_qualification_and_rules(doc):
    assert doc.source.plugin == "pearson-btec-specialist" and doc.version == "3" and not doc.warnings
    (award,) = doc.qualifications
    assert (award.number, award.level, award.credits, award.tqt, award.glh) == ("600/0000/1", "E3", 4, 40, 30)
    assert award.dates == {"accreditation_start": "2020-09-01"}
    assert [(g.name, g.mandatory, g.min_credits, g.units) for g in award.rules] == [
        ("Mandatory unit", True, 2, ["1"]),
        ("Optional units", False, 2, ["2", "3"]),
    ]
    assert doc.version_history[0].changes == ["Unit 2 title corrected (Section 12)"]


def test_units_printed_and_only_listed(doc):
    assert [(u.code, u.level, u.credits) for u in doc.units] == [("1", "E3", 2), ("2", "E3", 2), ("3", "E3", 2)]
    assert not doc.unit("3").learning_outcomes  # listed in the structure only


def test_two_column_table_with_repeated_header(doc):
    outcomes = doc.unit("1").learning_outcomes
    assert [(o.ref, o.text) for o in outcomes] == [
        ("1", "Know how to clear ground safely"),
        ("2", "Be able to mark out beds"),
    ]
    assert [c.ref for c in outcomes[0].criteria] == ["1.1", "1.2", "1.3"]
    assert outcomes[0].criteria[2].text == "Describe how to dispose of weeds"


def test_assessment_ranges(doc):
    criteria = {c.ref: c for o in doc.unit("1").learning_outcomes for c in o.criteria}
    assert criteria["1.2"].assessment_guidance == "For 1.1 to 1.3, learners could make an illustrated leaflet."
    assert criteria["2.2"].assessment_guidance == "To achieve 2.1 and 2.2, learners must be observed on the plot."


def test_row_split_by_a_page_break_continues_the_criterion(doc):
    (criterion,) = doc.unit("2").learning_outcomes[0].criteria
    assert criterion.text == "Name two crops whose seed can be saved and stored until spring"
    assert criterion.guidance.splitlines() == [
        "Crops: beans, peas, tomatoes",
        "Not saved: F1 hybrids",
        "Storage: paper envelopes, cool and dry",
    ]


def test_annexe_relations_and_schema(doc):
    assert [(m.old_unit, m.new_unit, m.relation, m.new_title) for m in doc.mappings] == [
        ("1", "1", "F", "Preparing a Plot"),
        ("2", "2", "X", "Saving Seed"),
    ]
    assert doc.mappings[1].meaning.startswith("Full mapping + new")
    assert_valid(doc.to_dict())


def test_outcome_repeated_on_every_row_by_a_merged_cell(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "\t1.2 State two hazards", "1 Know how to clear ground safely\t1.2 State two hazards"
    )
    path = tmp_path / "merged.txt"
    path.write_text(text, encoding="utf-8")
    outcomes = load_spec(path).unit("1").learning_outcomes
    assert [(o.ref, len(o.criteria)) for o in outcomes] == [("1", 3), ("2", 2)]


def test_unit_header_printed_as_a_table(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    for label in ("Unit reference number", "Level", "Credit value", "Guided learning hours"):
        text = text.replace(f"{label}: ", f"{label}\t", 1)  # unit 1's header, as a two-column table
    path = tmp_path / "header-table.txt"
    path.write_text(text, encoding="utf-8")
    unit = load_spec(path).unit("1")
    assert (unit.urn, unit.level, unit.credits, unit.glh) == ("A/000/0001", "E3", 2, 15)
    assert [s.title for s in unit.sections] == ["Assessment"]  # no header rows left over as text
