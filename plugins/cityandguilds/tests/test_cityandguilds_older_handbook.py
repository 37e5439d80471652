"""An older City & Guilds handbook of our own, printed as a PDF without table rules.

Layout features (invented text, the publisher's habits):

- running headers that start with the page number on even pages and wrap
  onto two lines on odd pages ("... (7301-" / "02) 9");
- a structure table with no ruling: each row is one line of words, the
  columns known only from the header's order;
- the qualification's GLH and TQT printed in a sentence, not a table;
- "Unit 201 Title" headings and "Aim:" values that wrap onto a second line;
- criteria numbered "1.", "2." under each outcome, one of them with a
  bulleted list ("... such as: • item o sub-item") that belongs to it, and a
  Range block.
"""

from __future__ import annotations

import pytest

from qualcli.diagnostics import diagnose
from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec
from tests.support.render import placed_pages_to_pdf

TITLE = "Level 2 Certificate in Garden Machinery Care (7301-02)"
HEADER = f"City & Guilds {TITLE}"
PAGES = [
    [
        TITLE,
        "Qualification handbook for centres",
        "June 2015 Version 1.0",
        "",
        "Title and level City & Guilds number Accreditation number",
        "Level 2 Certificate in Garden Machinery Care 7301-02 600/0000/9",
    ],
    [
        "1 Introduction",
        "",
        "Structure",
        "",
        "To achieve the Level 2 Certificate in Garden Machinery Care learners must achieve 9 credits from the mandatory units 201 and 202.",
        "",
        "UAN City & Guilds unit number Unit title Level GLH Credit",
        "T/650/0201 201 Safe use of garden machinery on domestic and commercial sites 2 30 4",
        "T/650/0202 202 Servicing two-stroke engines 2 40 5",
        "",
        "The qualification has 70 guided learning hours (GLH) and a total qualification time (TQT) of 90 hours.",
    ],
    [
        "Unit 201 Safe use of garden machinery on",
        "domestic and commercial sites",
        "",
        "Level: 2",
        "Credit value: 4",
        "UAN: T/650/0201",
        "Aim: This unit shows learners how to choose, check and use garden",
        "machinery without harm to themselves or others.",
        "",
        "Outcome 1 Be able to check machinery before use",
        "",
        "Assessment criteria",
        "",
        "The learner can:",
        "",
        "1. check the guards and cut-off switch of a mower",
        "2. choose protective equipment for a task, such as:",
        "• eye protection",
        "o goggles",
        "o visors",
        "• hearing protection",
        "3. report a fault to a supervisor",
        "",
        "Range",
        "",
        "Machinery: mowers, strimmers, hedge cutters",
    ],
    [
        "Outcome 2 Know the hazards of garden machinery",
        "",
        "Assessment criteria",
        "",
        "The learner can:",
        "",
        "1. describe the hazards of fuel and exhaust",
        "2. state how noise and vibration harm the body",
    ],
    [
        "Unit 202 Servicing two-stroke engines",
        "",
        "Level: 2",
        "Credit value: 5",
        "UAN: T/650/0202",
        "Aim: This unit covers the routine servicing of small two-stroke",
        "engines.",
        "",
        "Outcome 1 Be able to service a two-stroke engine",
        "",
        "Assessment criteria",
        "",
        "The learner can:",
        "",
        "1. clean an air filter",
        "2. replace a spark plug",
        "3. mix fuel in the correct ratio",
    ],
]


def _page(lines: list[str], number: int) -> list[tuple[str, float, float, float]]:
    """One page: its running header (even: number first; odd: wrapped in two lines; none on the cover), then its lines."""
    if number == 8:
        header = []
    elif number % 2 == 0:
        header = [f"{number} {HEADER}"]
    else:
        cut = HEADER.index("(7301-") + len("(7301-")
        header = [HEADER[:cut], f"{HEADER[cut:]} {number}"]
    items = [(text, 50, 30 + 11 * i, 8.0) for i, text in enumerate(header)]
    y = 80.0
    for text in lines:
        if text:
            items.append((text, 60, y, 10.0))
        y += 13 if text else 9
    return items


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    pages = [_page(lines, number) for number, lines in enumerate(PAGES, start=8)]
    return load_spec(placed_pages_to_pdf(pages, tmp_path_factory.mktemp("cg") / "older-handbook.pdf"))


def test_parsed_as_city_and_guilds_without_loss(handbook):
    assert handbook.source.plugin == "cityandguilds"
    assert_valid_spec(handbook)
    assert diagnose(handbook).problems == []


def test_qualification_with_hours_from_prose(handbook):
    (qualification,) = handbook.qualifications
    assert (qualification.number, qualification.level, qualification.credits) == ("7301-02", "2", 9)
    assert (qualification.glh, qualification.tqt) == (70, 90)


def test_structure_table_without_rules(handbook):
    assert [(u.code, u.urn, u.title, u.level, u.glh, u.credits) for u in handbook.units] == [
        ("201", "T/650/0201", "Safe use of garden machinery on domestic and commercial sites", "2", 30, 4),
        ("202", "T/650/0202", "Servicing two-stroke engines", "2", 40, 5),
    ]


def test_wrapped_aims_and_no_running_headers(handbook):
    assert handbook.unit("201").aim == "This unit shows learners how to choose, check and use garden machinery without harm to themselves or others."
    assert handbook.unit("202").aim == "This unit covers the routine servicing of small two-stroke engines."
    for unit in handbook.units:
        for outcome in unit.learning_outcomes:
            for criterion in outcome.criteria:
                assert "7301" not in criterion.text and "City & Guilds" not in criterion.text


def test_criteria_and_their_lists(handbook):
    first, second = handbook.unit("201").learning_outcomes
    assert [c.ref for c in first.criteria] == ["1.1", "1.2", "1.3"]
    assert [c.ref for c in second.criteria] == ["2.1", "2.2"]
    assert first.criteria[1].text == (
        "choose protective equipment for a task, such as:\n- eye protection\n  - goggles\n  - visors\n- hearing protection"
    )
    assert first.criteria[2].text == "report a fault to a supervisor"
    assert [c.ref for c in handbook.unit("202").learning_outcomes[0].criteria] == ["1.1", "1.2", "1.3"]
