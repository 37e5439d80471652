"""``qualcli map`` on fixtures we author: relations, gold-set quality, outputs, explain, overrides."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from qualcli.mapping.relations import add_criterion_detail, map_units, relation_from_coverage
from qualcli.specfile import load_data, load_spec_file
from tests.conftest import FIXTURES, assert_one_line_error, assert_valid

MAP = FIXTURES / "map"
OLD, NEW = MAP / "salon-old.yaml", MAP / "salon-new.yaml"
GOLD_SETS = [("salon-old.yaml", "salon-new.yaml", "gold.yaml"), ("retail-body1.yaml", "retail-body2.yaml", "retail-gold.yaml"), ("catering-a.yaml", "catering-b.yaml", "catering-gold.yaml")]


def gold_pairs(a: str, b: str, gold: str) -> tuple[dict, dict]:
    """(expected, predicted) relations by (a code, b code) between two gold documents."""
    docs = [load_spec_file(MAP / a), load_spec_file(MAP / b)]
    expected = {(p["a"], p["b"]): p["relation"] for p in load_data(MAP / gold)["pairs"]}
    result = map_units(docs)
    predicted = {(p.a.code, p.b.code): p.relation for p in result.pairs if p.a.document == a and p.b.document == b}
    return expected, predicted


@pytest.mark.parametrize("name", ["salon-old.yaml", "salon-new.yaml", "retail-body1.yaml", "retail-body2.yaml", "telephone-nos.yaml"])
def test_fixtures_are_valid_specs(name):
    assert_valid(load_data(MAP / name))


def test_gold_set_precision_and_recall():
    """Measured on three hand-decided gold sets (see tests/fixtures/map/*gold.yaml).

    "mapped" counts a pair as right when both sides agree it maps at all;
    "exact" also needs the same relation. The paraphrased catering set is where
    word matching falls short: it finds the pairs but calls them P, never stronger.
    """
    expected, predicted = {}, {}
    for a, b, gold in GOLD_SETS:
        e, p = gold_pairs(a, b, gold)
        expected.update({(a, *k): v for k, v in e.items()})
        predicted.update({(a, *k): v for k, v in p.items()})
    mapped = sum(1 for key in predicted if key in expected)
    exact = sum(1 for key, relation in predicted.items() if expected.get(key) == relation)
    scores = {
        "mapped precision": mapped / len(predicted),
        "mapped recall": mapped / len(expected),
        "exact precision": exact / len(predicted),
        "exact recall": exact / len(expected),
    }
    print("gold sets:", ", ".join(f"{name} {value:.2f}" for name, value in scores.items()), f"({len(expected)} gold pairs)")
    assert scores["mapped precision"] == 1.0 and scores["mapped recall"] >= 0.9
    assert scores["exact precision"] >= 0.8 and scores["exact recall"] >= 0.75
    strength = {"P": 1, "X": 2, "F": 3}
    overclaimed = [key for key, relation in predicted.items() if key in expected and strength[relation] > strength[expected[key]]]
    assert not overclaimed  # text evidence never claims more than the gold relation


@pytest.mark.parametrize(
    "covered_a, covered_b, relation",
    [(1.0, 1.0, "F"), (1.0, 0.6, "X"), (0.5, 0.4, "P"), (0.2, 1.0, "P"), (0.1, 0.2, "none")],
)
def test_relation_key(covered_a, covered_b, relation):
    assert relation_from_coverage(covered_a, covered_b) == relation


def test_evidence_kinds_on_the_gold_set():
    result = map_units([load_spec_file(OLD), load_spec_file(NEW)])
    add_criterion_detail(result)
    first = {(p.a.code, p.b.code): p.evidence[0] for p in result.pairs}
    assert first[("R7", "N7")].kind == "same_urn"
    assert first[("R6", "N6")].kind == "title" and "no criteria printed for R6" in first[("R6", "N6")].detail
    assert first[("R8", "N8")].kind == "shared_nos"
    stock = next(p for p in result.pairs if p.a.code == "R3")
    criteria = stock.evidence[0]
    assert [m["a"] for m in criteria.criteria] == ["1.1", "1.4"]
    assert criteria.unmatched_a == ["1.2", "1.3"] and criteria.unmatched_b == ["1.3", "1.4", "1.5"]


def test_printed_mappings_appear_as_document_evidence():
    result = map_units([load_spec_file(MAP / "retail-body1.yaml"), load_spec_file(MAP / "retail-body2.yaml")])
    printed = [p for p in result.pairs if p.evidence[0].kind == "document"]
    assert [(p.a.code, p.b.code, p.relation) for p in printed] == [("1", "1", "X"), ("4", "2", "P")]
    assert printed[0].a.document == "predecessor named in retail-body2.yaml"
    assert "line 140" in printed[0].evidence[0].detail


def test_one_file_maps_within_itself():
    merged = load_spec_file(OLD)
    merged.units += load_spec_file(NEW).units  # one document holding both versions' units
    result = map_units([merged])
    position = {u.ref: k for k, u in enumerate(result.units)}
    assert [(p.a.code, p.b.code) for p in result.pairs][:3] == [("R1", "N1"), ("R2", "N2"), ("R3", "N3")]
    assert all(p.a.document == p.b.document == "salon-old.yaml" and position[p.a] < position[p.b] for p in result.pairs)


def test_json_output_is_valid_deterministic_and_ordered(qualcli):
    first = qualcli("map", OLD, NEW, "--format", "json")
    second = qualcli("map", OLD, NEW, "--format", "json")
    assert first.code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert_valid(data, "map")
    assert [p["a"]["code"] for p in data["pairs"]] == ["R1", "R2", "R3", "R5", "R6", "R7", "R8", "R9"]
    assert data["pairs"][0]["a"] == {"body": "vtct", "document": "salon-old.yaml", "code": "R1", "title": "Welcome clients to the salon"}


def test_csv_long_and_matrix(qualcli):
    long = list(csv.reader(io.StringIO(qualcli("map", OLD, NEW, "--format", "csv").stdout)))
    assert long[0] == ["a_body", "a_document", "a_code", "a_title", "b_body", "b_document", "b_code", "b_title", "relation", "score", "evidence"]
    assert long[2][2] == "R2" and long[2][6] == "N2" and long[2][8] == "X" and long[2][10].startswith("criteria: 3/3")
    wide = list(csv.reader(io.StringIO(qualcli("map", OLD, NEW, "--format", "csv-matrix").stdout)))
    assert wide[0][1] == "salon-new.yaml:N1" and len(wide[0]) == 11 and len(wide) == 11
    cell = {(row[0], wide[0][k]): value for row in wide[1:] for k, value in enumerate(row) if k}
    assert cell[("salon-old.yaml:R2", "salon-new.yaml:N2")] == "X"
    assert cell[("salon-old.yaml:R4", "salon-new.yaml:N7")] == ""


def test_xlsx_has_coloured_matrix_and_pairs_with_frozen_headers(qualcli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "map.xlsx"
    assert qualcli("map", OLD, NEW, "--format", "xlsx", "-o", out).code == 0
    again = tmp_path / "again.xlsx"
    qualcli("map", OLD, NEW, "--format", "xlsx", "-o", again)
    assert out.read_bytes() == again.read_bytes()
    book = load_workbook(out)
    matrix, pairs = book["Matrix"], book["Pairs"]
    assert matrix.freeze_panes == "C2" and pairs.freeze_panes == "A2"
    assert matrix.auto_filter.ref and pairs.auto_filter.ref
    assert matrix["C2"].value == "F" and matrix["C2"].fill.fgColor.rgb.endswith("63BE7B")
    assert [c.value for c in pairs[1]][:3] == ["a_body", "a_document", "a_code"]
    assert pairs.max_row == 9


def test_markdown_and_min_score(qualcli):
    result = qualcli("map", OLD, NEW, "--format", "markdown", "--min-score", "0.6")
    assert result.code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| salon-old")]
    assert len(rows) == 6  # R3 (0.51) and R9 (0.32) fall below 0.6
    assert not any(" R9 " in row for row in rows)


def test_explain_names_the_differing_criteria(qualcli):
    result = qualcli("map", OLD, NEW, "--explain", "R3", "salon-new.yaml:N3")
    assert result.code == 0
    text = result.stdout
    assert "relation: P" in text
    assert "differing criteria: 2 only in R3, 3 only in N3" in text
    assert "only in R3: 1.2 Rotate retail stock" in text
    assert "only in N3: 1.5 Negotiate discounts" in text


def test_explain_title_only_unit_says_so(qualcli):
    result = qualcli("map", OLD, NEW, "--explain", "R6", "N6")
    assert result.code == 0 and "no criteria printed for R6: compared on title only" in result.stdout


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["--explain", "R99", "N1"], ["R99"]),
        (["--to", "courses"], ["--to"]),
        (["--format", "pdf"], ["--format"]),
        (["--min-score", "2"], ["--min-score"]),
        (["--update"], ["--overrides"]),
        (["--to", "nos", "--explain", "R1", "N1"], ["--to units"]),
    ],
)
def test_usage_errors_are_one_line(qualcli, args, fragments):
    assert_one_line_error(qualcli("map", OLD, NEW, *args), *fragments)


def test_ambiguous_explain_name(qualcli):
    assert_one_line_error(qualcli("map", OLD, OLD, "--explain", "R1", "N1"), "several units", "DOCUMENT:CODE")


def test_missing_file(qualcli, tmp_path):
    assert_one_line_error(qualcli("map", OLD, tmp_path / "nope.yaml"), "nope.yaml", "no such file")


OVERRIDES = """\
# Curated decisions for the salon mapping.
# Reviewed by the curriculum team.

decisions:
  # Fire safety is taught inside infection control now.
  - a: {code: R4, document: salon-old.yaml}
    b: {code: N7}   # checked with the centre
    decision: force
    relation: P
    note: "Agreed at the March meeting"

  - a: {code: R9}
    b: {code: N9}
    decision: forbid
    note: booking and message-taking are different skills
# end of decisions
"""


def test_overrides_force_and_forbid(qualcli, tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text(OVERRIDES, encoding="utf-8")
    data = json.loads(qualcli("map", OLD, NEW, "--format", "json", "--overrides", path).stdout)
    assert_valid(data, "map")
    by_pair = {(p["a"]["code"], p["b"]["code"]): p for p in data["pairs"]}
    forced = by_pair[("R4", "N7")]
    assert forced["relation"] == "P" and forced["evidence"][0]["kind"] == "override"
    assert "Agreed at the March meeting" in forced["evidence"][0]["detail"]
    forbidden = by_pair[("R9", "N9")]
    assert forbidden["relation"] == "none" and forbidden["evidence"][0]["relation"] == "none"
    assert forbidden["evidence"][1]["kind"] == "criteria"  # the text evidence is still shown


def test_update_appends_candidates_and_keeps_the_file_byte_for_byte(qualcli, tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text(OVERRIDES, encoding="utf-8")
    result = qualcli("map", OLD, NEW, "--overrides", path, "--update", "--format", "csv", "-o", tmp_path / "m.csv")
    assert result.code == 0 and "7 candidate pair(s) added" in result.stderr
    updated = path.read_text(encoding="utf-8")
    assert updated.startswith(OVERRIDES)
    decisions = load_data(path)["decisions"]
    assert_valid(load_data(path), "overrides")
    candidates = [d for d in decisions if d["decision"] == "candidate"]
    assert [(d["a"]["code"], d["b"]["code"]) for d in candidates] == [("R1", "N1"), ("R2", "N2"), ("R3", "N3"), ("R5", "N5"), ("R6", "N6"), ("R7", "N7"), ("R8", "N8")]
    assert candidates[1] == {"a": {"code": "R2", "body": "vtct", "document": "salon-old.yaml"}, "b": {"code": "N2", "body": "vtct", "document": "salon-new.yaml"}, "decision": "candidate", "relation": "X", "score": 0.666, "note": None}
    again = qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md")
    assert "0 candidate pair(s) added" in again.stderr and path.read_text(encoding="utf-8") == updated


def test_update_creates_a_missing_overrides_file(qualcli, tmp_path):
    path = tmp_path / "new-overrides.yaml"
    assert qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md").code == 0
    assert path.read_text(encoding="utf-8").startswith("# Curated decisions")
    assert len(load_data(path)["decisions"]) == 8


def test_update_keeps_a_differently_indented_file(qualcli, tmp_path):
    path = tmp_path / "flat.yaml"
    text = "decisions:\n- a: {code: R4}\n  b: {code: N4}   # no overlap\n  decision: forbid\n"
    path.write_text(text, encoding="utf-8")
    assert qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md").code == 0
    assert path.read_text(encoding="utf-8").startswith(text)
    assert len(load_data(path)["decisions"]) == 9


def test_invalid_overrides_file_is_one_line_error(qualcli, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("decisions:\n  - a: {code: R1}\n    b: {code: N1}\n    decision: force\n", encoding="utf-8")
    assert_one_line_error(qualcli("map", OLD, NEW, "--overrides", path), "bad.yaml", "relation")


def test_nos_mapping_explicit_and_inferred(qualcli):
    result = qualcli("map", MAP / "telephone-nos.yaml", "--to", "nos", "--format", "json")
    assert result.code == 0
    data = json.loads(result.stdout)
    assert_valid(data, "map")
    pairs = [(p["a"]["code"], p["b"]["code"], p["relation"]) for p in data["pairs"]]
    assert pairs[:2] == [("T1", "CFACSA3", "explicit"), ("T1", "XYZ99", "explicit")]
    assert ("T1", "CFACSA11", "inferred") in pairs and ("T2", "CFACSA13", "inferred") in pairs
    for pair in data["pairs"]:
        if pair["relation"] == "inferred":
            assert 0 < pair["score"] <= 1
            assert pair["evidence"][0]["criteria"], pair  # the criteria behind it
    telephone = next(p for p in data["pairs"] if p["b"]["code"] == "CFACSA11")
    assert [c["a"] for c in telephone["evidence"][0]["criteria"]] == ["1.1", "1.2"]
    # "Follow emergency procedures" shares two words with "Initiate and follow disciplinary procedures": not enough
    assert not [p for p in data["pairs"] if p["a"]["code"] == "T3"]
    unknown = next(p for p in data["pairs"] if p["b"]["code"] == "XYZ99")
    assert unknown["b"]["document"] == "Invented suite" and "not in the NOS catalogue" in unknown["evidence"][0]["detail"]


def test_nos_matrix(qualcli):
    wide = list(csv.reader(io.StringIO(qualcli("map", MAP / "telephone-nos.yaml", "--to", "nos", "--format", "csv-matrix").stdout)))
    header = wide[0]
    assert header[1:4] == ["NOS Business and Administration (2013):CFABAA621", "NOS Customer Service (2013):CFACSA3", "NOS Customer Service (2013):CFACSA11"]
    assert wide[1][2] == "E" and wide[1][3] == "I"


def test_start_up_stays_lazy():
    import subprocess
    import sys

    code = "import sys, qualcli.cli; bad = [m for m in ('numpy', 'scipy', 'openpyxl') if m in sys.modules]; print(bad)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert out.stdout.strip() == "[]"
