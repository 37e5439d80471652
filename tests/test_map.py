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
MAPPED = ("F", "X", "P")
GOLD_SETS = [("salon-old.yaml", "salon-new.yaml", "gold.yaml"), ("retail-body1.yaml", "retail-body2.yaml", "retail-gold.yaml"), ("catering-a.yaml", "catering-b.yaml", "catering-gold.yaml"), ("work-a.yaml", "work-b.yaml", "work-gold.yaml")]


def gold_pairs(a: str, b: str, gold: str) -> tuple[dict, dict]:
    """(expected, predicted) relations by (a code, b code) between two gold documents."""
    docs = [load_spec_file(MAP / a), load_spec_file(MAP / b)]
    expected = {(p["a"], p["b"]): p["relation"] for p in load_data(MAP / gold)["pairs"]}
    result = map_units(docs)
    predicted = {(p.a.code, p.b.code): p.relation for p in result.pairs if p.a.document == a and p.b.document == b and p.relation in MAPPED}
    return expected, predicted


@pytest.mark.parametrize("name", ["salon-old.yaml", "salon-new.yaml", "retail-body1.yaml", "retail-body2.yaml", "work-a.yaml", "work-b.yaml", "telephone-nos.yaml"])
def test_fixtures_are_valid_specs(name):
    assert_valid(load_data(MAP / name))


def gold_scores(sets) -> tuple[dict, dict, dict]:
    """(scores, expected, predicted) over some gold sets."""
    expected, predicted = {}, {}
    for a, b, gold in sets:
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
    print(", ".join(f"{name} {value:.2f}" for name, value in scores.items()), f"({len(expected)} gold pairs)")
    return scores, expected, predicted


def test_gold_set_precision_and_recall():
    """Measured on four hand-decided gold sets (see tests/fixtures/map/*gold.yaml).

    "mapped" counts a pair as right when both sides agree it maps at all;
    "exact" also needs the same relation. The cross-body sets (retail, catering,
    work: 35 pairs) hold paraphrased criteria, knowledge against competence
    criteria, title-only units and unrelated units that must map to nothing.
    The paraphrased catering set is where word matching falls short: it finds
    most pairs but calls them P, never stronger.
    """
    cross, _, _ = gold_scores(GOLD_SETS[1:])
    assert cross["mapped precision"] >= 0.95 and cross["mapped recall"] >= 0.9
    assert cross["exact precision"] >= 0.85
    scores, expected, predicted = gold_scores(GOLD_SETS)
    assert scores["mapped precision"] >= 0.95 and scores["mapped recall"] >= 0.9
    assert scores["exact precision"] >= 0.85 and scores["exact recall"] >= 0.8
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
    assert first[("R6", "N6")].kind == "title" and "no criteria printed for R6" in first[("R6", "N6")].detail
    by_pair = {(p.a.code, p.b.code): p for p in result.pairs}
    nos = by_pair[("R8", "N8")]  # the criteria find nothing; the shared NOS code makes it P
    assert nos.relation == "P" and [e.kind for e in nos.evidence] == ["criteria", "shared_nos"]
    stock = next(p for p in result.pairs if p.a.code == "R3")
    criteria = stock.evidence[0]
    assert [m["a"] for m in criteria.criteria] == ["1.1", "1.4"]
    assert criteria.unmatched_a == ["1.2", "1.3"] and criteria.unmatched_b == ["1.3", "1.4", "1.5"]


def test_same_urn_with_differing_criteria_follows_the_criteria_and_reports_the_conflict():
    result = map_units([load_spec_file(OLD), load_spec_file(NEW)])
    pair = next(p for p in result.pairs if (p.a.code, p.b.code) == ("R7", "N7"))
    assert pair.relation == "none" and pair.score < 0.1
    assert [e.kind for e in pair.evidence] == ["same_urn", "conflict", "criteria"]
    conflict = pair.evidence[1].detail
    assert "Ofqual unit reference says F" in conflict and "4 criteria have no counterpart" in conflict


def test_same_urn_with_most_criteria_kept_is_not_full(tmp_path):
    """The issue's SRX01 case: same Ofqual reference, but one criterion changed on each side."""
    old, new = load_spec_file(OLD), load_spec_file(NEW)
    old.units = [u for u in old.units if u.code == "R1"]
    new.units = [u for u in new.units if u.code == "N1"]
    new.units[0].urn = old.units[0].urn = "A/999/0001"
    new.units[0].learning_outcomes[0].criteria[-1].text = "Sweep up cut hair from the floor"
    pair = map_units([old, new]).pairs[0]
    assert pair.relation in ("X", "P") and pair.evidence[0].kind == "same_urn"
    assert pair.evidence[1].kind == "conflict" and "says F, but 2 criteria have no counterpart" in pair.evidence[1].detail


def test_scores_do_not_change_when_a_third_document_joins():
    """TF-IDF weights come from the pair's two documents, never from the others loaded."""
    salon = [load_spec_file(OLD), load_spec_file(NEW)]
    alone = {(p.a.code, p.b.code): (p.relation, p.score) for p in map_units(salon).pairs}
    third = load_spec_file(MAP / "catering-a.yaml")
    for extra in ([third], [third, load_spec_file(MAP / "retail-body1.yaml")]):
        joined = map_units([*salon, *extra])
        assert _salon_pairs(joined) == alone
    assert _salon_pairs(map_units([salon[0], third, salon[1]])) == alone  # wherever it stands


def _salon_pairs(result) -> dict:
    return {(p.a.code, p.b.code): (p.relation, p.score) for p in result.pairs if (p.a.document, p.b.document) == ("salon-old.yaml", "salon-new.yaml")}


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
    assert len(rows) == 5  # R3 (0.53), R7 (none, 0.03) and R9 (0.32) fall below 0.6
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
    assert result.code == 0 and "6 candidate pair(s) added" in result.stderr
    updated = path.read_text(encoding="utf-8")
    assert updated.startswith(OVERRIDES)
    decisions = load_data(path)["decisions"]
    assert_valid(load_data(path), "overrides")
    candidates = [d for d in decisions if d["decision"] == "candidate"]
    assert [(d["a"]["code"], d["b"]["code"]) for d in candidates] == [("R1", "N1"), ("R2", "N2"), ("R3", "N3"), ("R5", "N5"), ("R6", "N6"), ("R8", "N8")]
    assert candidates[1] == {"a": {"code": "R2", "body": "vtct", "document": "salon-old.yaml"}, "b": {"code": "N2", "body": "vtct", "document": "salon-new.yaml"}, "decision": "candidate", "relation": "X", "score": 0.666, "note": None}
    again = qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md")
    assert "0 candidate pair(s) added" in again.stderr and path.read_text(encoding="utf-8") == updated


def test_update_creates_a_missing_overrides_file(qualcli, tmp_path):
    path = tmp_path / "new-overrides.yaml"
    assert qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md").code == 0
    assert path.read_text(encoding="utf-8").startswith("# Curated decisions")
    assert len(load_data(path)["decisions"]) == 7


def test_update_keeps_a_differently_indented_file(qualcli, tmp_path):
    path = tmp_path / "flat.yaml"
    text = "decisions:\n- a: {code: R4}\n  b: {code: N4}   # no overlap\n  decision: forbid\n"
    path.write_text(text, encoding="utf-8")
    assert qualcli("map", OLD, NEW, "--overrides", path, "--update", "-o", tmp_path / "m.md").code == 0
    assert path.read_text(encoding="utf-8").startswith(text)
    assert len(load_data(path)["decisions"]) == 8


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


def test_nos_codes_named_together_are_inferred_together():
    """Two units name CFACSA3 with CFABAA621; a third resembles CFACSA3 only, so it gets both."""
    from qualcli.mapping.nos_map import map_nos
    from qualcli.model import LearningOutcome, Criterion, NosRef, Unit
    from qualcli.nos.catalogue import catalogue

    doc = load_spec_file(MAP / "telephone-nos.yaml")
    named = [NosRef(code="CFACSA3"), NosRef(code="CFABAA621")]
    doc.units = [
        Unit(code=f"U{n}", title=f"Unit {n}", nos=list(named), learning_outcomes=[LearningOutcome(ref="1", text="Know it", criteria=[Criterion(ref="1.1", text="Keep records")])])
        for n in (1, 2)
    ] + [Unit(code="U3", title="Speaking with customers", learning_outcomes=[LearningOutcome(ref="1", text="Be able to communicate", criteria=[Criterion(ref="1.1", text="Communicate effectively with customers at all times")])])]
    inferred = {p.b.code: p for p in map_nos([doc], catalogue()).pairs if p.a.code == "U3"}
    assert "CFACSA3" in inferred and "CFABAA621" in inferred
    assert "named together with CFACSA3" in inferred["CFABAA621"].evidence[0].detail
    assert inferred["CFABAA621"].score <= inferred["CFACSA3"].score


def _invented_documents(n: int):
    """Two documents of ``n`` units: unit i of the second rewords unit i of the first for
    two thirds of i, and is unrelated for the rest (made-up words, fixed seed)."""
    import random

    from qualcli.model import Criterion, LearningOutcome, Source, SpecDocument, Unit

    rng = random.Random(15)
    words = sorted({"".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3000)})

    def unit(code, criteria):
        outcome = LearningOutcome(ref="1", text="outcome", criteria=[Criterion(ref=f"1.{k}", text=t) for k, t in enumerate(criteria, 1)])
        return Unit(code=code, title=" ".join(rng.sample(words, 2)), learning_outcomes=[outcome])

    old, new = [], []
    for i in range(n):
        topic = rng.sample(words, 20)
        criteria = [" ".join(rng.sample(topic, 5)) + " customer service" for _ in range(6)]
        old.append(unit(f"A{i}", criteria))
        other = criteria if i % 3 else [" ".join(rng.sample(rng.sample(words, 20), 5)) for _ in range(6)]
        new.append(unit(f"B{i}", [c.replace(c.split()[0], rng.choice(topic)) for c in other]))
    return [SpecDocument(source=Source(path=f"{name}.yaml", sha256="0" * 64, format="txt"), body=name, units=units) for name, units in (("old", old), ("new", new))]


def test_candidate_pairs_find_what_scoring_every_pair_finds(monkeypatch):
    """Beyond TOP_K units a side only candidate pairs are scored; on these documents the
    result (relations and scores) is the same as scoring every pair."""
    from qualcli.mapping import similarity

    docs = _invented_documents(120)
    blocked = [(p.a.code, p.b.code, p.relation, p.score) for p in map_units(docs).pairs]
    monkeypatch.setattr(similarity, "TOP_K", 1000)
    every = [(p.a.code, p.b.code, p.relation, p.score) for p in map_units(docs).pairs]
    assert blocked == every and len(every) >= 80


def test_a_weak_best_title_match_is_a_review_candidate_not_a_mapping(qualcli):
    result = map_units([load_spec_file(MAP / "work-a.yaml"), load_spec_file(MAP / "work-b.yaml")])
    by_pair = {(p.a.code, p.b.code): p for p in result.pairs}
    review = by_pair[("W22", "31")]  # W22 has no criteria; its best title match is weak
    assert review.relation == "review" and review.evidence[0].kind == "title"
    assert "too weak to map: for review" in review.evidence[0].detail and review.score < 0.5
    assert by_pair[("W19", "19")].relation == "F"  # a title-only unit with the same title maps
    both = by_pair[("W14", "14")]  # both print criteria: the criteria decide, the title is listed
    assert [e.kind for e in both.evidence] == ["criteria", "title"] and both.evidence[0].relation == both.relation
    wide = list(csv.reader(io.StringIO(qualcli("map", MAP / "work-a.yaml", MAP / "work-b.yaml", "--format", "csv-matrix").stdout)))
    cell = {(row[0], wide[0][k]): value for row in wide[1:] for k, value in enumerate(row) if k}
    assert cell[("work-a.yaml:W22", "work-b.yaml:31")] == "?"
