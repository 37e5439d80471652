"""The NVQ and 2023-layout record books of corpus/specs-extra: every fact of expected.yaml holds.

AB20026 is an NVQ book ("Outcome N" bars, stacked unit figures, "(continued)"
outcomes, bars after their criteria in the text stream); AB30133 prints each
outcome under Observations and again under Knowledge, lettering running on.
Everything below is read from expected.yaml; nothing is hard-coded here.
"""

from __future__ import annotations

import re

import pytest

from qualcli.testing import assert_valid_spec
from qualcli_vtct.layout import letter_number

NVQ = "specs-extra/vtct-AB20026-l2-nvq-diploma-beauty-therapy-general.pdf"
TWICE = "specs-extra/vtct-AB30133-l3-diploma-beauty-therapy-treatments.pdf"
BOOKS = (NVQ, TWICE)


@pytest.fixture(scope="module", params=BOOKS, ids=["AB20026-nvq", "AB30133-twice"])
def book(request, corpus, expected):
    """(parsed book, its expected.yaml entry), each parsed once per module."""
    from qualcli.loading import load_spec

    cache = request.config.cache_parsed = getattr(request.config, "cache_parsed", {})
    if request.param not in cache:
        cache[request.param] = load_spec(corpus / request.param)
    return cache[request.param], expected[request.param]


def _criteria(unit):
    return [criterion for outcome in unit.learning_outcomes for criterion in outcome.criteria]


def test_parsed_as_vtct_and_valid(book):
    doc, want = book
    assert doc.body == want["body"] == "vtct"
    assert doc.source.plugin == "vtct"
    assert_valid_spec(doc)


def test_qualification(book):
    doc, want = book
    (wanted,) = want["qualifications"]
    (got,) = doc.qualifications
    assert (got.title, got.number, got.level) == (wanted["title"], wanted["number"], str(wanted["level"]))
    assert (got.credits, got.tqt) == (wanted["credits"], wanted["tqt"])
    if "glh_range" in wanted:
        assert got.details["glh_range"] == wanted["glh_range"]
        assert got.glh == wanted["glh_range"][0]
    else:
        assert got.glh == wanted["glh"]
    assert got.dates["accreditation_start"] == wanted["accreditation_start"].isoformat()
    assert [(r.name, r.mandatory, r.units) for r in got.rules] == [
        (rule["name"], rule.get("mandatory", False), rule["units"]) for rule in wanted["rules"]
    ]
    for rule, wanted_rule in zip(got.rules, wanted["rules"]):
        assert rule.min_credits == wanted_rule.get("min_credits", wanted_rule.get("credits"))


def test_units_listed_and_in_full(book):
    doc, want = book
    assert len(doc.units) == want["units_listed"]
    assert [unit.code for unit in doc.units if unit.learning_outcomes] == want["units_in_full"]
    for code, wanted in want["units"].items():
        unit = doc.unit(code)
        assert (unit.urn, unit.title, unit.credits, unit.glh) == (wanted["urn"], wanted["title"], wanted["credits"], wanted["glh"])
        assert unit.external_papers == wanted["external_papers"], code
        assert unit.level == (str(wanted["level"]) if "level" in wanted else None), code


def test_unit_figures_and_nos(book):
    doc, want = book
    for code in want["units_in_full"]:
        unit, wanted = doc.unit(code), want["units"][code]
        assert unit.observations == wanted["observations"], code
        assert [ref.code for ref in unit.nos] == wanted["nos"], code


def test_outcomes_and_criteria_counts(book):
    doc, want = book
    for code in want["units_in_full"]:
        unit, wanted = doc.unit(code), want["units"][code]
        assert len(unit.learning_outcomes) == wanted["lo"], code
        assert [len(o.criteria) for o in unit.learning_outcomes] == wanted["ac_per_lo"], code
        assert len(_criteria(unit)) == wanted["ac"], code
        for outcome in unit.learning_outcomes:
            assert [c.ref for c in outcome.criteria] == [f"{outcome.ref}.{n}" for n in range(1, len(outcome.criteria) + 1)]


def test_observation_and_knowledge(book):
    doc, want = book
    for code in want["units_in_full"]:
        unit, wanted = doc.unit(code), want["units"][code]
        if "observation_outcomes" in wanted:  # NVQ: knowledge outcomes take new numbers
            observed = [int(o.ref) for o in unit.learning_outcomes if o.kind == "performance"]
            assert observed == wanted["observation_outcomes"], code
        if "ac_knowledge_per_lo" in wanted:  # one outcome, criteria split over two sections
            knowledge = [sum(1 for c in o.criteria if _in_knowledge(o, c)) for o in unit.learning_outcomes]
            assert knowledge == wanted["ac_knowledge_per_lo"], code


def _in_knowledge(outcome, criterion) -> bool:
    return "knowledge" in criterion.flags or outcome.kind == "knowledge"


def test_samples(book):
    doc, want = book
    for code in want["units_in_full"]:
        unit = doc.unit(code)
        for sample in want["units"][code]["samples"]:
            (criterion,) = [c for c in _criteria(unit) if c.ref == sample["ref"]]
            assert criterion.source_ref == f"{sample['printed']}.", (code, sample)
            assert criterion.text.startswith(sample["starts"]), (code, criterion.text)
            assert criterion.page is not None


def test_continued_outcomes_stay_one_outcome(book):
    doc, want = book
    for code in want["units_in_full"]:
        unit = doc.unit(code)
        refs = [o.ref for o in unit.learning_outcomes]
        assert refs == [str(n) for n in range(1, len(refs) + 1)], code
        for outcome in unit.learning_outcomes:
            assert "continued" not in outcome.text.lower()
            assert not outcome.text.lower().startswith(("outcome ", "learning outcome ")), (code, outcome.text)


def _starred_in_note(want: dict) -> dict[str, list[str]] | None:
    """expected.yaml's note "Criteria marked * (...) - UG31G20 1d 2c; ..." as code -> canonical refs."""
    for note in want["notes"]:
        text = note if isinstance(note, str) else "; ".join(f"{k}: {v}" for k, v in note.items())
        match = re.match(r"Criteria marked \*.*? - (.*)$", text)
        if match:
            starred = {}
            for part in match.group(1).split(";"):
                code, *marks = part.split()
                starred[code] = [re.sub(r"(\d+)([a-z]+)", lambda m: f"{m[1]}.{letter_number(m[2])}", mark) for mark in marks]
            return starred
    return None


def test_starred_criteria_get_the_footnote_flag(book):
    doc, want = book
    starred = _starred_in_note(want) or {}
    for code in want["units_in_full"]:
        flagged = [c.ref for c in _criteria(doc.unit(code)) if "oral-questioning" in c.flags]
        assert flagged == starred.get(code, []), code
    assert not any("marked *" in warning for warning in doc.warnings)


NUMBER_WORDS = {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def test_a_bulleted_list_after_a_criterion_belongs_to_it(book):
    """expected.yaml: "UV30424 criterion 2s is followed by a bulleted list of nine body systems ..." (not criteria)."""
    doc, want = book
    for note in want["notes"]:
        match = re.match(r"(\w+) criterion (\d+)([a-z]+) is followed by a bulleted list of (\w+)", note if isinstance(note, str) else "")
        if match:
            code, outcome, letter, count = match.groups()
            (criterion,) = [c for c in _criteria(doc.unit(code)) if c.ref == f"{outcome}.{letter_number(letter)}"]
            items = [line for line in criterion.text.splitlines() if line.startswith("- ")]
            assert len(items) == NUMBER_WORDS[count], criterion.text
            assert len(_criteria(doc.unit(code))) == want["units"][code]["ac"]
