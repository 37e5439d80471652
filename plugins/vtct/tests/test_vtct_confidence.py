"""The VTCT parser is sure of VTCT books in every format and unsure of other bodies' documents,
judging by VTCT's own marks only (core compares the parsers' answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcli.detection import detect
from qualcli.loading import read_source
from qualcli.plugins import registered_parsers
from qualcli_vtct.parser import VtctParser

from vtct_testdata import EXAMPLES, FIXTURES

HIGH = 0.8
LOW = 0.3  # qualcli.detection.MIN_CONFIDENCE: below it a parser is not chosen


def test_high_for_vtct_books(corpus: Path):
    parser = VtctParser()
    for path in (
        corpus / "specs" / "vtct-cs2d1-l2-diploma-customer-service.txt",
        corpus / "specs-extra" / "vtct-AB20117-l2-certificate-nail-technology.pdf",
        FIXTURES / "vtct-l2-certificate-scalp-care-2012.txt",
        EXAMPLES / "salon-reception-2016.txt",
    ):
        source = read_source(path)
        confidence = parser.confidence(source)
        assert confidence.score >= HIGH, (path.name, confidence)
        assert "names VTCT" in confidence.reason
        assert detect(source, registered_parsers()).chosen.parser.name == "vtct"


@pytest.mark.parametrize(
    "name", ["cityandguilds-4417-customer-service-v2.8.txt", "pearson-btec-l1-principles-customer-service-issue2.txt"]
)
def test_low_for_other_bodies(corpus: Path, name):
    confidence = VtctParser().confidence(read_source(corpus / "specs" / name))
    assert confidence.score < LOW, confidence
    assert "names VTCT" not in confidence.reason


def test_low_for_course_materials(corpus: Path):
    for path in sorted((corpus / "materials").glob("*.txt")):
        confidence = VtctParser().confidence(read_source(path))
        assert confidence.score < LOW, (path.name, confidence)


def test_reason_when_nothing_matches(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Shopping list\n\nmilk, bread\n", encoding="utf-8")
    confidence = VtctParser().confidence(read_source(note))
    assert confidence.score == 0 and confidence.reason == "no VTCT record-of-assessment features"
