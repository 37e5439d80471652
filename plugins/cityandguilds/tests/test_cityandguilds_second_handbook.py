"""A handbook of our own in another City & Guilds habit: "1." criteria, Range blocks, page furniture."""

from __future__ import annotations

import json
import re

import pytest
from cityandguilds_testdata import FIXTURES, comparable, strings

from qualcli.loading import load_spec
from tests.conftest import assert_valid

HANDBOOK = FIXTURES / "cg-2365-style-handbook.txt"


@pytest.fixture(scope="module")
def doc():
    return load_spec(HANDBOOK)


def test_qualification_and_rules(doc):
    (qual,) = doc.qualifications
    assert (qual.number, qual.level, qual.credits, qual.glh, qual.tqt) == ("2365-02", "2", 12, 105, 120)
    (rule,) = qual.rules
    assert rule.mandatory and rule.units == ["201", "202"] and rule.alternatives == []
    assert doc.version == "1.3" and doc.version_date == "2019-03"
    assert [e.version for e in doc.version_history] == ["1.1", "1.2", "1.3"]
    assert doc.version_history[1].changes == [
        "Unit 201 guidance: Added working at height examples",
        "Unit 201 guidance: Removed an out of date reference",
    ]


def test_one_part_criterion_numbers_become_outcome_dot_criterion(doc):
    unit = doc.unit("201")
    assert [[c.ref for c in o.criteria] for o in unit.learning_outcomes] == [
        ["1.1", "1.2", "1.3", "1.4"],
        ["2.1", "2.2", "2.3"],
    ]
    assert [c.source_ref for c in unit.learning_outcomes[1].criteria] == ["1.", "2.", "3."]


def test_page_breaks_do_not_cut_lists_or_criteria(doc):
    outcome = doc.unit("201").learning_outcomes[0]
    assert outcome.criteria[2].text == "describe how inspectors can enforce the law on a site"
    assert outcome.criteria[3].text == "list where a worker can find safety information"
    items = [line for line in outcome.guidance.splitlines() if line.startswith("- ")]
    assert items == ["- the site induction pack", "- posters and notices on site", "- the manufacturer's instructions for each tool"]
    for path, text in strings(doc.to_dict()):
        assert "(2365-02)" not in text or path == ".title", path
        if path.endswith((".text", ".guidance")):
            assert not any(re.fullmatch(r"-?\s*\d{1,3}", line) for line in text.splitlines()), (path, text)


def test_range_blocks_go_to_the_criterion_they_name_or_the_outcome(doc):
    first, second = doc.unit("201").learning_outcomes
    assert first.criteria[2].guidance == "Range: Enforcement: improvement notices, prohibition notices, prosecution"
    assert first.guidance.startswith("Range: Duties: provide safe equipment")
    assert second.criteria[0].guidance.startswith("Range: Access equipment")
    assert second.guidance == "A practical demonstration is expected for criteria 2 and 3."
    assert doc.unit("202").learning_outcomes[1].criteria[1].guidance == "Range: Circuits: two or three resistors only"


def test_units_nos_and_test_specification(doc):
    assert [u.code for u in doc.units] == ["201", "202"]
    assert [n.code for n in doc.unit("201").nos] == ["ELEC01", "ELEC02", "ELEC05"]
    assert doc.unit("201").nos[0].suite == "SummitSkills NOS Level 2"
    spec = doc.unit("202").details["test_specification"]
    assert spec["questions"] == 30 and spec["duration"] == "1 hour and 30 minutes"
    assert [o.assessment["test_questions"] for o in doc.unit("202").learning_outcomes] == [12, 18]
    assert doc.unit("202").assessment == ["online test"]


def test_appendix_ends_the_last_unit(doc):
    last = doc.unit("202").learning_outcomes[-1]
    assert "Further reading" not in json.dumps(doc.to_dict())
    assert last.criteria[-1].text == "explain the effect of a broken conductor"


def test_output_is_valid_and_the_pdf_print_gives_the_same_model(doc, tmp_path):
    from tests.support.render import text_to_pdf

    assert_valid(doc.to_dict())
    pdf = text_to_pdf(HANDBOOK.read_text(encoding="utf-8"), tmp_path / "handbook.pdf")
    assert comparable(load_spec(pdf).to_dict()) == comparable(doc.to_dict())
