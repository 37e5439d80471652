"""``qualcli map`` on the real corpus (runs when QUALCLI_CORPUS is set and the body's plugin is installed)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_valid

CG = "specs/cityandguilds-4417-customer-service-v2.8.txt"
PEARSON = "specs/pearson-btec-l1-principles-customer-service-issue2.txt"
VTCT = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"


def needs_plugin(body: str) -> None:
    from qualcli.plugins import parsers

    if body not in {p.body for p in parsers()}:
        pytest.skip(f"no parser for {body} installed")


@pytest.fixture(scope="module")
def cg_map(corpus):
    from qualcli.loading import load_spec
    from qualcli.mapping.relations import add_criterion_detail, map_units

    needs_plugin("cityandguilds")
    result = map_units([load_spec(corpus / CG)])
    add_criterion_detail(result)
    return result


def pair(result, a: str, b: str):
    return next((p for p in result.pairs if (p.a.code, p.b.code) == (a, b)), None)


@pytest.mark.parametrize("a, b", [("201", "271"), ("301", "371")])
def test_same_content_units_are_full(cg_map, a, b):
    found = pair(cg_map, a, b)
    assert found.relation == "F" and found.score == 1.0
    kinds = [e.kind for e in found.evidence]
    assert kinds[:2] == ["same_urn", "same_content"]


@pytest.mark.parametrize("a, b", [("202", "272"), ("302", "372")])
def test_reworded_twins_are_near_full_and_the_differences_are_named(cg_map, a, b):
    found = pair(cg_map, a, b)
    assert found.relation in ("P", "X") and found.score >= 0.75
    criteria = next(e for e in found.evidence if e.kind == "criteria")
    unit_a = next(u for u in cg_map.units if u.ref.code == a)
    assert len(criteria.criteria) >= 0.85 * len(unit_a.criteria)
    assert 1 <= len(criteria.unmatched_a) <= 4 and 1 <= len(criteria.unmatched_b) <= 4


def test_explain_prints_the_differing_criteria(qualcli, corpus):
    needs_plugin("cityandguilds")
    result = qualcli("map", corpus / CG, "--explain", "202", "272")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    summary = next(line for line in lines if line.startswith("differing criteria:"))
    assert "only in 202" in summary and "only in 272" in summary
    assert sum(line.startswith("  only in 202: ") for line in lines) >= 1
    assert sum(line.startswith("  only in 272: ") for line in lines) >= 1


def test_annexe_a_mappings_are_document_evidence(corpus):
    from qualcli.loading import load_spec
    from qualcli.mapping.relations import map_units

    needs_plugin("pearson")
    result = map_units([load_spec(corpus / PEARSON)])
    printed = [p for p in result.pairs if p.evidence[0].kind == "document"]
    assert len(printed) == 7
    assert {p.b.code for p in printed} == {"1", "2"}
    assert all(p.relation == p.evidence[0].relation == "P" for p in printed)
    assert all(p.a.document.startswith("predecessor named in") for p in printed)


def test_vtct_explicit_nos_and_scored_inferred_nos(corpus, expected):
    from qualcli.loading import load_spec
    from qualcli.mapping.nos_map import map_nos
    from qualcli.nos.catalogue import catalogue

    needs_plugin("vtct")
    result = map_nos([load_spec(corpus / VTCT)], catalogue())
    facts = expected[VTCT.split("/")[1]]["units"]
    for code, unit in facts.items():
        explicit = [p.b.code for p in result.pairs if p.a.code == code and p.relation == "explicit"]
        assert explicit == unit["nos"], code
        assert all(catalogue().get(c) is not None for c in explicit)
    inferred = [p for p in result.pairs if p.relation == "inferred"]
    assert inferred
    for p in inferred:
        unit = next(u for u in result.units if u.ref == p.a)
        assert 0 < p.score <= 1
        assert p.evidence[0].criteria or not unit.has_criteria, p


def test_three_bodies_json_is_valid_and_deterministic(qualcli, corpus):
    for body in ("vtct", "cityandguilds", "pearson"):
        needs_plugin(body)
    files = [corpus / VTCT, corpus / CG, corpus / PEARSON]
    first = qualcli("map", *files, "--format", "json")
    assert first.code == 0, first.stderr
    assert qualcli("map", *files, "--format", "json").stdout == first.stdout
    data = json.loads(first.stdout)
    assert_valid(data, "map")
    assert [d["body"] for d in data["documents"]] == ["vtct", "cityandguilds", "pearson"]
    nos = qualcli("map", *files, "--to", "nos", "--format", "json")
    assert nos.code == 0
    assert_valid(json.loads(nos.stdout), "map")


def test_inferred_nos_measured_against_the_codes_the_document_names(corpus):
    """Hide the NOS codes VTCT prints (10, on three units) and see how many inference finds again.

    Both parts of the goal are measured: at least 5 of the 10 found, and no more
    wrong codes ranked above the right ones found (per unit, above its lowest
    ranked right code) than right ones. Co-occurrence is learnt from the other
    units only, and these units name no code together, so it adds nothing here.
    Figures: 1 of 10 (criteria only, top 3), then 4 of 10 (titles, relative
    cut-off) with 6 wrong codes above them; now 5 of 10 with 2 wrong above them
    (background words not counted as shared, whole-text containment, a word
    counted once per text, titles weighted 0.8, statements for CFACSB1, CFACSF1
    and CFAM&LDC2 from sources).
    """
    from qualcli.loading import load_spec
    from qualcli.mapping.nos_map import map_nos
    from qualcli.nos.catalogue import catalogue

    needs_plugin("vtct")
    doc = load_spec(corpus / VTCT)
    truth = {u.code: {ref.code for ref in u.nos} for u in doc.units if u.nos}
    doc.units = [u for u in doc.units if u.code in truth]
    for unit in doc.units:
        unit.nos = []
    ranked: dict[str, list[str]] = {}
    for pair in map_nos([doc], catalogue()).pairs:  # in rank order within each unit
        ranked.setdefault(pair.a.code, []).append(pair.b.code)
    found = wrong_above = 0
    for unit, codes in ranked.items():
        right = [i for i, code in enumerate(codes) if code in truth[unit]]
        found += len(right)
        wrong_above += sum(1 for code in codes[: right[-1]] if code not in truth[unit]) if right else 0
    expected = sum(len(codes) for codes in truth.values())
    missed = sorted(f"{unit}:{code}" for unit, codes in truth.items() for code in codes if code not in ranked.get(unit, []))
    print(f"inferred NOS: {found} of {expected} printed codes found, {wrong_above} wrong codes ranked above them; missed {missed}")
    assert expected == 10
    assert found >= 5 and wrong_above <= found