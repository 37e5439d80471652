"""Unit-to-NOS mapping: explicit references, and inferred ones from criterion text.

An ``explicit`` pair is a NOS code the document names for the unit. An
``inferred`` pair is a catalogue standard whose title (or aliases and
statements, where known) is similar to the unit's criteria: its score is the
best criterion's cosine similarity to the standard's texts, counting only
criteria that score at least ``INFER_THRESHOLD`` and share at least
``INFER_MIN_WORDS`` content words with one text (one shared word, such as
"presentation", is too weak on its own) and contain at least
``INFER_COVERAGE`` of that text's word weight (IDF), so that "Follow emergency
procedures" does not infer "Initiate and follow disciplinary procedures". Its evidence lists every such
criterion, so an inferred
mapping always names the criteria behind it. Units without criteria are
compared on their title, and the evidence says so. At most ``INFER_TOP``
standards are inferred per unit, best first.
"""

from __future__ import annotations

from qualcli.mapping.evidence import Evidence
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.similarity import Vectoriser, tokens
from qualcli.mapping.units import UnitRef, flatten
from qualcli.model import SpecDocument
from qualcli.nos.catalogue import Catalogue, Standard, natural_key, normalise_code

INFER_THRESHOLD = 0.35
INFER_MIN_WORDS = 2
INFER_COVERAGE = 0.5
INFER_TOP = 3


def nos_ref(standard: Standard | None, code: str, title: str | None, suite: str | None) -> UnitRef:
    """The ``b`` side of a unit-to-NOS pair: the standard as the catalogue (or the document) names it."""
    if standard is None:
        return UnitRef(body=None, document=suite or "NOS (not in the catalogue)", code=code, title=title)
    return UnitRef(body=None, document=f"NOS {standard.suite_label()}", code=standard.code, title=standard.title)


def _standard_texts(standard: Standard) -> list[str]:
    return [standard.title, *standard.aliases, *standard.performance, *standard.knowledge]


def map_nos(docs: list[SpecDocument], catalogue: Catalogue) -> UnitMap:
    """Every unit's explicit NOS references, plus inferred ones from the catalogue."""
    import numpy as np

    units = flatten(docs)
    pairs: list[Pair] = []
    explicit_codes: list[set[str]] = []
    for i, unit in enumerate(units):
        seen = set()
        for ref in unit.nos_refs:
            key = normalise_code(ref.code)
            if key in seen:
                continue
            seen.add(key)
            where = f" at line {ref.line}" if ref.line else ""
            known = catalogue.get(ref.code)
            note = "" if known else " (not in the NOS catalogue)"
            evidence = Evidence("explicit", f"the document names {ref.code} for unit {unit.ref.code}{where}{note}", relation="explicit", score=1.0)
            b = nos_ref(known, ref.code, ref.title, ref.suite)
            pairs.append(Pair(unit.ref, b, "explicit", 1.0, [evidence], (i, 0, natural_key(b.code))))
        explicit_codes.append(seen)

    standards = list(catalogue)
    if standards and units:
        texts = [tokens(t) for s in standards for t in _standard_texts(s)]
        owner = np.repeat(np.arange(len(standards)), [len(_standard_texts(s)) for s in standards])
        unit_texts = [[text for _, text in u.criteria] or [u.ref.title or ""] for u in units]
        rows = [tokens(t) for texts_of_unit in unit_texts for t in texts_of_unit]
        vectoriser = Vectoriser(texts + rows)
        nos_vectors = vectoriser.transform32(texts)
        unit_vectors = vectoriser.transform32(rows)
        sims = (unit_vectors @ nos_vectors.T).toarray()
        shared = ((unit_vectors > 0).astype("float32") @ (nos_vectors > 0).astype("float32").T).toarray()
        covered = _idf_coverage(vectoriser, unit_vectors, nos_vectors)
        sims[(sims < INFER_THRESHOLD) | (shared < INFER_MIN_WORDS) | (covered < INFER_COVERAGE)] = 0.0
        starts = np.cumsum([0] + [len(t) for t in unit_texts])
        # best text of each standard, per unit text row
        by_standard = np.maximum.reduceat(sims, np.searchsorted(owner, np.arange(len(standards))), axis=1)
        for i, unit in enumerate(units):
            block = by_standard[starts[i] : starts[i + 1]]
            best = block.max(axis=0)
            ranked = [k for k in np.argsort(-best, kind="stable") if best[k] > 0]
            ranked = [k for k in ranked if normalise_code(standards[k].code) not in explicit_codes[i]][:INFER_TOP]
            for k in ranked:
                pairs.append(_inferred(unit, i, standards[k], block[:, k], float(best[k])))
    pairs.sort(key=lambda p: p.order)
    columns = _columns(pairs)
    return UnitMap(pairs, [u.ref for u in units], columns, units)


def _idf_coverage(vectoriser: Vectoriser, unit_vectors, nos_vectors):
    """Share of each standard text's word weight (IDF) that each unit text contains."""
    import numpy as np
    from scipy import sparse

    idf = sparse.diags(vectoriser.idf.astype("float32"))
    nos_weights = ((nos_vectors > 0).astype("float32") @ idf).tocsr()
    totals = np.asarray(nos_weights.sum(axis=1)).ravel()
    totals[totals == 0] = 1.0
    return ((unit_vectors > 0).astype("float32") @ nos_weights.T).toarray() / totals[None, :]


def _inferred(unit, i: int, standard: Standard, scores, best: float) -> Pair:
    b = nos_ref(standard, standard.code, standard.title, None)
    if unit.has_criteria:
        behind = [
            {"a": ref, "b": standard.code, "score": round(float(s), 3)}
            for (ref, _), s in zip(unit.criteria, scores)
            if s > 0
        ]
        detail = f"{len(behind)} of {len(unit.criteria)} criteria resemble the standard's title/statements"
    else:
        behind = []
        detail = f"no criteria printed for {unit.ref.code}: matched on title"
    evidence = Evidence("inferred", detail, relation="inferred", score=best, criteria=behind)
    return Pair(unit.ref, b, "inferred", best, [evidence], (i, 1, -round(best, 6), natural_key(standard.code)))


def _columns(pairs: list[Pair]) -> list[UnitRef]:
    """Every standard that appears in a pair, in natural code order."""
    seen = {p.b.code: p.b for p in pairs}
    return [seen[code] for code in sorted(seen, key=natural_key)]
