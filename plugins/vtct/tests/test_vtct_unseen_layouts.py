"""Layouts of VTCT books the corpus does not have: fixtures of our own in those layouts."""

from __future__ import annotations

from qualcli.diagnostics import diagnose
from qualcli.detection import detect
from qualcli.loading import load_spec, read_source
from qualcli.plugins import registered_parsers
from qualcli.testing import assert_valid_spec

from vtct_testdata import FIXTURES

SINGLE_UNIT = FIXTURES / "single-unit-record-book-no-body-name.txt"


def test_single_unit_book_without_the_body_name_is_known_by_its_layout():
    source = read_source(SINGLE_UNIT)
    assert "VTCT" not in source.text
    parser = detect(source, registered_parsers()).chosen.parser
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


EXAMPLE = FIXTURES.parents[3] / "examples" / "salon-reception-2016.txt"
# The example book's structure tables as a book with a text "Level" column prints them:
# level before the title, a title wrapped onto a second row, a footnote under the last row.
LEVEL_COLUMN_TABLES = """Mandatory units - 6 credits

Unit code\tOfqual unit reference\tLevel\tUnit title\tCredit value\tGLH
SRX01\tK/615/0101\tL2\tGreet and look after salon clients\t3\t20
SRX02\tM/615/0102\tL2\tTake payments and keep client\t3\t18
\t\t\trecords\t\t

Optional units Group B - 2 credits (minimum)

Unit code\tOfqual unit reference\tLevel\tUnit title\tCredit value\tGLH
SRX03\tT/615/0103\tE3\tSell retail products at the reception desk\t2\t14
SRX04\tA/615/0104\tL1\tAnswer the salon telephone\t2\t12
*SRX04 is also offered at level 2 in another qualification.
"""


def _with_tables(tables: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("Mandatory units - 6 credits")
    end = text.index("You must complete a minimum of 8 credits")
    return text[:start] + tables + "\n" + text[end:]


def _listed(doc):
    return [(u.code, u.title, u.level, u.credits, u.glh) for u in doc.units]


WANTED = [
    ("SRX01", "Greet and look after salon clients", "2", 3, 20),
    ("SRX02", "Take payments and keep client records", "2", 3, 18),
    ("SRX03", "Sell retail products at the reception desk", "E3", 2, 14),
    ("SRX04", "Answer the salon telephone", "1", 2, 12),
]


def test_structure_table_with_a_text_level_column(tmp_path):
    path = tmp_path / "level-column.txt"
    path.write_text(_with_tables(LEVEL_COLUMN_TABLES), encoding="utf-8")
    doc = load_spec(path)
    assert _listed(doc) == WANTED
    assert [rule.units for rule in doc.qualifications[0].rules] == [["SRX01", "SRX02"], ["SRX03", "SRX04"]]
    assert any("also offered at level 2" in block.text for block in doc.unstructured), "the footnote is kept"
    assert diagnose(doc).problems == []


def test_structure_table_as_plain_pdf_lines_with_a_hidden_duplicate(tmp_path):
    """A PDF whose table is an image over a text copy: the rows arrive as plain lines, twice."""
    from tests.support.render import placed_pages_to_pdf

    rows = [
        "Qualification structure",
        "Mandatory units - 6 credits",
        "Unit code Ofqual unit reference Level Unit title Credit value GLH",
        "SRX01 K/615/0101 L2 Greet and look after salon clients 3 20",
        "SRX02 M/615/0102 L2 Take payments and keep client",
        "records 3 18",
        "Optional units Group B - 2 credits (minimum)",
        "Unit code Ofqual unit reference Level Unit title Credit value GLH",
        "SRX03 T/615/0103 E3 Sell retail products at the reception desk 2 14",
        "SRX04 A/615/0104 L1 Answer the salon telephone 2 12",
        "*SRX04 is also offered at level 2 in another qualification.",
    ]
    cover = ["VTCT Level 2 Award in Salon Reception Skills", "Credit value: 8", "Qualification number: 600/9912/4"]
    page = [(text, 60, 60 + 16 * i, 9.0) for i, text in enumerate(cover + rows + rows[1:])]
    path = placed_pages_to_pdf([page], tmp_path / "tables.pdf")
    doc = load_spec(path)
    assert _listed(doc) == WANTED
    assert [(rule.name, rule.units) for rule in doc.qualifications[0].rules] == [
        ("Mandatory", ["SRX01", "SRX02"]),
        ("Optional Group B", ["SRX03", "SRX04"]),
    ]
    assert not any("listed twice" in warning for warning in doc.warnings)
