"""Layouts of VTCT books the corpus does not have: fixtures of our own in those layouts."""

from __future__ import annotations

from qualcli.diagnostics import diagnose
from qualcli.loading import choose_parser, load_spec, read_source
from qualcli.testing import assert_valid_spec

from conftest import FIXTURES

SINGLE_UNIT = FIXTURES / "single-unit-record-book-no-body-name.txt"


def test_single_unit_book_without_the_body_name_is_known_by_its_layout():
    source = read_source(SINGLE_UNIT)
    assert "VTCT" not in source.text
    parser = choose_parser(source)
    assert parser.name == "vtct"
    assert "a VTCT unit code on its own line" in parser.confidence(source).reason


def test_single_unit_book_parses_in_full():
    doc = load_spec(SINGLE_UNIT)
    assert_valid_spec(doc)
    (unit,) = doc.units
    assert (unit.code, unit.title, unit.level, unit.credits, unit.glh, unit.observations) == (
        "UV21234",
        "Prepare a treatment room for the day",
        "2",
        2,
        15,
        1,
    )
    assert [(o.ref, o.kind, len(o.criteria)) for o in unit.learning_outcomes] == [("1", "performance", 3), ("2", "knowledge", 2)]
    assert unit.learning_outcomes[0].guidance.startswith("Room checks")
    assert diagnose(doc).problems == []
