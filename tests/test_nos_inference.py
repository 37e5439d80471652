"""Inferred unit-to-NOS pairs: the rules of ``qualcli.mapping.nos_map`` on invented standards and units (own words)."""

from __future__ import annotations

import pytest

from qualcli.mapping import nos_map
from qualcli.mapping.nos_map import co_occurrence, map_nos, together
from qualcli.model import Criterion, LearningOutcome, NosRef, Source, SpecDocument, Unit
from qualcli.nos.catalogue import build_catalogue

STANDARDS = [
    {"code": "ZZA1", "title": "Greet guests at the front desk", "suite": "Front of house"},
    {"code": "ZZA2", "title": "Settle guest bills at the front desk", "suite": "Front of house"},
    {"code": "ZZA3", "title": "Store guest luggage safely", "suite": "Front of house"},
    {"code": "ZZA4", "title": "Deliver reliable guest service", "suite": "Front of house"},
    {"code": "ZZA5", "title": "Answer guest questions about local events", "suite": "Front of house"},
    {"code": "ZZB1", "title": "Look after the lobby", "suite": "Front of house", "performance": ["Water the lobby plants every morning"]},
]


def catalogue():
    return build_catalogue({"suites": [], "standards": [dict(s) for s in STANDARDS]}, [])


def unit(code: str, title: str, *criteria: str, nos: tuple[str, ...] = ()) -> Unit:
    outcomes = [LearningOutcome(ref="1", text="Work with guest service", criteria=[Criterion(ref=f"1.{n}", text=t) for n, t in enumerate(criteria, 1)])]
    return Unit(code=code, title=title, nos=[NosRef(code=c) for c in nos], learning_outcomes=outcomes if criteria else [])


def inferred(*units: Unit) -> dict[tuple[str, str], object]:
    doc = SpecDocument(source=Source(path="guests.yaml", sha256="0" * 64, format="txt"), body="invented", units=list(units))
    return {(p.a.code, p.b.code): p for p in map_nos([doc], catalogue()).pairs if p.relation == "inferred"}


def test_background_words_do_not_count_as_shared(monkeypatch):
    units = [
        unit("U1", "Porters", "Weigh guest luggage", "Keep the store room safely locked"),
        unit("U2", "Guest welcome", "Smile at every guest", "Offer guest service information"),
    ]

    def behind():
        return [c["a"] for c in inferred(*units)[("U1", "ZZA3")].evidence[0].criteria]

    # "guest" is in most texts: "Weigh guest luggage" shares one other word with "Store guest luggage safely", too little
    assert behind() == ["1.2"]
    monkeypatch.setattr(nos_map, "BACKGROUND_SHARE", 1.0)  # every word counts: guest + luggage are two shared words
    assert behind() == ["1.1", "1.2"]


def test_a_text_wholly_inside_a_standard_text_counts(monkeypatch):
    units = [unit("U1", "Deliver guest service", "Smile at every guest during the guest service"), unit("U2", "Guest care", "Offer guest service leaflets")]
    pair = inferred(*units)[("U1", "ZZA4")]  # shares one word that is not background, but the whole title is in ZZA4's
    assert [c["a"] for c in pair.evidence[0].criteria] == ["title"] and pair.evidence[0].criteria[0]["b"] == "ZZA4 title"
    monkeypatch.setattr(nos_map, "CONTAINED_WORDS", 99)
    assert ("U1", "ZZA4") not in inferred(*units)


def test_a_title_counts_for_less_than_a_criterion_and_statements_are_named_in_the_evidence():
    with_criteria = unit("U1", "Store guest luggage safely", "Water the plants in the lobby every morning")
    title_only = unit("U2", "Store guest luggage safely")
    found = inferred(with_criteria, title_only)
    title_score = found[("U1", "ZZA3")].evidence[0].criteria[0]["score"]
    assert found[("U1", "ZZA3")].score == pytest.approx(nos_map.TITLE_WEIGHT * title_score, abs=1e-3)
    assert found[("U2", "ZZA3")].score == pytest.approx(title_score, abs=1e-3)  # no criteria: the title is all there is
    statement = found[("U1", "ZZB1")].evidence[0]
    assert statement.criteria == [{"a": "1.1", "b": "ZZB1 P1", "score": statement.criteria[0]["score"]}]
    assert statement.detail.startswith("1 of 1 criteria resemble")


def test_codes_named_together_are_learnt_from_the_other_units_only():
    units = [unit("U1", "One", nos=("ZZA1", "ZZA2")), unit("U2", "Two", nos=("ZZA1", "ZZA2")), unit("U3", "Three", nos=("ZZA1",))]
    from qualcli.mapping.units import flatten

    doc = SpecDocument(source=Source(path="g.yaml", sha256="0" * 64, format="txt"), body="invented", units=units)
    counts = co_occurrence(flatten([doc]))
    assert together(counts, set())["ZZA1"]["ZZA2"] == pytest.approx(2 / 3)
    assert together(counts, {"ZZA1", "ZZA2"})["ZZA1"]["ZZA2"] == pytest.approx(1 / 2)  # U1 left out: U2 of U2, U3
    assert together(counts, {"ZZA1"})["ZZA1"]["ZZA2"] == pytest.approx(1.0)  # U3 left out: U1, U2 both


def test_blocks_of_any_size_give_the_same_pairs(monkeypatch):
    units = [unit(f"U{n}", t, *c) for n, (t, c) in enumerate(
        [("Deliver guest service", ["Settle the bills of departing guests at the front desk"]),
         ("Lobby care", ["Water the plants in the lobby every morning", "Greet guests at the front desk warmly"]),
         ("Luggage", ["Store guest luggage safely in the locked room"])])]  # fmt: skip

    def pairs():
        return [(a, b, round(p.score, 6), [e.to_dict() for e in p.evidence]) for (a, b), p in inferred(*units).items()]

    whole = pairs()
    monkeypatch.setattr(nos_map, "BLOCK_ROWS", 1)
    assert pairs() == whole and len(whole) >= 4


def test_a_units_scores_do_not_depend_on_the_other_documents_loaded():
    first = [unit("U1", "Deliver guest service", "Settle the bills of departing guests at the front desk"), unit("U2", "Luggage", "Store guest luggage safely")]
    other = [unit("V1", "Lobby", "Water the plants in the lobby every morning", "Answer questions about local events and guest service")]

    def scores(*docs):
        made = [SpecDocument(source=Source(path=f"{n}.yaml", sha256="0" * 64, format="txt"), body="invented", units=list(u)) for n, u in enumerate(docs)]
        return {(p.a.code, p.b.code): p.score for p in map_nos(made, catalogue()).pairs if p.a.code.startswith("U")}

    alone = scores(first)
    assert alone and scores(first, other) == alone
