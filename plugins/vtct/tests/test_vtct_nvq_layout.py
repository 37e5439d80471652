"""An NVQ record book of our own, printed the way InDesign writes one (text and positions invented).

Layout features, each on its own page of the fixture:

- "Outcome N" bars (no "Learning"), the page title ("Observations" /
  "Knowledge") after the bar, "You can:", a "*May be assessed ..." note
  printed above the criteria it explains;
- a figures page with the labels in one column and the values in another,
  so the text stream holds all labels, then all values (a NOS code among
  them), and the last values sit where page numbers usually are;
- an outcome overview whose numbers are set larger than the item text (each
  wrapped line is a block of its own) and an item printed "3.Understand";
- criteria whose letters interleave in the stream (two columns read in turn);
- knowledge pages whose bar comes after the criteria in the stream, letters
  running past z. (aa., ab.), and an "Outcome 3 (continued)" page;
- unit codes with letters after the digits (UN10GH3, UB20B10), and a GLH
  range on the cover.
"""

from __future__ import annotations

import string

import pytest

from qualcli.diagnostics import diagnose
from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec
from tests.support.render import placed_pages_to_pdf

BAR, BODY, SMALL, NUMBER = 14.0, 10.0, 8.0, 16.0
KNOWLEDGE_TOPICS = [f"Describe safety rule number {n} of the shop floor" for n in range(1, 33)]
LETTERS = [*string.ascii_lowercase, *(f"a{c}" for c in string.ascii_lowercase)]


def _lines(texts: list[str], x: float, top: float, size: float = BODY, gap: float = 1.4) -> list[tuple[str, float, float, float]]:
    return [(text, x, top + i * size * gap, size) for i, text in enumerate(texts)]


def _page_number(number: int) -> list[tuple[str, float, float, float]]:
    return [(str(number), 290, 815, SMALL)]


def _cover() -> list:
    return _lines(
        [
            "Level 2 NVQ Certificate in Shop Floor Safety",
            "Accreditation start date: 1 March 2021",
            "Credit value: 10",
            "Total Qualification Time (TQT): 100",
            "Guided learning hours (GLH): 80 - 84",
            "Qualification number: 600/0000/1",
        ],
        60,
        80,
    ) + _page_number(1)


def _structure() -> list:
    return _lines(
        [
            "Qualification structure",
            "Mandatory units - 6 credits",
            "VTCT unit code Ofqual unit reference Unit title Credit value GLH",
            "UN10GH3 T/650/0001 Keep the shop floor safe for",
            "customers and staff 6 50",
            "Optional units - 4 (minimum) credits",
            "VTCT unit code Ofqual unit reference Unit title Credit value GLH",
            "UB20B10 T/650/0002 Stack shelves without strain 4 30",
            "Total credits required - 10 (minimum)",
            "All mandatory units must be completed.",
        ],
        60,
        80,
    ) + _page_number(2)


def _unit_cover() -> list:
    return _lines(
        [
            "UN10GH3",
            "Keep the shop floor safe for customers and staff",
            "This unit is about spotting and removing hazards before anyone is hurt.",
            "UN10GH3_v1",
        ],
        60,
        80,
    ) + _page_number(3)


def _figures() -> list:
    labels = _lines(["GLH", "Credit value", "Level", "NOS", "Observations", "External paper(s)"], 60, 500, SMALL, 2.0)
    # the values form a column of their own below the labels (set beside them, at the same heights, PDFium
    # runs reportlab's numbers into one line, a reader matter this test does not cover)
    values = _lines(["50", "6", "2", "GH3", "2", "1"], 60, 700, SMALL, 2.0)
    return labels + values  # no page number: the last values are the page's last lines


def _overview() -> list:
    items = [
        ("1.", ["Be able to spot hazards on the", "shop floor"]),
        ("2.", ["Be able to remove hazards safely"]),
        ("3.", ["Understand the rules that keep a", "shop floor safe"]),
    ]
    page = _lines(["On completion of this unit you will:", "Learning outcomes", "Evidence requirements"], 60, 60)
    top = 140.0
    for number, wrapped in items:
        if number == "3.":  # printed with no space after the number
            page.append((f"3.{wrapped[0]}", 60, top, BODY))
        else:
            page.append((number, 60, top, NUMBER))
            page.append((wrapped[0], 80, top, BODY))
        for extra, text in enumerate(wrapped[1:], start=1):
            page.append((text, 80, top + extra * 14, BODY))
        top += 14 * len(wrapped) + 10
    page += _lines(["1. Your assessor will watch you twice on the shop floor.", "2. One written paper tests outcome 3."], 320, 140)
    return page + _page_number(5)


def _outcome_1() -> list:
    return (
        _lines(["Outcome 1"], 60, 50, BAR)
        + _lines(["Observations", "You can:", "UN10GH3", "*May be assessed through oral questioning."], 60, 80)
        + _lines(["Be able to spot hazards on the shop floor"], 60, 150)
        + _lines(["a. Walk the shop floor before opening", "b. Note spills, trailing cables and blocked exits", "c. Tell the duty manager about each hazard*"], 60, 180)
        + _lines(["Observation 1 2", "Date achieved"], 60, 260)
        + _page_number(6)
    )


def _outcome_2() -> list:
    left = ["a. Put out a warning sign", "b. Clean up the spill", "c. Tape down loose cables"]
    right = ["d. Clear the fire exit", "e. Check the area again", "f. Record what was done"]
    # two columns of criteria: the stream takes one from each in turn, so the letters interleave (a, d, b, e ...)
    columns = [item for pair in zip(_lines(left, 60, 150, gap=2.8), _lines(right, 60, 164, gap=2.8)) for item in pair]
    return (
        _lines(["Outcome 2"], 60, 50, BAR)
        + _lines(["You can:"], 60, 80)
        + _lines(["Be able to remove hazards safely"], 60, 110)
        + columns
        + _page_number(7)
    )


def _developing_knowledge() -> list:
    return _lines(["Developing knowledge", "Achieving knowledge outcomes", "Your tutor will tell you how knowledge is assessed."], 60, 60) + _page_number(8)


def _knowledge(letters: range, bar: str, number: int, title: bool) -> list:
    """A knowledge page: criteria first in the stream, then the bar that is printed at the top."""
    head = _lines(["Knowledge"], 60, 40) if title else []
    criteria = [f"{LETTERS[i]}. {KNOWLEDGE_TOPICS[i]}" for i in letters]
    return (
        head
        + _lines(["Understand the rules that keep a shop floor safe", "You can: Portfolio reference"], 60, 90)
        + _lines(criteria, 60, 130, SMALL, 2.0)
        + _lines(["* Assessor initials to be inserted if orally questioned."], 60, 780, SMALL)
        + _lines([bar], 60, 60, BAR)
        + _page_number(number)
    )


@pytest.fixture(scope="module")
def nvq(tmp_path_factory):
    pages = [
        _cover(),
        _structure(),
        _unit_cover(),
        _figures(),
        _overview(),
        _outcome_1(),
        _outcome_2(),
        _developing_knowledge(),
        _knowledge(range(0, 28), "Outcome 3", 9, title=True),
        _knowledge(range(28, 32), "Outcome 3 (continued)", 10, title=False),
    ]
    path = placed_pages_to_pdf(pages, tmp_path_factory.mktemp("nvq") / "nvq-book.pdf")
    return load_spec(path)


def test_parsed_as_vtct_without_loss(nvq):
    assert nvq.source.plugin == "vtct"
    assert_valid_spec(nvq)
    assert diagnose(nvq).problems == []


def test_cover_glh_range_and_unit_codes_with_letters(nvq):
    (qualification,) = nvq.qualifications
    assert (qualification.title, qualification.number, qualification.credits, qualification.tqt) == (
        "Level 2 NVQ Certificate in Shop Floor Safety",
        "600/0000/1",
        10,
        100,
    )
    assert qualification.glh == 80 and qualification.details["glh_range"] == [80, 84]
    assert [(u.code, u.urn, u.credits, u.glh) for u in nvq.units] == [("UN10GH3", "T/650/0001", 6, 50), ("UB20B10", "T/650/0002", 4, 30)]
    assert nvq.unit("UN10GH3").title == "Keep the shop floor safe for customers and staff"


def test_stacked_unit_figures_pair_by_order(nvq):
    unit = nvq.unit("UN10GH3")
    assert (unit.glh, unit.credits, unit.level, unit.observations, unit.external_papers) == (50, 6, "2", 2, 1)
    assert [ref.code for ref in unit.nos] == ["GH3"]


def test_overview_items_rejoined_and_numbered_without_space(nvq):
    outcomes = nvq.unit("UN10GH3").learning_outcomes
    assert [(o.ref, o.text) for o in outcomes] == [
        ("1", "Be able to spot hazards on the shop floor"),
        ("2", "Be able to remove hazards safely"),
        ("3", "Understand the rules that keep a shop floor safe"),
    ]
    assert [o.kind for o in outcomes] == ["performance", "performance", "knowledge"]


def test_outcome_bars_note_and_two_columns(nvq):
    first, second, _ = nvq.unit("UN10GH3").learning_outcomes
    assert [c.source_ref for c in first.criteria] == ["a.", "b.", "c."]
    assert first.criteria[2].flags == ["oral-questioning"] and first.criteria[2].text == "Tell the duty manager about each hazard"
    assert [(c.source_ref, c.text) for c in second.criteria][:4] == [
        ("a.", "Put out a warning sign"),
        ("b.", "Clean up the spill"),
        ("c.", "Tape down loose cables"),
        ("d.", "Clear the fire exit"),
    ]
    assert len(second.criteria) == 6


def test_knowledge_bar_after_its_criteria_and_continued_page(nvq):
    knowledge = nvq.unit("UN10GH3").learning_outcomes[2]
    assert [c.source_ref for c in knowledge.criteria] == [f"{letter}." for letter in LETTERS[:32]]
    assert [c.ref for c in knowledge.criteria] == [f"3.{n}" for n in range(1, 33)]
    assert [c.text for c in knowledge.criteria] == KNOWLEDGE_TOPICS
    assert knowledge.criteria[-1].page == 10
