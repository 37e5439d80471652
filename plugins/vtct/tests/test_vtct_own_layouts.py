"""VTCT-layout documents of our own: the older two-column book as plain text, and the examples/ pair.

fixtures/vtct-l2-certificate-scalp-care-2012.txt is written in the 2010-era
layout (code before title, dotted cover figures, hand-wrapped lines, running
headers such as "UV30101 10" and "UV3010112", criteria letters continuing
from Observations into Knowledge, a page number after the last table row).
"""

from __future__ import annotations

import re

import pytest

from qualcli.loading import load_spec
from qualcli.testing import assert_valid_spec

from vtct_testdata import EXAMPLES, FIXTURES

SCALP = FIXTURES / "vtct-l2-certificate-scalp-care-2012.txt"


@pytest.fixture(scope="module")
def scalp():
    return load_spec(SCALP)


def _criteria(unit):
    return {c.ref: c for o in unit.learning_outcomes for c in o.criteria}


def test_scalp_care_qualification_and_rules(scalp):
    assert_valid_spec(scalp)
    (q,) = scalp.qualifications
    assert (q.title, q.number, q.level) == ("VTCT Level 2 Certificate in Scalp and Hair Care", "600/5521/7", "2")
    assert (q.credits, q.tqt, q.glh, q.dates) == (11, 110, 74, {"accreditation_start": "2012-03-01"})
    assert [(r.name, r.mandatory, r.min_credits, r.units) for r in q.rules] == [
        ("Mandatory", True, 8, ["UV30101", "UV30102"]),
        ("Optional", False, 3, ["UV30103"]),
    ]
    massage = scalp.unit("UV30103")
    assert (massage.credits, massage.glh, massage.level) == (3, 18, None), "the page number after the row is not a level"
    assert massage.assessment == ["observation"] and not massage.learning_outcomes


def test_scalp_care_unit_with_observation_and_knowledge(scalp):
    unit = scalp.unit("UV30101")
    assert unit.title == "Care for the scalp and hair of salon clients"
    assert unit.details == {"version": "3"}
    assert (unit.level, unit.credits, unit.glh, unit.observations, unit.external_papers) == ("2", 5, 34, 4, 1)
    assert unit.aim.startswith("The aim of this unit is to help you keep the scalp")
    assert [(n.code, n.suite) for n in unit.nos] == [("SKHSC1", "Hairdressing (2019)"), ("SKHSC2", "Hairdressing (2019)")]
    assert [(o.ref, o.kind, len(o.criteria)) for o in unit.learning_outcomes] == [("1", "performance", 6), ("2", "performance", 3)]
    criteria = _criteria(unit)
    assert criteria["1.1"].text == "Prepare yourself and the work area for the service"
    assert criteria["1.3"].text == "Record the outcome of the consultation on the client card"
    assert [ref for ref, c in criteria.items() if "supplementary-evidence" in c.flags] == ["1.1", "1.3"]
    assert [ref for ref, c in criteria.items() if "knowledge" in c.flags] == ["1.4", "1.5", "1.6", "2.3"]
    assert (criteria["1.6"].source_ref, criteria["1.6"].text) == ("f.", "State how the Data Protection Act 1998 applies to client records")
    assert unit.learning_outcomes[0].guidance == "Scalp conditions: dandruff, dry scalp, oily scalp, product build-up."
    assert any(s.title == "Range" and "Scalp tonic" in s.text for s in unit.sections)


def test_scalp_care_knowledge_unit_names_suite_only(scalp):
    unit = scalp.unit("UV30102")
    assert unit.nos == [] and unit.nos_suites == ["Hairdressing (2019)"]
    assert [(o.kind, len(o.criteria)) for o in unit.learning_outcomes] == [("knowledge", 2), ("knowledge", 3)]
    assert _criteria(unit)["2.3"].text == "State when to refer a client to a pharmacist or doctor"
    assert scalp.warnings == []


@pytest.mark.parametrize(
    "name, date, credits, units, criteria, legislation",
    [
        ("salon-reception-2016.txt", "2016-09", 8, ["SRX01", "SRX02", "SRX03", "SRX04"], 16, ["Sale of Goods Act 1979", "Data Protection Act 1998"]),
        ("salon-reception-2019.txt", "2019-03", 9, ["SRX01", "SRX02", "SRX03", "SRX05"], 19, ["Consumer Rights Act 2015", "Data Protection Act 1998"]),
    ],
)
def test_examples_parse(qualcli, name, date, credits, units, criteria, legislation):
    doc = load_spec(EXAMPLES / name)
    assert_valid_spec(doc)
    assert doc.warnings == []
    assert doc.version_date == date
    assert doc.qualifications[0].credits == credits
    assert [u.code for u in doc.units] == units
    assert sum(len(o.criteria) for u in doc.units for o in u.learning_outcomes) == criteria
    texts = " ".join(c.text for u in doc.units for o in u.learning_outcomes for c in o.criteria)
    for act in legislation:
        assert act in texts
    flagged = [c.ref for o in doc.unit("SRX01").learning_outcomes for c in o.criteria if c.flags]
    assert flagged == ["1.2", "1.3"]
    shown = qualcli("show", EXAMPLES / name, "SRX02")
    assert shown.code == 0 and shown.stdout.startswith("SRX02: Take payments and")
    parsed = qualcli("parse", EXAMPLES / name)
    assert parsed.code == 0 and "units:" in parsed.stdout


def test_structure_table_in_another_column_order(tmp_path):
    """A book whose structure tables put the title first and the figures in another order reads the same."""
    original = (EXAMPLES / "salon-reception-2016.txt").read_text(encoding="utf-8")
    order = (2, 0, 5, 4, 3, 1)  # title, code, level, GLH, credits, Ofqual reference

    def reorder(line: str) -> str:
        cells = line.split("\t")
        if len(cells) == 6 and ("Ofqual unit reference" in cells or re.fullmatch(r"[A-Z]/\d{3}/\d{4}", cells[1])):
            return "\t".join(cells[i] for i in order)
        return line

    moved = tmp_path / "salon-reception-reordered.txt"
    moved.write_text("\n".join(reorder(line) for line in original.splitlines()) + "\n", encoding="utf-8")
    assert moved.read_text(encoding="utf-8") != original
    want, got = load_spec(EXAMPLES / "salon-reception-2016.txt"), load_spec(moved)
    assert [(u.code, u.urn, u.title, u.level, u.credits, u.glh, u.group) for u in got.units] == [
        (u.code, u.urn, u.title, u.level, u.credits, u.glh, u.group) for u in want.units
    ]
    assert got.qualifications[0].rules == want.qualifications[0].rules
