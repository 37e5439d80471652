"""Unit-to-NOS mapping: explicit references, and inferred ones from the unit's text.

An ``explicit`` pair is a NOS code the document names for the unit. An
``inferred`` pair is a catalogue standard whose title (or aliases and
statements, where known) is similar to one of the unit's texts: its criteria,
outcomes, title and aim. Its score is the best such text's cosine similarity
to the standard's texts, counting only texts that score at least
``INFER_THRESHOLD`` and share at least ``INFER_MIN_WORDS`` content words with
the standard's text (one shared word, such as "presentation", is too weak on
its own), where the unit's texts together contain at least ``INFER_COVERAGE``
of that standard text's word weight (IDF), so that "Follow emergency
procedures" does not infer "Initiate and follow disciplinary procedures". IDF
comes from the catalogue and the unit's own document. The evidence lists every
text behind the score.

Every standard scoring at least ``INFER_RELATIVE`` of the unit's best is
inferred (a relative cut-off: a unit that covers eight standards gets more
than one that covers one). A code that the loaded documents' units name
together with an inferred code (in ``CO_SHARE`` of the units naming it, at
least ``CO_MIN_UNITS``) is inferred too, its evidence naming that code.
"""

from __future__ import annotations

from qualcli.mapping.evidence import Evidence
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.similarity import Vectoriser, group_sums, tokens
from qualcli.mapping.units import UnitRef, flatten
from qualcli.model import SpecDocument
from qualcli.nos.catalogue import Catalogue, Standard, natural_key, normalise_code

INFER_THRESHOLD = 0.35
INFER_MIN_WORDS = 2
INFER_COVERAGE = 0.5
INFER_RELATIVE = 0.6  # standards scoring at least this share of a unit's best are inferred
CO_SHARE = 0.8  # a code named with an inferred one in this share of units is inferred too ...
CO_MIN_UNITS = 2  # ... when at least this many units name the inferred one


def nos_ref(standard: Standard | None, code: str, title: str | None, suite: str | None) -> UnitRef:
    """The ``b`` side of a unit-to-NOS pair: the standard as the catalogue (or the document) names it."""
    if standard is None:
        return UnitRef(body=None, document=suite or "NOS (not in the catalogue)", code=code, title=title)
    return UnitRef(body=None, document=f"NOS {standard.suite_label()}", code=standard.code, title=standard.title)


def _standard_texts(standard: Standard) -> list[str]:
    return [standard.title, *standard.aliases, *standard.performance, *standard.knowledge]


def unit_texts(docs: list[SpecDocument]) -> list[list[tuple[str, str]]]:
    """Per unit (in :func:`flatten` order), the texts compared with the standards: ``(label, text)``.

    Criteria (labelled by their ref), outcome texts (``LO n``), the unit title and aim.
    """
    texts = []
    for doc in docs:
        for unit in doc.units:
            items = [(c.ref, c.text) for o in unit.learning_outcomes for c in o.criteria if c.text.strip()]
            items += [(f"LO {o.ref}", o.text) for o in unit.learning_outcomes if o.text and o.text.strip()]
            items += [(label, text) for label, text in (("title", unit.title), ("aim", unit.aim)) if text and text.strip()]
            texts.append(items or [("title", "")])
    return texts


def map_nos(docs: list[SpecDocument], catalogue: Catalogue) -> UnitMap:
    """Every unit's explicit NOS references, plus inferred ones from the catalogue."""
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
    texts = unit_texts(docs)
    together = co_occurrence(units)
    for d in range(len(docs)):
        members = [i for i, u in enumerate(units) if u.doc_index == d]
        if standards and members:
            scores = _text_scores(standards, [texts[i] for i in members])
            for i, (best, behind) in zip(members, scores):
                for k, score, via in _chosen(standards, best, explicit_codes[i], together):
                    pairs.append(_inferred(units[i], i, standards[k], [(texts[i][x][0], s) for x, s in behind.get(k, [])], score, via))
    pairs.sort(key=lambda p: p.order)
    columns = _columns(pairs)
    return UnitMap(pairs, [u.ref for u in units], columns, units)


def _text_scores(standards: list[Standard], texts_of_units: list[list[tuple[str, str]]]):
    """Per unit: (best score per standard, {standard: [(text index, score)]}) over one document's units.

    IDF comes from the catalogue and this one document, so a unit's scores do
    not depend on the other documents of the run.
    """
    import numpy as np

    nos_texts = [tokens(t) for s in standards for t in _standard_texts(s)]
    owner = np.repeat(np.arange(len(standards)), [len(_standard_texts(s)) for s in standards])
    rows = [tokens(text) for items in texts_of_units for _, text in items]
    vectoriser = Vectoriser(nos_texts + rows)
    nos_vectors = vectoriser.transform32(nos_texts)
    unit_vectors = vectoriser.transform32(rows)
    sims = np.minimum((unit_vectors @ nos_vectors.T).toarray(), 1.0)  # float32 rounding can pass 1
    shared = ((unit_vectors > 0).astype("float32") @ (nos_vectors > 0).astype("float32").T).toarray()
    starts = np.cumsum([0] + [len(items) for items in texts_of_units])
    # the share of a standard's word weight found anywhere in the unit's texts
    pooled = group_sums(unit_vectors, np.diff(starts))
    covered = _idf_coverage(vectoriser, pooled, nos_vectors)[np.repeat(np.arange(len(texts_of_units)), np.diff(starts))]
    sims[(sims < INFER_THRESHOLD) | (shared < INFER_MIN_WORDS) | (covered < INFER_COVERAGE)] = 0.0
    by_standard = np.maximum.reduceat(sims, np.searchsorted(owner, np.arange(len(standards))), axis=1)
    result = []
    for u in range(len(texts_of_units)):
        block = by_standard[starts[u] : starts[u + 1]]
        best = block.max(axis=0)
        behind = {int(k): [(x, float(block[x, k])) for x in np.nonzero(block[:, k] > 0)[0]] for k in np.nonzero(best > 0)[0]}
        result.append((best, behind))
    return result


def co_occurrence(units) -> dict[str, dict[str, float]]:
    """For each NOS code the loaded documents name, how often each other code is named with it.

    ``together[c][d]`` is the share of the units naming ``c`` that also name
    ``d``, counted only where at least ``CO_MIN_UNITS`` units name ``c``.
    """
    from collections import Counter, defaultdict

    naming: dict[str, int] = Counter()
    pairs: dict[str, Counter] = defaultdict(Counter)
    for unit in units:
        codes = sorted({normalise_code(ref.code) for ref in unit.nos_refs})
        for c in codes:
            naming[c] += 1
            pairs[c].update(d for d in codes if d != c)
    return {c: {d: n / naming[c] for d, n in pairs[c].items()} for c in pairs if naming[c] >= CO_MIN_UNITS}


def _chosen(standards, best, explicit: set[str], together) -> list[tuple[int, float, str | None]]:
    """The standards inferred for one unit: ``(index, score, via)``, best first.

    A standard is kept when it scores at least ``INFER_RELATIVE`` of the unit's
    best score (a relative cut-off, not a fixed number per unit). A standard
    the documents usually name together with a kept one (``CO_SHARE`` of the
    time) is added at that score times the share, ``via`` naming the code.
    """
    import numpy as np

    key = [normalise_code(s.code) for s in standards]
    open_ = [k for k in np.argsort(-best, kind="stable") if best[k] > 0 and key[k] not in explicit]
    if not open_:
        return []
    top = float(best[open_[0]])
    chosen = {int(k): (float(best[k]), None) for k in open_ if best[k] >= INFER_RELATIVE * top}
    index = {code: k for k, code in enumerate(key)}
    for k, (score, _) in list(chosen.items()):
        for other, share in together.get(key[k], {}).items():
            j = index.get(other)
            if j is not None and share >= CO_SHARE and j not in chosen and other not in explicit:
                chosen[j] = (score * share, standards[k].code)
    return sorted(((k, s, via) for k, (s, via) in chosen.items()), key=lambda t: (-round(t[1], 6), natural_key(standards[t[0]].code)))


def _idf_coverage(vectoriser: Vectoriser, unit_vectors, nos_vectors):
    """Share of each standard text's word weight (IDF) that each row of ``unit_vectors`` contains."""
    import numpy as np
    from scipy import sparse

    idf = sparse.diags(vectoriser.idf.astype("float32"))
    nos_weights = ((nos_vectors > 0).astype("float32") @ idf).tocsr()
    totals = np.asarray(nos_weights.sum(axis=1)).ravel()
    totals[totals == 0] = 1.0
    return ((unit_vectors > 0).astype("float32") @ nos_weights.T).toarray() / totals[None, :]


def _inferred(unit, i: int, standard: Standard, behind: list[tuple[str, float]], best: float, via: str | None) -> Pair:
    b = nos_ref(standard, standard.code, standard.title, None)
    criteria = [{"a": label, "b": standard.code, "score": round(score, 3)} for label, score in behind]
    if via is not None:
        detail = f"named together with {via} in the loaded documents' units, which the text resembles"
        criteria = []
    elif unit.has_criteria:
        crit = sum(1 for label, _ in behind if label[0].isdigit())
        others = [label for label, _ in behind if not label[0].isdigit()]
        extra = f"; also {', '.join(others)}" if others else ""
        detail = f"{crit} of {len(unit.criteria)} criteria resemble the standard's title/statements{extra}"
    else:
        detail = f"no criteria printed for {unit.ref.code}: matched on {', '.join(label for label, _ in behind) or 'title'}"
    evidence = Evidence("inferred", detail, relation="inferred", score=best, criteria=criteria)
    return Pair(unit.ref, b, "inferred", best, [evidence], (i, 1, -round(best, 6), natural_key(standard.code)))


def _columns(pairs: list[Pair]) -> list[UnitRef]:
    """Every standard that appears in a pair, in natural code order."""
    seen = {p.b.code: p.b for p in pairs}
    return [seen[code] for code in sorted(seen, key=natural_key)]
