"""The diff engine on documents built in the test: alignment, what counts as a change, --ignore."""

from __future__ import annotations

import copy

import pytest

from qualcli.diff.compare import diff_documents
from qualcli.errors import QualcliError
from qualcli.model import (
    Criterion,
    LearningOutcome,
    NosRef,
    Qualification,
    RuleGroup,
    Source,
    SpecDocument,
    Unit,
    VersionEntry,
)


def make_doc() -> SpecDocument:
    """A small two-unit document in the common model (invented wording)."""

    def outcome(ref, text, *criteria, guidance=()):
        notes = dict(guidance)
        return LearningOutcome(ref=ref, text=text, criteria=[
            Criterion(ref=f"{ref}.{i}", text=t, source_ref=f"{chr(96 + i)}.", guidance=notes.get(i), line=10 * i)
            for i, t in enumerate(criteria, 1)
        ])

    units = [
        Unit(code="GR01", urn="A/700/0001", title="Welcome visitors to the garden centre", level="2", credits=3, glh=20,
             nos=[NosRef(code="HORT1"), NosRef(code="HORT2")], line=5,
             learning_outcomes=[
                 outcome("1", "Be able to welcome visitors",
                         "Greet visitors as they arrive",
                         "Direct visitors to the plants they ask for",
                         "Explain the opening hours to visitors",
                         guidance=[(2, "Visitors may ask for bedding plants, shrubs or trees.")]),
                 outcome("2", "Know how to keep visitors safe",
                         "Describe the hazards of wet floors in the glasshouse",
                         "Explain how to report an accident",
                         guidance=[(2, "Accidents are recorded as the Health and Safety at Work etc. Act 1974 requires.")]),
             ]),
        Unit(code="GR02", urn="F/700/0002", title="Care for house plants on display", level="2", credits=2, glh=15,
             learning_outcomes=[
                 outcome("1", "Be able to care for plants on display",
                         "Water plants according to their labels",
                         "Remove damaged leaves and flowers"),
             ]),
        Unit(code="GR03", urn="J/700/0003", title="Sell seeds and bulbs", level="2", credits=2, glh=12,
             learning_outcomes=[outcome("1", "Know the seasons for sowing", "Identify which seeds are sown in spring")]),
    ]
    qualification = Qualification(
        title="Level 2 Certificate in Garden Centre Service", number="600/7000/1", level="2", credits=7, glh=47, tqt=70,
        rules=[RuleGroup(name="A", mandatory=True, min_credits=5, units=["GR01", "GR02"]),
               RuleGroup(name="B", min_credits=2, units=["GR03"])])
    return SpecDocument(
        source=Source(path="garden.txt", sha256="0" * 64, format="txt"), body="vtct", version="1",
        version_history=[VersionEntry(version="1", date="2021-03", changes=["First issue"])],
        qualifications=[qualification], units=units)


def changes(old, new, ignore=()):
    return [(c.kind, list(c.path)) for c in diff_documents(old, new, ignore).changes]


def crit(doc, unit, outcome, index):
    return doc.unit(unit).learning_outcomes[outcome].criteria[index]


def test_a_document_against_itself_reports_nothing():
    assert changes(make_doc(), make_doc()) == []


def test_layout_is_not_content():
    new = make_doc()
    new.source = Source(path="garden.pdf", sha256="1" * 64, format="pdf", pages=12)
    c = crit(new, "GR01", 0, 1)
    c.text = "•  Direct visitors\nto the   plants they  ask for"
    c.guidance = "<ul><li>Visitors may ask for <b>bedding plants</b>, shrubs or trees .</li></ul>"
    crit(new, "GR01", 1, 0).text = "Describe the hazards of wet floors in the\u00a0glasshouse"
    for unit in new.units:
        unit.line, unit.page = 400, 9
        for outcome in unit.learning_outcomes:
            for criterion in outcome.criteria:
                criterion.line = criterion.line + 1000
    new.warnings.append("a parser warning is not content")
    assert changes(make_doc(), new) == []


def test_reworded_criterion_is_one_change_with_both_wordings():
    new = make_doc()
    crit(new, "GR01", 0, 2).text = "Explain the opening hours and car parking to visitors"
    report = diff_documents(make_doc(), new)
    assert [(c.kind, list(c.path)) for c in report.changes] == [
        ("changed", ["units", "GR01", "outcomes", "1", "criteria", "1.3", "text"])]
    assert report.changes[0].old == "Explain the opening hours to visitors"
    assert report.changes[0].new == "Explain the opening hours and car parking to visitors"


def test_deleted_criterion_is_removed():
    new = make_doc()
    del new.unit("GR01").learning_outcomes[0].criteria[2]
    assert changes(make_doc(), new) == [("removed", ["units", "GR01", "outcomes", "1", "criteria", "1.3"])]


def test_inserted_criterion_renumbers_the_rest_as_moves():
    new = make_doc()
    criteria = new.unit("GR01").learning_outcomes[0].criteria
    criteria.insert(1, Criterion(ref="1.2", text="Offer visitors a trolley or basket"))
    for i, c in enumerate(criteria[2:], 3):
        c.ref = f"1.{i}"
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, list(c.path), c.old, c.new) for c in result] == [
        ("added", ["units", "GR01", "outcomes", "1", "criteria", "1.2"], None, Criterion(ref="1.2", text="Offer visitors a trolley or basket")),
        ("moved", ["units", "GR01", "outcomes", "1", "criteria", "1.3"], "1.2", "1.3"),
        ("moved", ["units", "GR01", "outcomes", "1", "criteria", "1.4"], "1.3", "1.4"),
    ]
    assert result[1].old_path == ("units", "GR01", "outcomes", "1", "criteria", "1.2")


def test_swapped_criteria_with_new_wording_are_moved_and_changed():
    new = make_doc()
    criteria = new.unit("GR01").learning_outcomes[0].criteria
    criteria[1:3] = [criteria[2], criteria[1]]
    criteria[1].ref, criteria[2].ref = "1.2", "1.3"
    criteria[2].text = "Direct visitors quickly to the plants they ask for"
    assert changes(make_doc(), new) == [
        ("moved", ["units", "GR01", "outcomes", "1", "criteria", "1.2"]),
        ("moved", ["units", "GR01", "outcomes", "1", "criteria", "1.3"]),
        ("changed", ["units", "GR01", "outcomes", "1", "criteria", "1.3", "text"]),
    ]


def test_criterion_moved_to_another_outcome():
    new = make_doc()
    moved = new.unit("GR01").learning_outcomes[0].criteria.pop(2)
    moved.ref = "2.3"
    new.unit("GR01").learning_outcomes[1].criteria.append(moved)
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, c.path, c.old_path) for c in result] == [
        ("moved", ("units", "GR01", "outcomes", "2", "criteria", "2.3"), ("units", "GR01", "outcomes", "1", "criteria", "1.3"))]


def test_renumbered_outcome_does_not_repeat_for_each_criterion():
    new = make_doc()
    outcomes = new.unit("GR01").learning_outcomes
    outcomes.insert(0, LearningOutcome(ref="1", text="Know the layout of the garden centre",
                                       criteria=[Criterion(ref="1.1", text="Describe where each kind of plant is kept")]))
    for number, outcome in enumerate(outcomes[1:], 2):
        old_ref, outcome.ref = outcome.ref, str(number)
        for c in outcome.criteria:
            c.ref = c.ref.replace(f"{old_ref}.", f"{number}.", 1)
    assert changes(make_doc(), new) == [
        ("added", ["units", "GR01", "outcomes", "1"]),
        ("moved", ["units", "GR01", "outcomes", "2"]),
        ("moved", ["units", "GR01", "outcomes", "3"]),
    ]
    added = diff_documents(make_doc(), new).changes[0]
    assert isinstance(added.new, LearningOutcome)  # typed until rendering
    assert added.new.criteria == [Criterion(ref="1.1", text="Describe where each kind of plant is kept")]
    assert added.to_dict()["new"]["criteria"] == [{"ref": "1.1", "text": "Describe where each kind of plant is kept"}]


def test_renamed_unit_is_a_title_change():
    new = make_doc()
    new.unit("GR02").title = "Care for house plants and cut flowers on display"
    assert changes(make_doc(), new) == [("changed", ["units", "GR02", "title"])]


def test_renumbered_unit_is_moved_by_its_ofqual_reference_and_keeps_its_rule_group():
    new = make_doc()
    new.unit("GR03").code = "GR09"
    new.qualifications[0].rules[1].units = ["GR09"]
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, c.path, c.old, c.new) for c in result] == [("moved", ("units", "GR09"), "GR03", "GR09")]


def test_renumbered_unit_with_a_new_reference_is_matched_by_content():
    new = make_doc()
    unit = new.unit("GR02")
    unit.code, unit.urn = "GR12", "T/799/0012"
    new.qualifications[0].rules[0].units = ["GR01", "GR12"]
    assert changes(make_doc(), new) == [("moved", ["units", "GR12"]), ("changed", ["units", "GR12", "urn"])]


def test_unit_added_and_removed():
    new = make_doc()
    new.units[2] = Unit(code="GR04", urn="L/700/0004", title="Load customers' cars safely", credits=2)
    new.qualifications[0].rules[1].units = ["GR04"]
    assert changes(make_doc(), new) == [
        ("added", ["qualifications", "600/7000/1", "rules", "B", "units", "GR04"]),
        ("removed", ["qualifications", "600/7000/1", "rules", "B", "units", "GR03"]),
        ("added", ["units", "GR04"]),
        ("removed", ["units", "GR03"]),
    ]


def test_unit_moved_to_another_rule_group():
    new = make_doc()
    new.qualifications[0].rules[0].units = ["GR01"]
    new.qualifications[0].rules[1].units = ["GR02", "GR03"]
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, c.path, c.old_path, c.old, c.new) for c in result] == [(
        "moved", ("qualifications", "600/7000/1", "rules", "B", "units", "GR02"),
        ("qualifications", "600/7000/1", "rules", "A", "units", "GR02"), "A", "B")]


def test_credits_and_glh_of_unit_and_qualification():
    new = make_doc()
    new.unit("GR02").credits, new.unit("GR02").glh = 3, 18
    new.qualifications[0].credits, new.qualifications[0].glh = 8, 50
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, list(c.path), c.old, c.new) for c in result] == [
        ("changed", ["qualifications", "600/7000/1", "credits"], 7, 8),
        ("changed", ["qualifications", "600/7000/1", "glh"], 47, 50),
        ("changed", ["units", "GR02", "credits"], 2, 3),
        ("changed", ["units", "GR02", "glh"], 15, 18),
    ]


def test_guidance_added_changed_and_ignored():
    new = make_doc()
    crit(new, "GR01", 0, 1).guidance = "Visitors may ask for bedding plants, climbers, shrubs or trees."
    crit(new, "GR02", 0, 0).guidance = "Labels give the watering needs of each plant."
    assert changes(make_doc(), new) == [
        ("changed", ["units", "GR01", "outcomes", "1", "criteria", "1.2", "guidance"]),
        ("added", ["units", "GR02", "outcomes", "1", "criteria", "1.1", "guidance"]),
    ]
    assert changes(make_doc(), new, ignore=["guidance"]) == []


def test_nos_and_version_history():
    new = make_doc()
    new.unit("GR01").nos = [NosRef(code="HORT1"), NosRef(code="HORT7")]
    new.version = "2"
    new.version_history.append(VersionEntry(version="2", date="2023-09", changes=["NOS updated"]))
    assert changes(make_doc(), new) == [
        ("changed", ["version"]),
        ("added", ["version_history", "2"]),
        ("removed", ["units", "GR01", "nos", "HORT2"]),
        ("added", ["units", "GR01", "nos", "HORT7"]),
    ]
    assert changes(make_doc(), new, ignore=["nos", "version", "version_history"]) == []


def test_legislation_added_and_removed_in_a_unit():
    new = make_doc()
    crit(new, "GR01", 1, 1).guidance = (
        "Accidents are recorded as the Reporting of Injuries, Diseases and Dangerous Occurrences Regulations 2013 require.")
    result = changes(make_doc(), new)
    assert result[0] == ("changed", ["units", "GR01", "outcomes", "2", "criteria", "2.2", "guidance"])
    assert [kind for kind, path in result[1:]] == ["removed", "added"]
    assert all(path[:3] == ["units", "GR01", "legislation"] for _, path in result[1:])
    assert changes(make_doc(), new, ignore=["legislation"]) == result[:1]


def test_summary_counts_per_kind_and_unit():
    new = make_doc()
    crit(new, "GR01", 0, 0).text = "Greet visitors warmly as they arrive"
    new.unit("GR02").credits = 4
    new.unit("GR03").title = "Sell seeds, bulbs and plug plants"
    summary = diff_documents(make_doc(), new).to_dict()["summary"]
    assert summary == {"total": 3, "by_kind": {"added": 0, "removed": 0, "changed": 3, "moved": 0},
                       "by_unit": {"GR01": 1, "GR02": 1, "GR03": 1}}


def test_result_is_deterministic_and_symmetric():
    new = make_doc()
    del new.unit("GR01").learning_outcomes[0].criteria[0]
    new.unit("GR02").glh = 16
    first = diff_documents(make_doc(), copy.deepcopy(new)).to_dict()
    assert first == diff_documents(make_doc(), copy.deepcopy(new)).to_dict()
    backwards = diff_documents(new, make_doc()).to_dict()["summary"]["by_kind"]
    assert backwards == {"added": first["summary"]["by_kind"]["removed"], "removed": first["summary"]["by_kind"]["added"],
                         "changed": first["summary"]["by_kind"]["changed"], "moved": first["summary"]["by_kind"]["moved"]}


def test_unknown_ignore_field_is_a_user_error():
    with pytest.raises(QualcliError, match="unknown field 'guidence'.*guidance"):
        diff_documents(make_doc(), make_doc(), ignore=["guidence"])


def test_renamed_rule_group_keeps_its_units():
    new = make_doc()
    new.qualifications[0].rules[0].name = "Mandatory"
    result = diff_documents(make_doc(), new).changes
    assert [(c.kind, c.path, c.old, c.new) for c in result] == [
        ("changed", ("qualifications", "600/7000/1", "rules", "Mandatory", "name"), "A", "Mandatory")]


def test_changes_are_listed_outcome_by_outcome():
    new = make_doc()
    unit = new.unit("GR01")
    unit.learning_outcomes[0].criteria[0].text = "Greet visitors warmly as they arrive"
    unit.learning_outcomes[1].text = "Know how to keep visitors and staff safe"
    unit.learning_outcomes[1].criteria[0].text = "Describe the hazards of wet and icy floors in the glasshouse"
    assert [c.path[3:] for c in diff_documents(make_doc(), new).changes] == [
        ("1", "criteria", "1.1", "text"),
        ("2", "text"),
        ("2", "criteria", "2.1", "text"),
    ]


def test_mentions_of_renumbered_criteria_follow_the_renumbering():
    old, new = make_doc(), make_doc()
    old.unit("GR01").learning_outcomes[1].criteria[1].guidance = "Criterion 2.2 builds on 1.3 and 1.30."
    criteria = new.unit("GR01").learning_outcomes[0].criteria
    criteria.insert(0, Criterion(ref="1.1", text="Open the gates on time"))
    for i, c in enumerate(criteria[1:], 2):
        c.ref = f"1.{i}"
    new.unit("GR01").learning_outcomes[1].criteria[1].guidance = "Criterion 2.2 builds on 1.4 and 1.30."
    assert [kind for kind, _ in changes(old, new)] == ["added", "moved", "moved", "moved"]
    new.unit("GR01").learning_outcomes[1].criteria[1].guidance = "Criterion 2.2 builds on 1.4 and 1.31."
    assert changes(old, new)[-1] == ("changed", ["units", "GR01", "outcomes", "2", "criteria", "2.2", "guidance"])


def test_nos_codes_repeated_across_suites_are_told_apart():
    old, new = make_doc(), make_doc()
    old.unit("GR02").nos = [NosRef(code="1", suite="Level 2"), NosRef(code="1", suite="Level 3")]
    new.unit("GR02").nos = [NosRef(code="1", suite="Level 2"), NosRef(code="2", suite="Level 3")]
    assert changes(old, new) == [
        ("removed", ["units", "GR02", "nos", "Level 3: 1"]),
        ("added", ["units", "GR02", "nos", "Level 3: 2"]),
    ]


@pytest.mark.parametrize("printed, as_read", [
    ("products and/or services", "products and/\nor services"),
    ("a **brand** promise", "a brand\npromise"),
    ("“customer’s” needs", '"customer\'s" needs'),
    ("<li>Face-to-face</li>", "• Face-to-face"),
    ("- Projects - Observed work", "Projects\nObserved work"),
    ("eye contact , a smile", "eye contact, a smile"),
])
def test_layout_variants_compare_equal(printed, as_read):
    from qualcli.diff.normalise import comparable

    assert comparable(printed) == comparable(as_read)
