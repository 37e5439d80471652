"""Unit-to-unit mapping: every unit against every unit of the other documents.

Each pair gets a relation in the key awarding bodies use, read from A's side
(A is the unit of the earlier document on the command line):

- ``F`` full: every criterion of each side has a counterpart in the other;
- ``X`` full plus new: every criterion of A is covered, B has more;
- ``P`` partial: at least a quarter of one side's criteria have a counterpart;
- ``none``.

A criterion's counterpart is its best-scoring criterion on the other side, if
that scores at least ``MATCH_THRESHOLD``. The text score of a pair is the mean
best-match score over the criteria of both sides. Units printed only as titles
are matched on title similarity instead, and the evidence says so. Explicit
evidence (same Ofqual reference, same content, a printed mapping) decides the
relation over text similarity; shared NOS codes alone make a pair ``P``. The
pair's score is the score of the evidence that decided its relation: 1.0 for
the same Ofqual reference or content, 1.0/0.9/0.5 for a printed F/X/P, the
text score for criteria or titles, 0.3 + 0.4 x the NOS overlap for shared NOS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualcli.mapping import evidence as ev
from qualcli.mapping.evidence import Evidence
from qualcli.mapping.similarity import MATCH_THRESHOLD, Vectoriser, coverage, criterion_matches, tokens
from qualcli.mapping.units import MapUnit, UnitRef, document_labels, flatten
from qualcli.model import SpecDocument
from qualcli.nos.catalogue import natural_key

PARTIAL_MIN = 0.25  # share of one side's criteria that must be matched for P
TITLE_FULL = 0.9  # title-only units: titles this similar are F, ...
TITLE_PARTIAL = 0.5  # ... this similar are P


@dataclass
class Pair:
    """One cell of the matrix: two units, their relation, score and evidence."""

    a: UnitRef
    b: UnitRef
    relation: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    order: tuple = ()

    def to_dict(self) -> dict[str, Any]:
        """One item of ``pairs`` in ``schemas/map.schema.json``."""
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "relation": self.relation,
            "score": round(float(self.score), 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class UnitMap:
    """The result of mapping units: pairs in deterministic order, plus matrix axes."""

    pairs: list[Pair]
    rows: list[UnitRef]
    columns: list[UnitRef]
    units: list[MapUnit]
    vectors: Any = None  # criterion vectors of every unit, stacked in unit order
    starts: list[int] = field(default_factory=list)  # first criterion row of each unit


def relation_from_coverage(covered_a: float, covered_b: float) -> str:
    """F / X / P / none from the share of each side's criteria that are matched."""
    if covered_a >= 1.0:
        return "F" if covered_b >= 1.0 else "X"
    if max(covered_a, covered_b) >= PARTIAL_MIN:
        return "P"
    return "none"


def relation_from_title(similarity: float) -> str:
    """F / P / none for units compared on their titles alone."""
    if similarity >= TITLE_FULL:
        return "F"
    return "P" if similarity >= TITLE_PARTIAL else "none"


def map_units(docs: list[SpecDocument], within: bool = False) -> UnitMap:
    """Map every unit against every unit of the later documents (and its own, with ``within``)."""
    units = flatten(docs)
    labels = document_labels(docs)
    crit_tokens = [tokens(text) for unit in units for _, text in unit.criteria]
    title_tokens = [tokens(unit.ref.title or "") for unit in units]
    vectoriser = Vectoriser(crit_tokens + title_tokens)
    vectors = vectoriser.transform32(crit_tokens)
    titles = vectoriser.transform32(title_tokens)
    starts = [0]
    for unit in units:
        starts.append(starts[-1] + len(unit.criteria))

    found: dict[tuple, list[Evidence]] = {}
    by_doc = [[i for i, u in enumerate(units) if u.doc_index == d] for d in range(len(docs))]
    inside = within or len(docs) == 1
    for da in range(len(docs)):
        for db in range(da if inside else da + 1, len(docs)):
            _similar(units, by_doc[da], by_doc[db], vectors, starts, titles, found, same_doc=da == db)

    def allowed(i: int, j: int) -> bool:
        a, b = units[i].doc_index, units[j].doc_index
        return a < b or (a == b and i < j and inside)

    for i, j, evidence in [*ev.by_urn(units), *ev.by_same_content(units), *ev.by_shared_nos(units)]:
        if allowed(i, j):
            found.setdefault((i, j), []).append(evidence)
    external: dict[tuple, UnitRef] = {}
    for printed in ev.by_document(docs, units, labels):
        if isinstance(printed.old, UnitRef):
            key = ("ext", printed.old.document, printed.old.code, printed.new)
            external[key] = printed.old
        else:
            key = (min(printed.old, printed.new), max(printed.old, printed.new))
        found.setdefault(key, []).append(printed.evidence)

    pairs = [_pair(key, evs, units, external) for key, evs in found.items()]
    pairs = sorted((p for p in pairs if p is not None), key=lambda p: p.order)
    rows, columns = _axes(units, docs, within, external)
    return UnitMap(pairs, rows, columns, units, vectors, starts)


def _similar(units, side_a, side_b, vectors, starts, titles, found, same_doc: bool) -> None:
    """Add criteria and title evidence for one block of documents to ``found``."""
    import numpy as np
    from scipy import sparse

    with_a = [i for i in side_a if units[i].has_criteria]
    with_b = [i for i in side_b if units[i].has_criteria]
    if with_a and with_b:
        rows_a = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in with_a])
        rows_b = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in with_b])
        counts_a = np.array([len(units[i].criteria) for i in with_a])
        counts_b = np.array([len(units[i].criteria) for i in with_b])
        cov = coverage(vectors[rows_a], list(counts_a), vectors[rows_b], list(counts_b))
        covered_a = cov.matched_a / counts_a[:, None]
        covered_b = cov.matched_b / counts_b[None, :]
        candidate = (covered_a >= 1.0) | (np.maximum(covered_a, covered_b) >= PARTIAL_MIN)
        score = (cov.best_a + cov.best_b) / (counts_a[:, None] + counts_b[None, :])
        for x, y in zip(*np.nonzero(candidate)):
            i, j = with_a[x], with_b[y]
            if same_doc and i >= j:
                continue
            relation = relation_from_coverage(covered_a[x, y], covered_b[x, y])
            detail = (
                f"{cov.matched_a[x, y]}/{counts_a[x]} criteria of {_whose(units[i])} and "
                f"{cov.matched_b[x, y]}/{counts_b[y]} of {_whose(units[j])} have a counterpart"
            )
            found.setdefault((i, j), []).append(Evidence("criteria", detail, relation=relation, score=float(score[x, y])))
    titled_a = [i for i in side_a if not units[i].has_criteria]
    titled_b = [i for i in side_b if not units[i].has_criteria]
    for group_a, group_b in ((titled_a, side_b), (side_a, titled_b)):
        if not group_a or not group_b:
            continue
        sims = (titles[group_a] @ sparse.csr_matrix(titles[group_b]).T).toarray()
        for x, y in zip(*np.nonzero(sims >= TITLE_PARTIAL)):
            i, j = group_a[x], group_b[y]
            if (same_doc and i >= j) or any(e.kind == "title" for e in found.get((i, j), [])):
                continue
            bare = ", ".join(units[k].ref.code for k in (i, j) if not units[k].has_criteria)
            detail = f"no criteria printed for {bare}: matched on title"
            found.setdefault((i, j), []).append(Evidence("title", detail, relation=relation_from_title(sims[x, y]), score=float(sims[x, y])))


def _whose(unit: MapUnit) -> str:
    """``271`` or ``271 (printed under 201, same content)`` for borrowed criteria."""
    if unit.criteria_of:
        return f"{unit.ref.code} (printed under {unit.criteria_of}, same content)"
    return unit.ref.code


def _pair(key, evidence: list[Evidence], units: list[MapUnit], external: dict) -> Pair | None:
    """Decide one pair's relation and score from its evidence (strongest first)."""
    evidence.sort(key=ev.strength)
    if key[0] == "ext":
        a, b_index = external[key], key[3]
        order = (-1, a.document, natural_key(a.code), b_index)
    else:
        i, b_index = key
        a, order = units[i].ref, (i, b_index)
    deciding = next((e for e in evidence if e.relation not in (None, "none")), None)
    if deciding is None:
        return None
    return Pair(a, units[b_index].ref, deciding.relation, min(1.0, deciding.score or 0.0), evidence, order)


def _axes(units, docs, within, external) -> tuple[list[UnitRef], list[UnitRef]]:
    """Matrix rows and columns: earlier documents' units by later documents' (all by all within one)."""
    everything = within or len(docs) == 1
    last = len(docs) - 1
    rows = [ref for ref in dict.fromkeys(external.values())]
    rows += [u.ref for u in units if everything or u.doc_index < last]
    columns = [u.ref for u in units if everything or u.doc_index > 0]
    return rows, columns


def add_criterion_detail(result: UnitMap, pair_index: int | None = None) -> None:
    """Fill each criteria evidence with the best criterion pairs and the unmatched criteria."""
    index_of = {(u.ref.document, u.ref.code): k for k, u in enumerate(result.units)}
    targets = result.pairs if pair_index is None else [result.pairs[pair_index]]
    for pair in targets:
        for evidence in pair.evidence:
            if evidence.kind != "criteria":
                continue
            i, j = index_of[(pair.a.document, pair.a.code)], index_of[(pair.b.document, pair.b.code)]
            detail = criterion_detail(result, i, j)
            evidence.criteria, evidence.unmatched_a, evidence.unmatched_b = detail


def criterion_detail(result: UnitMap, i: int, j: int):
    """``(matched, unmatched_a, unmatched_b)`` for units i and j: each A criterion's best B criterion."""
    ua, ub = result.units[i], result.units[j]
    if not (ua.has_criteria and ub.has_criteria):
        return [], [ref for ref, _ in ua.criteria], [ref for ref, _ in ub.criteria]
    sims = criterion_matches(result.vectors[result.starts[i] : result.starts[i + 1]], result.vectors[result.starts[j] : result.starts[j + 1]])
    best_b = sims.argmax(axis=1)
    matched = []
    unmatched_a = []
    for x, (ref, _) in enumerate(ua.criteria):
        score = float(sims[x, best_b[x]])
        if score >= MATCH_THRESHOLD:
            matched.append({"a": ref, "b": ub.criteria[best_b[x]][0], "score": round(score, 3)})
        else:
            unmatched_a.append(ref)
    unmatched_b = [ref for y, (ref, _) in enumerate(ub.criteria) if sims[:, y].max() < MATCH_THRESHOLD]
    return matched, unmatched_a, unmatched_b
