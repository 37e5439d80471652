"""Unit-to-unit mapping: every unit against every unit of the other documents.

Each pair gets a relation in the key awarding bodies use, read from A's side
(A is the unit of the earlier document on the command line):

- ``F`` full: every criterion of each side has a counterpart in the other;
- ``X`` full plus new: every criterion of A is covered, B has more;
- ``P`` partial: at least a quarter of one side's criteria have a counterpart;
- ``review``: a unit printed without criteria whose best title match is too
  weak to map: a candidate for a person to decide, not a mapping;
- ``none``.

A criterion's counterpart is its best-scoring criterion on the other side, if
that scores at least ``MATCH_THRESHOLD``. The text score of a pair is the mean
best-match score over the criteria of both sides, in TF-IDF weights learnt
from the pair's two documents alone (:mod:`.space`), so adding a third
document never changes it.

When both units print criteria, the relation follows the criteria. Explicit
evidence (same Ofqual reference, same content, a printed mapping) is listed,
and where it says otherwise a ``conflict`` evidence reports it. Titles are
compared for every pair as separate, weaker evidence: when the criteria find
too little, very alike titles (or shared NOS codes) make the pair ``P``.

When a unit is printed without criteria, the strongest evidence decides:
explicit evidence, else its title (F/P), else shared NOS codes (P).

The pair's score is the score of the evidence that decided its relation: the
criteria's text score, a title similarity (the evidence kind says which scale
it is on), 1.0 for the same Ofqual reference or content, 1.0/0.9/0.5 for a
printed F/X/P, 0.3 + 0.4 x the NOS overlap for shared NOS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualcli.mapping import evidence as ev
from qualcli.mapping.evidence import Evidence
from qualcli.mapping.similarity import MATCH_THRESHOLD, candidates, coverage, criterion_matches, unit_rows
from qualcli.mapping.space import Spaces
from qualcli.mapping.units import MapUnit, UnitRef, document_labels, flatten
from qualcli.model import SpecDocument
from qualcli.nos.catalogue import natural_key

PARTIAL_MIN = 0.25  # share of one side's criteria that must be matched for P
TITLE_FULL = 0.9  # title-only units: titles this similar are F, ...
TITLE_PARTIAL = 0.5  # ... this similar are P, ...
REVIEW_MIN = 0.3  # ... and a unit's best title match this similar is a review candidate
TITLE_SUPPORT = 0.75  # units with criteria: titles this similar make P a pair the criteria leave unmapped
EXPLICIT = {"same_urn": "the same Ofqual unit reference", "same_content": "the document's same-content note", "document": "the printed mapping"}


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
    spaces: Spaces | None = None  # the vectors each pair of documents was compared in


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
    spaces = Spaces(units)
    inside = within or len(docs) == 1

    def allowed(i: int, j: int) -> bool:
        a, b = units[i].doc_index, units[j].doc_index
        return a < b or (a == b and i < j and inside)

    found: dict[tuple, list[Evidence]] = {}
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

    by_doc = [[i for i, u in enumerate(units) if u.doc_index == d] for d in range(len(docs))]
    for da in range(len(docs)):
        for db in range(da if inside else da + 1, len(docs)):
            _similar(units, by_doc[da], by_doc[db], spaces.for_documents(da, db), found, same_doc=da == db)

    pairs = [_pair(key, evs, units, external) for key, evs in found.items()]
    pairs = sorted((p for p in pairs if p is not None), key=lambda p: p.order)
    rows, columns = _axes(units, docs, within, external)
    return UnitMap(pairs, rows, columns, units, spaces)


def _similar(units, side_a, side_b, space, found, same_doc: bool) -> None:
    """Add criteria and title evidence for the candidate pairs of two documents to ``found``.

    Pairs that already have explicit evidence are always scored, so that a
    conflict between that evidence and the criteria can be reported.
    """
    import numpy as np

    if not side_a or not side_b:
        return
    counts_a = np.array([len(units[i].criteria) for i in side_a], dtype=np.int64)
    counts_b = np.array([len(units[i].criteria) for i in side_b], dtype=np.int64)
    xa, ta = _side(space, side_a)
    xb, tb = _side(space, side_b)
    rows, cols = candidates(unit_rows(xa, counts_a, ta), unit_rows(xb, counts_b, tb))
    pos_a, pos_b = {i: x for x, i in enumerate(side_a)}, {j: y for y, j in enumerate(side_b)}
    forced = [(pos_a[k[0]], pos_b[k[1]]) for k in found if isinstance(k[0], int) and k[0] in pos_a and k[1] in pos_b]
    if forced:
        keys = np.unique(np.concatenate([rows * len(side_b) + cols, [x * len(side_b) + y for x, y in forced]]))
        rows, cols = np.divmod(keys, len(side_b))
    if same_doc:
        keep = np.asarray(side_a)[rows] < np.asarray(side_b)[cols]
        rows, cols = rows[keep], cols[keep]
    forced_set = set(forced)
    _criteria_evidence(units, side_a, side_b, xa, xb, counts_a, counts_b, rows, cols, found, forced_set)
    _title_evidence(units, side_a, side_b, ta, tb, counts_a, counts_b, rows, cols, found)


def _side(space, side: list[int]):
    """The criteria rows (in unit order) and title rows of some units of a space."""
    import numpy as np

    index = [np.arange(*space.bounds[i]) for i in side]
    crit = space.criteria[np.concatenate(index)] if index else space.criteria[:0]
    return crit.tocsr(), space.titles[[space.position[i] for i in side]].tocsr()


def _criteria_evidence(units, side_a, side_b, xa, xb, counts_a, counts_b, rows, cols, found, forced) -> None:
    """Criteria evidence for candidate pairs where both units print criteria."""
    import numpy as np

    both = (counts_a[rows] > 0) & (counts_b[cols] > 0)
    rows, cols = rows[both], cols[both]
    if not len(rows):
        return
    with_a, with_b = np.nonzero(counts_a > 0)[0], np.nonzero(counts_b > 0)[0]
    cov = coverage(xa, counts_a[with_a], xb, counts_b[with_b], np.searchsorted(with_a, rows), np.searchsorted(with_b, cols))
    x, y = with_a[cov.rows], with_b[cov.cols]
    na, nb = counts_a[x], counts_b[y]
    covered_a, covered_b = cov.matched_a / na, cov.matched_b / nb
    related = (covered_a >= 1.0) | (np.maximum(covered_a, covered_b) >= PARTIAL_MIN)
    score = (cov.best_a + cov.best_b) / (na + nb)
    if forced:
        related |= np.array([(a, b) in forced for a, b in zip(x.tolist(), y.tolist())], dtype=bool)
    for k in np.nonzero(related)[0]:
        i, j = side_a[x[k]], side_b[y[k]]
        relation = relation_from_coverage(covered_a[k], covered_b[k])
        detail = (
            f"{cov.matched_a[k]}/{na[k]} criteria of {_whose(units[i])} and "
            f"{cov.matched_b[k]}/{nb[k]} of {_whose(units[j])} have a counterpart"
        )
        differing = int(na[k] - cov.matched_a[k] + nb[k] - cov.matched_b[k])
        found.setdefault((i, j), []).append(Evidence("criteria", detail, relation=relation, score=float(score[k]), differing=differing))


def _title_evidence(units, side_a, side_b, ta, tb, counts_a, counts_b, rows, cols, found) -> None:
    """Title evidence for candidate pairs: every pair's titles are compared.

    A unit without criteria maps on its title (F/P); its best title match, when
    too weak for that, is listed for review. Where both units print criteria the
    title is weaker evidence: it makes a pair P only when the criteria find too
    little and the titles are very close (``TITLE_SUPPORT``).
    """
    import numpy as np

    sims = np.zeros(len(rows), dtype=np.float32)
    for start in range(0, len(rows), 100_000):
        part = slice(start, start + 100_000)
        sims[part] = np.asarray(ta[rows[part]].multiply(tb[cols[part]]).sum(axis=1)).ravel()
    bare = (counts_a[rows] == 0) | (counts_b[cols] == 0)
    review = np.zeros(len(rows), dtype=bool)
    for side, count in ((rows, counts_a), (cols, counts_b)):
        lacking = np.nonzero((count[side] == 0) & (sims >= REVIEW_MIN))[0]
        best: dict[int, int] = {}
        for k in lacking[np.argsort(-sims[lacking], kind="stable")]:
            best.setdefault(int(side[k]), int(k))
        for k in best.values():
            review[k] |= sims[k] < TITLE_PARTIAL
    for k in np.nonzero((sims >= TITLE_PARTIAL) | review)[0]:
        i, j = side_a[rows[k]], side_b[cols[k]]
        score = float(sims[k])
        if bare[k]:
            lacking_codes = ", ".join(units[u].ref.code for u in (i, j) if not units[u].has_criteria)
            if score < TITLE_PARTIAL:
                detail, relation = f"no criteria printed for {lacking_codes}: best title match, too weak to map: for review", "review"
            else:
                detail, relation = f"no criteria printed for {lacking_codes}: matched on title", relation_from_title(score)
        elif score >= TITLE_SUPPORT or (i, j) in found:  # otherwise it could never change anything
            relation = "P" if score >= TITLE_SUPPORT else "none"
            detail = "titles alike (weaker evidence than the criteria)"
        else:
            continue
        found.setdefault((i, j), []).append(Evidence("title", detail, relation=relation, score=score))


def _whose(unit: MapUnit) -> str:
    """``271`` or ``271 (printed under 201, same content)`` for borrowed criteria."""
    if unit.criteria_of:
        return f"{unit.ref.code} (printed under {unit.criteria_of}, same content)"
    return unit.ref.code


def _pair(key, evidence: list[Evidence], units: list[MapUnit], external: dict) -> Pair | None:
    """Decide one pair's relation and score from its evidence.

    When both units print criteria the criteria decide; failing them, very
    alike titles or shared NOS make the pair P. Explicit evidence that says
    otherwise is listed and the conflict reported. Otherwise the strongest
    evidence with a relation decides; a weak title match is a review candidate.
    """
    evidence.sort(key=ev.strength)
    if key[0] == "ext":
        a, b_index = external[key], key[3]
        order = (-1, a.document, natural_key(a.code), b_index)
        both = False
    else:
        i, b_index = key
        a, order = units[i].ref, (i, b_index)
        both = units[i].has_criteria and units[b_index].has_criteria
    deciding = _deciding(evidence, both)
    if deciding is None:
        return None
    if both:
        _report_conflicts(evidence, deciding)
    return Pair(a, units[b_index].ref, deciding.relation, min(1.0, deciding.score or 0.0), evidence, order)


def _deciding(evidence: list[Evidence], both: bool) -> Evidence | None:
    """The evidence whose relation the pair takes (None: the pair does not map)."""
    if both:
        criteria = next((e for e in evidence if e.kind == "criteria"), None)
        if criteria is not None and criteria.relation != "none":
            return criteria
        weaker = next((e for e in evidence if e.kind in ("title", "shared_nos") and e.relation == "P"), None)
        if weaker is not None:
            return weaker
        explicit = any(e.kind in EXPLICIT for e in evidence)
        return criteria if explicit else None
    deciding = next((e for e in evidence if e.relation not in (None, "none", "review")), None)
    return deciding or next((e for e in evidence if e.relation == "review"), None)


def _report_conflicts(evidence: list[Evidence], deciding: Evidence) -> None:
    """Add a ``conflict`` evidence for each explicit evidence the criteria contradict."""
    criteria = next((e for e in evidence if e.kind == "criteria"), None)
    for item in [e for e in evidence if e.kind in EXPLICIT and e.relation != deciding.relation]:
        if criteria is None:
            differ = "the criteria do not match"
        else:
            differ = f"{criteria.differing} {'criterion has' if criteria.differing == 1 else 'criteria have'} no counterpart"
        detail = f"{EXPLICIT[item.kind]} says {item.relation}, but {differ}: the relation follows the criteria ({deciding.relation})"
        evidence.append(Evidence("conflict", detail))
    evidence.sort(key=ev.strength)


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
    space = result.spaces.for_units(i, j)
    sims = criterion_matches(space.rows(i), space.rows(j))
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
