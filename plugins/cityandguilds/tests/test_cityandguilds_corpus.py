"""The real 4417 handbook: every fact of expected.yaml, guidance on every criterion, no markup."""

from __future__ import annotations

import json
import re

import pytest
from cityandguilds_testdata import strings

from qualcli.parsing.fragments import clean_part
from tests.conftest import assert_valid

GUIDED_UNITS = ("201", "202", "272", "301", "302", "372")
_GUIDANCE_REF = re.compile(r"^\s*(\d+(?:\.\d+)+)\s*$")


def test_document_version_and_history(handbook, handbook_facts):
    assert handbook.body == handbook_facts["body"] == "cityandguilds"
    assert handbook.version == handbook_facts["version"]
    assert handbook.version_date == str(handbook_facts["version_date"])[:7]
    history = handbook.version_history
    assert len(history) == handbook_facts["version_history_entries"]
    assert [entry.version for entry in history] == [f"2.{n}" for n in range(1, 9)]
    assert all(entry.date and re.fullmatch(r"\d{4}-\d{2}", entry.date) for entry in history)
    assert all(entry.changes for entry in history)


def test_html_change_cells_become_one_change_per_item(handbook):
    by_version = {entry.version: entry for entry in handbook.version_history}
    changes = by_version["2.7"].changes
    assert changes[0].startswith("Unit 201/271 Outcome 5 Notes of guidance: 1.5.1: Deleted ")
    assert len(changes) > 10
    assert changes[-1] == "City & Guilds address updated"  # a paragraph with no items is a change of its own
    # the 2.8 entry continues on a row with an empty version cell: its 302 and 372 changes are kept
    assert any(change.startswith("Unit 302 ") for change in by_version["2.8"].changes)
    assert any(change.startswith("Unit 372 ") for change in by_version["2.8"].changes)
    assert by_version["2.6"].changes == ["Added TQT and GLH details Deleted QCF"]


@pytest.mark.parametrize("index", [0, 1])
def test_qualifications(handbook, handbook_facts, index):
    fact = handbook_facts["qualifications"][index]
    qual = next(q for q in handbook.qualifications if q.number == fact["number"])
    assert qual.title == fact["title"]
    assert qual.details["accreditation_number"] == fact["accreditation"]
    assert (qual.level, qual.credits, qual.glh, qual.tqt) == (str(fact["level"]), fact["credits"], fact["glh"], fact["tqt"])
    sets = [re.findall(r"\d+", group) for group in re.findall(r"\(([^)]*)\)", fact["rules"])]
    (rule,) = qual.rules
    assert rule.alternatives == sets
    assert rule.min_credits == fact["credits"]
    assert sorted(rule.units) == sorted(code for group in sets for code in group)
    assert qual.rules_text and all("**" not in text for text in qual.rules_text)
    assert fact["rules"].replace(" ", "") in qual.rules_text[0].replace(" ", "")


def test_units_listed_once_each(handbook, handbook_facts):
    assert sorted(u.code for u in handbook.units) == sorted(handbook_facts["units"])


@pytest.mark.parametrize(
    "code", ["201", "271", "202", "272", "301", "371", "302", "372"]
)
def test_unit_facts(handbook, handbook_facts, code):
    fact = handbook_facts["units"][code]
    unit = handbook.unit(code)
    assert (unit.urn, unit.title, unit.level, unit.credits, unit.glh) == (
        fact["uan"], fact["title"], str(fact["level"]), fact["credits"], fact["glh"]
    )
    assert unit.assessment[0] == fact["assessment"]
    assert unit.same_content_as == fact.get("same_content_as")
    if "lo" in fact:
        assert len(unit.learning_outcomes) == fact["lo"]
        assert [len(o.criteria) for o in unit.learning_outcomes] == fact["ac_per_lo"]
        assert sum(len(o.criteria) for o in unit.learning_outcomes) == fact["ac"]
    else:
        assert unit.learning_outcomes == []


def test_criterion_refs_are_canonical_with_printed_form_kept(handbook):
    refs = {}
    for code in GUIDED_UNITS:
        for outcome in handbook.unit(code).learning_outcomes:
            for index, criterion in enumerate(outcome.criteria, start=1):
                assert criterion.ref == f"{outcome.ref}.{index}"
                assert criterion.source_ref.rstrip(".").endswith(f"{outcome.ref}.{index}")
                refs[(code, criterion.ref)] = criterion.source_ref
    assert refs[("201", "1.10")] == "1.1.10."
    assert refs[("202", "1.1")] == "2.1.1"
    assert refs[("372", "3.9")] == "3.9"


def test_every_criterion_has_the_guidance_printed_after_its_own_ref(handbook, handbook_path):
    """Guidance starts with the paragraph that follows the criterion's guidance ref in the source."""
    source = handbook_path.read_text(encoding="utf-8").splitlines()
    cleaned = [clean_part(re.sub(r"^\s*-\s+", "", line)) for line in source]
    checked = 0
    for code in GUIDED_UNITS:
        for outcome in handbook.unit(code).learning_outcomes:
            for criterion in outcome.criteria:
                assert criterion.guidance, (code, criterion.ref)
                first = criterion.guidance.splitlines()[0].removeprefix("- ")[:50]
                start = next(i for i in range(criterion.line, len(source)) if cleaned[i].startswith(first))
                ref_line = next(source[i] for i in range(start - 1, 0, -1) if _GUIDANCE_REF.match(source[i]))
                assert ref_line.strip() == criterion.source_ref.rstrip("."), (code, criterion.ref)
                checked += 1
    assert checked == 32 + 28 + 28 + 18 + 19 + 19


def test_guidance_keeps_lists_and_following_paragraphs(handbook):
    guidance = handbook.unit("201").learning_outcomes[0].criteria[0].guidance.splitlines()
    assert guidance[0].endswith(":") and len(guidance) > 3
    assert all(line.startswith("- ") for line in guidance[1:])
    paragraphs_after_list = handbook.unit("201").learning_outcomes[1].criteria[1].guidance.splitlines()
    assert paragraphs_after_list[-1] and not paragraphs_after_list[-1].startswith("- ")


def test_no_output_string_carries_markup(handbook):
    data = handbook.to_dict()
    for path, text in strings(data):
        assert not re.search(r"[<>|○]", text), (path, text[:120])
        assert "**" not in text, (path, text[:120])


def test_nos_references(handbook, handbook_facts):
    level2 = {code: handbook.unit(code).nos for code in ("201", "202", "272")}
    assert [len(level2[c]) for c in ("201", "202", "272")] == [20, 19, 19]
    assert {ref.suite for refs in level2.values() for ref in refs} == {"ICS NOS NVQ Level 2"}
    codes_302 = [ref.code for ref in handbook.unit("302").nos]
    assert codes_302[:3] == ["301.1.1", "301.1.4", "301.1.5"]
    assert "301 KU3" in codes_302 and "302 KU6" in codes_302
    assert all(not re.search(r"[/,]", code) for code in codes_302)
    assert {ref.suite for ref in handbook.unit("302").nos} == {"ICS NOS NVQ Level 3"}
    assert [r.code for r in handbook.unit("372").nos] == codes_302


def test_test_specifications(handbook):
    totals = {code: handbook.unit(code).details["test_specification"]["questions"] for code in ("201", "272", "371", "372")}
    assert totals == {"201": 45, "272": 45, "371": 40, "372": 40}
    for code in totals:
        spec = handbook.unit(code).details["test_specification"]
        assert sum(item["questions"] for item in spec["outcomes"]) == spec["questions"]
        assert spec["duration"].startswith("1 hour")
    for outcome in handbook.unit("201").learning_outcomes:
        assert outcome.assessment["test_questions"] > 0
    assert "test_specification" not in handbook.unit("202").details


def test_key_skills_and_assessment_text(handbook):
    for code in ("201", "202", "301", "302"):
        skills = handbook.unit(code).details["key_skills"]
        assert any(skill.startswith("COM ") for skill in skills)
    assert handbook.unit("272").details["endorsement"].startswith("This unit is endorsed")
    signposts = {code: handbook.unit(code).details["key_skills_signposting"] for code in ("201", "271", "372")}
    assert signposts["201"] == signposts["271"] and signposts["201"] != signposts["372"]
    assert set(signposts["372"]) == {"Communication", "Application of Number", "Information and Communication Technology"}


def test_parse_command_uses_the_plugin_and_writes_valid_json(qualcli, handbook_path):
    result = qualcli("parse", handbook_path, "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["plugin"] == "cityandguilds"
    assert_valid(data)
    assert "8 unit(s)" in result.stderr


def test_confidence_tells_bodies_apart(corpus, handbook_path):
    from qualcli_cityandguilds.plugin import CityAndGuildsParser

    from qualcli.loading import read_source

    parser = CityAndGuildsParser()
    assert parser.confidence(read_source(handbook_path)).score >= 0.8
    for other in ("vtct-cs2d1-l2-diploma-customer-service.txt", "pearson-btec-l1-principles-customer-service-issue2.txt"):
        assert parser.confidence(read_source(corpus / "specs" / other)).score < 0.3, other

