"""The VTCT Level 2 Diploma in Customer Service: every fact of corpus/expected.yaml holds."""

from __future__ import annotations

import json
import re

import pytest

from qualcli.testing import assert_valid_spec


def _rule_for(qualification, group: str):
    matches = [rule for rule in qualification.rules if rule.name.endswith(f"Group {group}")]
    assert len(matches) == 1, [rule.name for rule in qualification.rules]
    return matches[0]


def _criterion_ref(short: str) -> str:
    """expected.yaml writes criteria as printed in the book: "1a" -> canonical "1.1"."""
    number, letter = re.fullmatch(r"(\d+)([a-z])", short).groups()
    return f"{number}.{ord(letter) - ord('a') + 1}"


def _note(expected: dict, pattern: str) -> re.Match:
    for note in expected["notes"]:
        if isinstance(note, dict):  # YAML reads "text: more text" as a mapping
            note = "; ".join(f"{key}: {value}" for key, value in note.items())
        match = re.search(pattern, note)
        if match:
            return match
    raise AssertionError(f"no note in expected.yaml matches {pattern!r}")


def test_parsed_by_the_vtct_plugin_and_valid(diploma, diploma_expected):
    assert diploma.body == diploma_expected["body"] == "vtct"
    assert diploma.source.plugin == "vtct" and diploma.source.format == "txt"
    assert_valid_spec(diploma)


def test_qualification_figures(diploma, diploma_expected):
    (want,) = diploma_expected["qualifications"]
    (got,) = diploma.qualifications
    assert got.title == want["title"]
    assert got.number == want["number"]
    assert got.level == str(want["level"])
    assert (got.credits, got.tqt, got.glh) == (want["credits"], want["tqt"], want["glh"])
    assert got.dates["operational_start"] == want["operational_start"].isoformat()


def test_rules_of_combination(diploma, diploma_expected):
    (want,) = diploma_expected["qualifications"]
    (got,) = diploma.qualifications
    assert len(got.rules) == len(want["rules"])
    for rule in want["rules"]:
        group = _rule_for(got, rule["group"])
        if "name" in rule:
            assert group.name.startswith(rule["name"])
        assert group.min_credits == rule.get("min_credits")
        assert group.max_credits == rule.get("max_credits")
        assert group.mandatory is rule.get("mandatory", False)
        assert len(group.units) == rule["units"]
    assert any("Optional Group D" in text and "maximum of 7 credits" in text for text in got.rules_text)
    assert len(got.rules_text) == len(set(got.rules_text)), "the sentence printed under every table is kept once"


def test_every_listed_unit_has_its_table_figures(diploma, diploma_expected):
    listed = [unit for unit in diploma.units if unit.urn]
    assert len(listed) == len(diploma.units) == diploma_expected["units_listed"]
    for unit in listed:
        assert re.fullmatch(r"[A-Z]/\d{3}/\d{4}", unit.urn)
        assert unit.credits and unit.glh and unit.level in ("2", "3"), unit.code
    in_tables = {rule_unit for rule in diploma.qualifications[0].rules for rule_unit in rule.units}
    assert in_tables == {unit.code for unit in diploma.units}


def test_units_printed_in_full(diploma, diploma_expected):
    in_full = [unit for unit in diploma.units if unit.learning_outcomes]
    assert len(in_full) == diploma_expected["units_in_full"]
    for code, want in diploma_expected["units"].items():
        unit = diploma.unit(code)
        assert (unit.urn, unit.title, unit.level) == (want["urn"], want["title"], str(want["level"])), code
        assert (unit.credits, unit.glh) == (want["credits"], want["glh"]), code
        if "observations" in want:
            assert unit.observations == want["observations"]
        assert len(unit.learning_outcomes) == want["lo"], code
        assert [len(o.criteria) for o in unit.learning_outcomes] == want["ac_per_lo"], code
        assert sum(len(o.criteria) for o in unit.learning_outcomes) == want["ac"], code
        assert [nos.code for nos in unit.nos] == want["nos"], code
        assert unit.aim and unit.aim.startswith("The aim of this unit"), code


def test_criteria_refs_kinds_and_texts(diploma):
    unit = diploma.unit("UBU19")
    kinds = [outcome.kind for outcome in unit.learning_outcomes]
    assert kinds == ["performance"] * 3 + ["knowledge"] * 2, "observation outcomes 1-3, knowledge outcomes 4-5"
    first = unit.learning_outcomes[0].criteria[0]
    assert (first.ref, first.source_ref) == ("1.1", "a.")
    assert first.text == "Keep up-to-date with an organisation's products and/or services", "the * mark is not text"
    last = unit.learning_outcomes[-1].criteria[-1]
    assert (last.ref, last.source_ref) == ("5.4", "d.")
    for other in ("UBU20", "UBU21", "UBU22", "UBU23"):
        assert {o.kind for o in diploma.unit(other).learning_outcomes} == {"knowledge"}, other


def test_supplementary_evidence_flags(diploma, diploma_expected):
    match = _note(diploma_expected, r"^(\w+) criteria marked with \* .*supplementary evidence.*\(([^)]*)\)")
    unit = diploma.unit(match.group(1))
    wanted = {_criterion_ref(short.strip()) for short in match.group(2).split(",")}
    flagged = {c.ref for o in unit.learning_outcomes for c in o.criteria if "supplementary-evidence" in c.flags}
    assert flagged == wanted
    others = [c.ref for u in diploma.units if u is not unit for o in u.learning_outcomes for c in o.criteria if c.flags]
    assert others == []


def test_nos_suites_and_titles(diploma, diploma_expected):
    match = _note(diploma_expected, r"^(.*) name the (.*) NOS suite but no codes")
    for code in re.findall(r"UBU\d+", match.group(1)):
        unit = diploma.unit(code)
        assert unit.nos_suites == [match.group(2)] and unit.nos == [], code
    nos = diploma.unit("UBU19").nos
    assert {ref.suite for ref in nos} == {match.group(2)}
    assert nos[0].title == "Maintain a positive and customer-friendly attitude"
    assert diploma.unit("UBU23").nos[0].suite == "Management and Leadership (2012)"


def test_levels_and_assessment_methods(diploma, diploma_expected):
    level3 = _note(diploma_expected, r"Level 3 optional units in the tables: (.*)\.")
    codes = re.findall(r"UBU\d+", level3.group(1))
    assert sorted(u.code for u in diploma.units if u.level == "3") == sorted(codes)
    methods = _note(diploma_expected, r"^(\w+) has an observation but no portfolio of evidence")
    assert diploma.unit(methods.group(1)).assessment == ["observation"]
    assert diploma.unit("UBU19").assessment == ["observation", "portfolio of evidence"]
    assert diploma.unit("UBU20").assessment == ["portfolio of evidence"]
    assert all(unit.assessment for unit in diploma.units), "every unit has a row in the methods table"


def test_nothing_dropped(diploma):
    kept = "\n".join(block.text for block in diploma.unstructured)
    assert "ideal if you continually want to deliver and improve" in kept  # the introduction
    reasons = {block.reason: block.text for block in diploma.unstructured}
    assert reasons["front matter: Unit assessment methods"].startswith("This section provides an overview")
    assert "Ofqual unit reference" not in kept and "A/506/2130" not in kept, "table rows are structured, not left over"
    assert any(block.reason == "back matter" and "Copyright" in block.text for block in diploma.unstructured)
    assert diploma.version_date == "2019-02", "the month printed with the copyright line"
    evidence = [s for s in diploma.unit("UBU19").sections if s.title == "Evidence requirements"]
    assert evidence and "at least two occasions" in evidence[0].text
    assert diploma.warnings == []


def test_cli_parse_json(qualcli, diploma_path, tmp_path):
    out = tmp_path / "diploma.json"
    result = qualcli("parse", diploma_path, "--format", "json", "-o", out)
    assert result.code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_valid_spec(data)
    assert len(data["units"]) == 39 and data["source"]["plugin"] == "vtct"


@pytest.mark.parametrize("unit", ["UBU19", "UBU23"])
def test_cli_show_unit(qualcli, diploma_path, unit):
    result = qualcli("show", diploma_path, unit)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(f"{unit}: ")
    assert "LO 1" in result.stdout
