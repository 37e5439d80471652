"""``qualcli plan``: checking choices against rules of combination and suggesting the fewest-GLH route."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from qualcli.model import Qualification
from tests.conftest import assert_one_line_error, assert_valid
from tests.support.specs import rules_doc, spec, unit, write


def brute_force_best(doc):
    """Every subset of units, filtered by the rules: the fewest-GLH valid one (ties: credits, document order)."""
    from qualcli.plan.check_choice import problems
    from qualcli.plan.rules import build

    rules = build(doc, doc.qualifications[0])
    codes = [u.code for u in rules.units]
    valid = []
    for size in range(1, len(codes) + 1):
        for combo in combinations(codes, size):
            if not problems(rules, list(combo)):
                units = [rules.unit(c) for c in combo]
                order = [codes.index(c) for c in combo]
                valid.append((sum(u.glh for u in units), sum(u.credits for u in units), order, list(combo)))
    return sorted(valid)


def test_suggest_is_exact_against_brute_force(tmp_path, qualcli):
    doc = rules_doc()
    ranked = brute_force_best(doc)
    result = qualcli("plan", write(tmp_path, doc), "--suggest", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid(data, "plan")
    assert data["units"] == ranked[0][3]
    assert data["glh"] == ranked[0][0]
    assert [a["units"] for a in data["alternatives"]] == [r[3] for r in ranked[1:3]]


def test_a_greedy_choice_is_not_the_answer(tmp_path, qualcli):
    # taking the lowest-GLH optional units first (O1, O2) reaches the 2-unit limit short of 16 credits
    data = json.loads(qualcli("plan", write(tmp_path, rules_doc()), "--suggest", "--format", "json").stdout)
    assert data["units"] == ["M1", "M2", "A2", "O1", "O3"] and data["glh"] == 93 and data["credits"] == 16


def test_prefer_and_exclude(tmp_path, qualcli):
    path = write(tmp_path, rules_doc())
    data = json.loads(qualcli("plan", path, "--suggest", "--exclude", "O3", "--prefer", "A1", "--format", "json").stdout)
    assert "O3" not in data["units"] and "A1" in data["units"] and data["valid"]
    impossible = qualcli("plan", path, "--suggest", "--exclude", "M1")
    assert impossible.code == 1 and "no valid route" in impossible.stdout


def test_check_reports_each_broken_rule_with_fixes(tmp_path, qualcli):
    result = qualcli("plan", write(tmp_path, rules_doc()), "--units", "M1,A1,A2,O1,O2,O4", "--format", "json")
    assert result.code == 1
    data = json.loads(result.stdout)
    assert_valid(data, "plan")
    assert data["valid"] is False
    by_rule = {p["rule"]: p for p in data["problems"]}
    assert by_rule["mandatory"]["fix"] == ["M2"]
    assert by_rule["one-of"]["have"] == 2 and by_rule["one-of"]["fix"] == ["A1", "A2"]
    assert by_rule["max-units"]["needed"] == "<= 2" and by_rule["max-units"]["have"] == 3


def test_check_valid_choice_exits_0(tmp_path, qualcli):
    result = qualcli("plan", write(tmp_path, rules_doc()), "--units", "M1, M2, A2, O3, O1")
    assert result.code == 0, result.stdout
    assert result.stdout.splitlines()[1].startswith("valid: M1, M2, A2, O1, O3")


def test_minimum_total_credits_is_a_rule(tmp_path, qualcli):
    data = json.loads(qualcli("plan", write(tmp_path, rules_doc()), "--units", "M1,M2,A2,O1,O2", "--format", "json").stdout)
    assert [p["rule"] for p in data["problems"]] == ["min-total-credits"]


def test_no_structured_rules_says_so(tmp_path, qualcli):
    doc = spec([unit("U1", 2, 10)], [Qualification("Award in Nothing", number="600/0000/2", rules_text=["Choose wisely."])])
    assert_one_line_error(qualcli("plan", write(tmp_path, doc), "--suggest"), "no structured rules", "Choose wisely.")


@pytest.mark.parametrize("args, fragment", [
    ((), "exactly one of"),
    (("--units", "M1", "--suggest"), "exactly one of"),
    (("--units", "M1", "--exclude", "O1"), "only apply with --suggest"),
    (("--suggest", "--prefer", "ZZ9"), "ZZ9"),
    (("--suggest", "--qualification", "999/9999/9"), "600/0000/1"),
])
def test_usage_errors(tmp_path, qualcli, args, fragment):
    assert_one_line_error(qualcli("plan", write(tmp_path, rules_doc()), *args), fragment)


def test_vtct_cs2d1_fewest_glh_route_equals_the_stated_glh(corpus, expected, qualcli):
    name = "vtct-cs2d1-l2-diploma-customer-service.txt"
    result = qualcli("plan", corpus / "specs" / name, "--suggest", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid(data, "plan")
    assert data["glh"] == expected[name]["qualifications"][0]["glh"] == 245
    assert data["credits"] >= expected[name]["qualifications"][0]["credits"]


def test_cityandguilds_one_of_alternatives(corpus, qualcli):
    path = corpus / "specs" / "cityandguilds-4417-customer-service-v2.8.txt"
    ok = qualcli("plan", path, "--qualification", "4417-02", "--units", "271,202")
    both = qualcli("plan", path, "--qualification", "4417-02", "--units", "201,271,202")
    assert (ok.code, both.code) == (0, 1)
    assert "drop one of 201, 271" in both.stdout
