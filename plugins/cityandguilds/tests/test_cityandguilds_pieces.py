"""The building blocks on small inputs of our own: fragments, NOS lists, change cells, unit layouts."""

from __future__ import annotations

import pytest
from qualcli_cityandguilds.nos import expand_codes, nos_from_text
from qualcli_cityandguilds.plugin import CityAndGuildsParser
from qualcli_cityandguilds.version_history import split_changes

from qualcli.parsing.fragments import Part, split_fragment
from qualcli.readers import SourceText
from qualcli.readers.text import lines_from_text


def source(text: str, name: str = "handbook.txt") -> SourceText:
    markdown = name.endswith(".md")
    lines = lines_from_text(text, markdown=markdown)
    return SourceText(path=name, format="md" if markdown else "txt", lines=lines, sha256="0" * 64)


@pytest.mark.parametrize(
    "text, parts",
    [
        ("- | |", []),
        ("|---|---|", []),
        ("| 3.1 Describe methods |", [Part("3.1 Describe methods")]),
        ("<p>Intro:</p> <ul style=\"x\"> ○ first ○ second</ul>", [Part("Intro:"), Part("first", True), Part("second", True)]),
        ("<ul><li>one</li><li>two &amp; three</li></ul>", [Part("one", True), Part("two & three", True)]),
        ("- Sale of Goods Act – the **old** Act", [Part("Sale of Goods Act – the old Act", True)]),
        ("Done.• Next item", [Part("Done."), Part("Next item", True)]),
    ],
)
def test_split_fragment(text, parts):
    assert split_fragment(text) == parts


@pytest.mark.parametrize(
    "text, codes",
    [
        ("1, 5, 6, 38", ["1", "5", "6", "38"]),
        ("301.1.4/9/10, 301.2.1/5", ["301.1.4", "301.1.9", "301.1.10", "301.2.1", "301.2.5"]),
        ("301.2.2/4 KU 3/5, 302 KU 1/2", ["301.2.2", "301.2.4", "301 KU3", "301 KU5", "302 KU1", "302 KU2"]),
        ("301 ku 7, 302. 2.1/2, 302 ku 7-9", ["301 KU7", "302.2.1", "302.2.2", "302 KU7", "302 KU8", "302 KU9"]),
        ("ELEC01, ELEC02", ["ELEC01", "ELEC02"]),
    ],
)
def test_expand_nos_codes(text, codes):
    assert expand_codes(text) == codes


def test_nos_suite_from_the_sentence():
    refs = nos_from_text("This unit is linked to the ICS National Occupational Standards: NVQ Level 2 – 4, 7.", line=9)
    assert [(r.code, r.suite, r.line) for r in refs] == [("4", "ICS NOS NVQ Level 2", 9), ("7", "ICS NOS NVQ Level 2", 9)]
    assert nos_from_text("No standards are named here.") == []


def test_change_cells_split_per_item_with_their_headings():
    raw = (
        "<p>Unit 101 Outcome 2 Notes of guidance:</p> <p>1.2.3:</p> <ul> ○ Added a note ○ Removed a year "
        "<p>1.2.4 updated:</p> <ul> ○ Reworded</ul> <p>Unit 102 Notes: Outcome 1 updated 2.1.1: ○ New example "
        "updated 2.1.2: Outcome 3 updated 2.3.1 to include video calls</p> <p>Address updated</p>"
    )
    assert split_changes(raw) == [
        "Unit 101 Outcome 2 Notes of guidance: 1.2.3: Added a note",
        "Unit 101 Outcome 2 Notes of guidance: 1.2.3: Removed a year",
        "Unit 101 Outcome 2 Notes of guidance: 1.2.4 updated: Reworded",
        "Unit 102 Notes: Outcome 1 updated 2.1.1: New example",
        "Unit 102 Notes: Outcome 1 updated 2.1.2",
        "Unit 102 Notes: Outcome 3 updated 2.3.1 to include video calls",
        "Address updated",
    ]
    assert split_changes("Updated the test specification for unit 101") == ["Updated the test specification for unit 101"]


KEY_VALUE_UNIT = """City & Guilds Level 2 Award in Examples (1234)

Unit 110

Handling examples

UAN:\tA/123/4567
Level:\t2
Credit value:\t3
GLH:\t20
Assessment:\tOnline multiple choice test
Aim:\tTo practise examples.

Learning outcome
The learner will: 1. Know how examples work
Assessment criteria
The learner can: 1.1 Name two examples 1.2 Describe a third example 1.3 Explain why examples help

Learning outcome

The learner will:

- | |
|---|
| 2. Be able to write examples |
|---|

Assessment criteria

The learner can:

- | |
|---|
| 2.1 Write an example |
| 2.2 Check an example |

Unit 110 Handling examples

Supporting information

Guidance

Outcome 1

1.1

Any two will do:

- a short one
- a long one

1.3

Examples make rules concrete.

Assessment: a short written answer is enough.

Outcome 2

2.2

Ask a colleague to check it.
"""


def test_key_value_layout_with_run_together_and_pipe_table_criteria():
    doc = CityAndGuildsParser().parse(source(KEY_VALUE_UNIT))
    (unit,) = doc.units
    assert (unit.code, unit.title, unit.urn, unit.level, unit.credits, unit.glh) == (
        "110", "Handling examples", "A/123/4567", "2", 3, 20
    )
    assert unit.aim == "To practise examples."
    assert unit.assessment == ["multiple-choice test"]
    assert [o.text for o in unit.learning_outcomes] == ["Know how examples work", "Be able to write examples"]
    criteria = {c.ref: c for o in unit.learning_outcomes for c in o.criteria}
    assert list(criteria) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert criteria["1.2"].text == "Describe a third example"
    assert criteria["1.1"].guidance == "Any two will do:\n- a short one\n- a long one"
    assert criteria["1.3"].guidance == "Examples make rules concrete.\nAssessment: a short written answer is enough."
    assert criteria["1.2"].guidance is None and criteria["2.1"].guidance is None
    assert criteria["2.2"].guidance == "Ask a colleague to check it."
    assert doc.warnings == ["unit 110 is printed but not listed in a structure table"]


def test_confidence_on_small_documents():
    parser = CityAndGuildsParser()
    assert parser.confidence(source(KEY_VALUE_UNIT)).score >= 0.5
    assert parser.confidence(source("VTCT Level 2 Award\nUnit UBU19\nVTCT")).score < 0.3
    assert parser.confidence(source("Shopping list\nmilk\neggs")).score == 0.0


MARKDOWN_HANDBOOK = """# City & Guilds Level 1 Award in Examples (1234)

| UAN | City & Guilds unit number | Unit title | Level | GLH | Credit | Assessed by |
|-----|---|---|---|---|---|---|
| A/123/4567 | 110 | Handling examples | 1 | 20 | 3 | Assignment |

## Unit 110 Handling examples

Level: 1
Credit value: 3
UAN: A/123/4567

### Outcome 1 Know how examples work

Assessment Criteria

The learner can:

- 1.1.1. Name two examples
- 1.1.2. Describe the rules in force from
2015 onwards

Notes for Guidance

1.1.2

Any example from the workplace.
"""


def test_markdown_headings_and_pipe_tables():
    doc = CityAndGuildsParser().parse(source(MARKDOWN_HANDBOOK, "handbook.md"))
    (unit,) = doc.units
    assert (unit.code, unit.title, unit.glh, unit.assessment) == ("110", "Handling examples", 20, ["assignment"])
    (outcome,) = unit.learning_outcomes
    assert [(c.ref, c.source_ref) for c in outcome.criteria] == [("1.1", "1.1.1."), ("1.2", "1.1.2.")]
    assert outcome.criteria[1].text == "Describe the rules in force from 2015 onwards"  # a wrapped line, not a ref
    assert outcome.criteria[1].guidance == "Any example from the workplace."
    assert doc.warnings == []
