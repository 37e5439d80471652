"""``qualcli check``: each rule broken by a hand-made spec, and silence on consistent corpus specs."""

from __future__ import annotations

import json

import pytest

from qualcli.model import Qualification, RuleGroup
from tests.conftest import assert_one_line_error, assert_valid
from tests.support.specs import rules_doc, spec, unit, write


def consistent():
    """A small spec that breaks no rule."""
    units = [unit("U1", 3, 20, urn="A/123/4567", outcomes={"1": ["1.1", "1.2"], "2": ["2.1"]}), unit("U2", 3, 25, urn="B/123/4568")]
    qual = Qualification("Level 1 Award in Checking", number="600/1234/5", credits=6, glh=45, tqt=60,
                         rules=[RuleGroup("Mandatory", mandatory=True, units=["U1", "U2"])])
    return spec(units, [qual])


def broken(rule: str):
    """The consistent spec, changed to break exactly ``rule``."""
    doc = consistent()
    qual, u1, u2 = doc.qualifications[0], doc.units[0], doc.units[1]
    if rule == "QC001":
        qual.title = "Level 1 Diploma in Checking"
    elif rule == "QC002":
        qual.tqt = 70
    elif rule == "QC003":
        u2.glh = 31
        qual.glh = 51
    elif rule == "QC004":
        qual.glh = 40
    elif rule == "QC005":
        qual.rules.append(RuleGroup("Optional", min_credits=4, units=["U3"]))
        doc.units.append(unit("U3", 2, 10))
    elif rule == "QC006":
        qual.rules[0].units.append("U9")
    elif rule == "QC007":
        doc.units.append(unit("U3", 2, 10))
    elif rule == "QC008":
        doc.units.append(unit("U1", 3, 20, title="Another title"))
    elif rule == "QC009":
        u2.urn = u1.urn
    elif rule == "QC010":
        u1.learning_outcomes[0].criteria[1].ref = "1.3"
    elif rule == "QC011":
        u1.learning_outcomes[1].criteria = []
    elif rule == "QC012":
        qual.number = "600/12345/5"
    return doc


def run_check(qualcli, tmp_path, doc, *args):
    return qualcli("check", write(tmp_path, doc), *args)


def test_consistent_spec_is_silent(tmp_path, qualcli):
    result = run_check(qualcli, tmp_path, consistent())
    assert (result.code, result.stdout) == (0, ""), result.stdout + result.stderr


@pytest.mark.parametrize("rule", [f"QC{n:03}" for n in range(1, 13)])
def test_each_rule_fires_on_a_spec_that_breaks_it(tmp_path, qualcli, rule):
    from qualcli.check.rules import RULES

    result = run_check(qualcli, tmp_path, broken(rule), "--format", "json")
    data = json.loads(result.stdout)
    assert_valid(data, "check")
    assert {f["rule"] for f in data} == {rule}, data
    severity = RULES[rule].severity
    assert all(f["severity"] == severity for f in data)
    assert result.code == (0 if severity == "info" else 1)


def test_text_is_lint_style_and_located(tmp_path, qualcli):
    doc = broken("QC010")
    doc.units[0].learning_outcomes[0].line = 42
    result = run_check(qualcli, tmp_path, doc)
    assert result.stdout == "made-up.txt:42:1: QC010 warning unit U1 outcome 1 has no criterion 1.2 (criteria 1.1, 1.3) [U1 › 1]\n"


def test_sarif_lists_the_check_rules(tmp_path, qualcli):
    log = json.loads(run_check(qualcli, tmp_path, broken("QC002"), "--format", "sarif").stdout)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]][:2] == ["QC001", "QC002"]
    assert [r["ruleId"] for r in run["results"]] == ["QC002"] and run["results"][0]["level"] == "warning"


def test_unsatisfiable_together_but_not_alone(tmp_path, qualcli):
    doc = rules_doc()
    qual = doc.qualifications[0]
    qual.credits, qual.tqt, qual.title = 40, 400, "Level 2 Diploma in Testing"  # each group can be met, 40 credits cannot
    data = json.loads(run_check(qualcli, tmp_path, doc, "--format", "json").stdout)
    assert [(f["rule"], f["subject"]) for f in data] == [("QC005", "600/0000/1")]


def test_missing_file_is_one_line(qualcli, tmp_path):
    assert_one_line_error(qualcli("check", tmp_path / "nope.pdf"), "no such file")


CORPUS_SPECS = [
    "specs/cityandguilds-4417-customer-service-v2.8.txt",
    "specs/pearson-btec-l1-principles-customer-service-issue2.txt",
    "specs/vtct-cs2d1-l2-diploma-customer-service.txt",
    "specs-extra/pearson-btec-first-unit1-patterns-of-child-development-draft.docx",
    "specs-extra/pearson-btec-first-unit1-patterns-of-child-development.xml",
    "specs-extra/pearson-btec-first-unit3-principles-of-early-years-practice-draft.docx",
    "specs-extra/pearson-btec-first-unit3-principles-of-early-years-practice.xml",
    "specs-extra/vtct-AB20026-l2-nvq-diploma-beauty-therapy-general.pdf",
    "specs-extra/vtct-AB20117-l2-certificate-nail-technology.pdf",
    "specs-extra/vtct-AB30133-l3-diploma-beauty-therapy-treatments.pdf",
]


@pytest.mark.parametrize("name", CORPUS_SPECS)
def test_consistent_corpus_specs_are_silent_at_warning(corpus, qualcli, name):
    result = qualcli("check", corpus / name, "--format", "json")
    data = json.loads(result.stdout)
    assert_valid(data, "check")
    assert [f for f in data if f["severity"] != "info"] == [] and result.code == 0
