"""The real BTEC Specialist specification: every fact in expected.yaml, and the details of issue 4."""

from __future__ import annotations

import pytest

from qualcli.loading import load_spec
from qualcli.model import iter_criteria
from qualcli.testing import assert_valid_spec

SPEC = "pearson-btec-l1-principles-customer-service-issue2.txt"


@pytest.fixture(scope="module")
def doc(corpus):
    return load_spec(corpus / "specs" / SPEC)


@pytest.fixture(scope="module")
def facts(expected):
    return expected[SPEC]


def test_chosen_parser_body_and_issue(doc, facts):
    assert doc.body == facts["body"] == "pearson"
    assert doc.source.plugin == "pearson-btec-specialist"
    assert doc.version == facts["issue"]
    assert_valid_spec(doc)


def test_qualifications_summary_and_rules(doc, facts):
    assert [q.title for q in doc.qualifications] == [q["title"] for q in facts["qualifications"]]
    for qualification, want in zip(doc.qualifications, facts["qualifications"]):
        assert qualification.number == want["number"]
        assert qualification.level == str(want["level"])
        assert (qualification.credits, qualification.tqt, qualification.glh) == (
            want["credits"],
            want["tqt"],
            want["glh"],
        )
        assert qualification.dates["accreditation_start"] == "2015-01-01"
        rules = want["rules"]
        mandatory = [g for g in qualification.rules if g.mandatory]
        optional = [g for g in qualification.rules if not g.mandatory]
        assert [u for g in mandatory for u in g.units] == [str(u) for u in rules["mandatory_units"]]
        assert qualification.credits == rules["min_credits"]
        if "mandatory_credits" in rules:
            assert mandatory[0].min_credits == rules["mandatory_credits"]
            assert optional[0].min_credits == rules["min_optional_credits"]
            assert optional[0].units == [str(u) for u in rules["optional_units"]]
            assert "Minimum number of credits that must be achieved 13" in qualification.rules_text
        else:
            assert not optional
            assert mandatory[0].min_credits == rules["min_credits"]


def test_every_unit_header_and_counts(doc, facts):
    assert [u.code for u in doc.units] == list(facts["units"])
    for code, want in facts["units"].items():
        unit = doc.unit(code)
        assert (unit.urn, unit.title, unit.level, unit.credits, unit.glh) == (
            want["urn"],
            want["title"],
            str(want["level"]),
            want["credits"],
            want["glh"],
        ), code
        assert len(unit.learning_outcomes) == want["lo"], code
        assert sum(len(o.criteria) for o in unit.learning_outcomes) == want["ac"], code
        assert unit.aim and unit.assessment == ["Centre-devised assessment"]
        titles = [s.title for s in unit.sections]
        for part in ("Essential resources", "Delivery", "Assessment", "Suggested resources"):
            assert part in titles, (code, part)
    assert not doc.warnings


def test_criteria_refs_follow_their_outcomes(doc):
    for unit in doc.units:
        for outcome in unit.learning_outcomes:
            refs = [c.ref for c in outcome.criteria]
            assert refs == [f"{outcome.ref}.{n}" for n in range(1, len(refs) + 1)], (unit.code, refs)


def test_header_repeated_mid_outcome_and_joined_numbers(doc):
    # Unit 1 outcome 3 is split by a repeated header after 3.4; unit 2 prints "1.2 Describe …" in one cell.
    outcome = doc.unit("1").learning_outcomes[2]
    assert [c.ref for c in outcome.criteria] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    joined = doc.unit("2").learning_outcomes[0].criteria[1]
    assert joined.ref == "1.2" and joined.text.startswith("Describe personal behaviours")
    assert joined.guidance.startswith("Personal behaviours:")


def test_amplification_is_clean_guidance_one_item_per_line(doc):
    guidance = doc.unit("1").learning_outcomes[2].criteria[5].guidance
    laws = [
        "Sale of Goods Act (1979)",
        "Trade Descriptions Act (1968)",
        "Supply of Goods and Services Act (1982)",
        "Consumer Contracts Regulations (2014)",
        "Consumer Protection Act (1987)",
        "Data Protection Act (1998)",
        "Equality Act (2010)",
    ]
    for law in laws:
        assert law in guidance
    lines = guidance.splitlines()
    assert lines[0].startswith("Legislation: ") and lines[1].startswith("Impact on customer service delivery: ")
    guided = [c.guidance for u in doc.units for o in u.learning_outcomes for c in o.criteria if c.guidance]
    assert len(guided) >= 100  # of 108; a few cells span several criteria (unit 5, 3.1-3.5)
    assert not [g for g in guided if "<" in g or "□" in g]


def test_criterion_with_its_own_list(doc):
    criterion = doc.unit("9").learning_outcomes[2].criteria[0]
    assert criterion.text.splitlines() == [
        "Identify employer responsibilities at work, in regard to:",
        "- fulfilling a contract",
        "- health and safety",
        "- equal opportunities and prevention of discrimination",
    ]


def test_assessment_guidance_reaches_every_criterion_it_names(doc):
    unit6 = {c.ref: c for o in doc.unit("6").learning_outcomes for c in o.criteria}
    assert "four employer responsibilities and two employee responsibilities" in unit6["1.1"].assessment_guidance
    for ref in ("2.1", "2.2", "2.3"):
        assert unit6[ref].assessment_guidance.startswith("To meet 2.1, 2.2 and 2.3")
    assert unit6["3.1"].assessment_guidance.startswith("For 3.1,") and "3.2" not in unit6["3.1"].assessment_guidance
    unit1 = {c.ref: c for o in doc.unit("1").learning_outcomes for c in o.criteria}
    assert unit1["2.3"].assessment_guidance.count("\n") == 1  # the 2.1–2.4 passage and its own
    assert all(
        unit1[r].assessment_guidance.startswith("For assessment criteria 2.1, 2.2, 2.3 and 2.4") for r in ("2.1", "2.4")
    )


def test_assessment_guidance_named_later_in_a_passage_or_with_its_list(doc):
    unit3 = {c.ref: c for o in doc.unit("3").learning_outcomes for c in o.criteria}
    assert unit3["1.3"].assessment_guidance.startswith("For assessment criterion 1.2,")  # "… linked with … 1.3 where …"
    unit7 = {c.ref: c for o in doc.unit("7").learning_outcomes for c in o.criteria}
    assert "(2.2)" in unit7["2.2"].assessment_guidance
    lines = unit7["3.5"].assessment_guidance.splitlines()
    assert lines[0].startswith("Assessment criteria 3.4, 3.5 and 3.6") and len(lines) == 4
    assert all(line.startswith("- ") for line in lines[1:])
    named = sum(1 for _, _, c in iter_criteria(doc) if c.assessment_guidance)
    assert named == 103  # of 108: unit 8 names only some of its criteria


def test_annexe_a_mappings_and_change_log(doc, facts):
    annexe = facts["annexe_a_mapping"]
    assert len(doc.mappings) == annexe["cells"] == 7
    assert {m.new_unit for m in doc.mappings} == {str(u) for u in annexe["new_units"]}
    assert len({m.old_unit for m in doc.mappings}) <= annexe["old_units"]
    for mapping in doc.mappings:
        assert mapping.meaning.lower().startswith(annexe["key"][mapping.relation].split()[0])
    assert ("6", "2", "P") in {(m.old_unit, m.new_unit, m.relation) for m in doc.mappings}
    (entry,) = doc.version_history
    assert entry.version == "2" and len(entry.changes) == 7
    assert "Definition of TQT added (Section 1)" in entry.changes


def test_every_legislation_mention_survives_in_the_model(doc, expected):
    """What a currency check must find in this specification is still in the parsed text, as printed."""
    texts = [u.text for u in doc.unstructured]
    for unit in doc.units:
        texts += [unit.aim or ""] + [s.text for s in unit.sections]
        for outcome in unit.learning_outcomes:
            for criterion in outcome.criteria:
                texts += [criterion.text, criterion.guidance or "", criterion.assessment_guidance or ""]
    everything = "\n".join(texts)
    mentions = expected["legislation_mentions"][SPEC]
    for mention in [m for group in mentions.values() for m in group]:
        assert mention in everything, mention
