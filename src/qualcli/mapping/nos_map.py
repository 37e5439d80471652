"""Unit-to-NOS mapping: explicit references, and inferred ones from the unit's text.

An ``explicit`` pair is a NOS code the document names for the unit. An
``inferred`` pair is a catalogue standard whose texts (title, aliases and, where
a source gave them, performance and knowledge statements) resemble the unit's
texts: its criteria, outcomes, title and aim. A unit text resembles a standard
text when (all must hold):

- their TF-IDF cosine similarity is at least ``INFER_THRESHOLD`` (each word
  counted once per text: :func:`_words`);
- they share ``INFER_MIN_WORDS`` content words that are not background words
  (used in ``BACKGROUND_SHARE`` of all the texts compared, as "customer" and
  "service" are in a customer service book), or one text's words, at least
  ``CONTAINED_WORDS`` of them, are all in the other ("Deliver customer service"
  inside "Deliver reliable customer service");
- the unit's texts together hold ``INFER_COVERAGE`` of the standard text's
  word weight (IDF), so that "Follow emergency procedures" does not infer
  "Initiate and follow disciplinary procedures".

The score of a standard is its best resembling unit text's similarity, a title
or aim counting at ``TITLE_WEIGHT`` when the unit also prints criteria or
outcomes (titles are weaker evidence). IDF comes from the catalogue and the
unit's own document only. The evidence lists every resembling unit text, the
standard text it resembles (``title``, ``alias n``, ``Pn``, ``Kn``) and its score.

Every standard scoring at least ``INFER_RELATIVE`` of the unit's best is
inferred (a relative cut-off: a unit that covers eight standards gets more
than one that covers one). A code that the *other* loaded units name together
with an inferred code (in ``CO_SHARE`` of the other units naming it, at least
``CO_MIN_UNITS``) is inferred too, its evidence naming that code: learnt
leave-one-out, so a unit's own printed codes never feed its inference.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from qualcli.mapping.evidence import Evidence
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.similarity import Vectoriser, group_sums, offsets, tokens
from qualcli.mapping.units import UnitRef, flatten
from qualcli.model import SpecDocument
from qualcli.nos.catalogue import Catalogue, Standard, natural_key, normalise_code

INFER_THRESHOLD = 0.35
INFER_MIN_WORDS = 2
INFER_COVERAGE = 0.5
INFER_RELATIVE = 0.6  # standards scoring at least this share of a unit's best are inferred
BACKGROUND_SHARE = 0.2  # a word in this share of the texts compared is background: it does not count as shared
CONTAINED_WORDS = 3  # ... unless one text's words (at least this many) are all in the other
TITLE_WEIGHT = 0.8  # a unit's title or aim counts for this share of a criterion or outcome resembling a standard
SUMMARY_LABELS = ("title", "aim")
CO_SHARE = 0.8  # a code named with an inferred one in this share of the other units is inferred too ...
CO_MIN_UNITS = 2  # ... when at least this many other units name the inferred one
BLOCK_ROWS = 20_000  # unit texts compared with the catalogue at once


def nos_ref(standard: Standard | None, code: str, title: str | None, suite: str | None) -> UnitRef:
    """The ``b`` side of a unit-to-NOS pair: the standard as the catalogue (or the document) names it."""
    if standard is None:
        return UnitRef(body=None, document=suite or "NOS (not in the catalogue)", code=code, title=title)
    return UnitRef(body=None, document=f"NOS {standard.suite_label()}", code=standard.code, title=standard.title)


def _standard_texts(standard: Standard) -> list[str]:
    return [standard.title, *standard.aliases, *standard.performance, *standard.knowledge]


def _standard_labels(standard: Standard) -> list[str]:
    """Names of :func:`_standard_texts` for evidence: ``title``, ``alias 1``, ``P1``, ``K1``."""
    return (
        ["title"]
        + [f"alias {n}" for n in range(1, len(standard.aliases) + 1)]
        + [f"P{n}" for n in range(1, len(standard.performance) + 1)]
        + [f"K{n}" for n in range(1, len(standard.knowledge) + 1)]
    )


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
    counts = co_occurrence(units)
    named_with = together(counts, set())  # for units that name no code themselves
    for d in range(len(docs)):
        members = [i for i, u in enumerate(units) if u.doc_index == d]
        if not (standards and members):
            continue
        for i, support in zip(members, _support(standards, [texts[i] for i in members])):
            labels = [label for label, _ in texts[i]]
            has_text = any(label not in SUMMARY_LABELS for label in labels)
            scores = _scores(support, labels, has_text)
            others = together(counts, explicit_codes[i]) if explicit_codes[i] else named_with
            for k, score, via in _chosen(standards, scores, explicit_codes[i], others):
                pairs.append(_inferred(units[i], i, standards[k], labels, support.get(k, {}), score, via))
    pairs.sort(key=lambda p: p.order)
    columns = _columns(pairs)
    return UnitMap(pairs, [u.ref for u in units], columns, units)


def _support(standards: list[Standard], texts_of_units: list[list[tuple[str, str]]]) -> list[dict[int, dict[int, tuple[float, int]]]]:
    """Per unit: ``{standard: {unit text index: (score, standard text index)}}`` (see the module doc).

    Each unit text keeps its best resembling text of each standard. Units are
    taken in blocks of about ``BLOCK_ROWS`` texts, and the products are sparse
    (only word-sharing text pairs are computed), so memory follows the block and
    the pairs found, not the size of the document times the catalogue.
    """
    import numpy as np

    labels = [_standard_labels(s) for s in standards]
    owner = np.repeat(np.arange(len(standards)), [len(x) for x in labels])
    local = np.concatenate([np.arange(len(x)) for x in labels]) if labels else np.zeros(0, dtype=np.int64)
    rows = [_words(text) for items in texts_of_units for _, text in items]
    side = _Catalogue([_words(t) for s in standards for t in _standard_texts(s)], rows)
    counts = [len(items) for items in texts_of_units]
    starts = offsets(counts)
    found: list[dict[int, dict[int, tuple[float, int]]]] = [{} for _ in texts_of_units]
    first = 0
    while first < len(counts):
        last = int(np.searchsorted(starts, starts[first] + BLOCK_ROWS, side="right")) - 1
        last = min(max(last, first + 1), len(counts))
        unit, row, col, score = side.resembling(rows[starts[first] : starts[last]], counts[first:last])
        for u, x, k, j, value in zip(unit + first, row + starts[first], owner[col], local[col], score):
            texts = found[u].setdefault(int(k), {})
            x = int(x - starts[u])
            if x not in texts or value > texts[x][0]:
                texts[x] = (float(value), int(j))
        first = last
    return found


def _words(text: str) -> list[str]:
    """A text's distinct content-word stems: in titles and short statements a repeated word ("service
    using service partnerships") says no more than one."""
    return sorted(set(tokens(text)))


class _Catalogue:
    """The catalogue's texts as matrices, with the vocabulary and IDF of one document's comparison."""

    def __init__(self, nos_texts: list[list[str]], rows: list[list[str]]):
        import numpy as np
        from scipy import sparse

        self.vectoriser = Vectoriser(nos_texts + rows)
        vectors = self.vectoriser.transform32(nos_texts)
        binary = (vectors > 0).astype(np.float32)
        n = len(nos_texts) + len(rows)
        df = (1 + n) / np.exp(self.vectoriser.idf - 1.0) - 1.0  # document frequency, back from the IDF
        specific = sparse.diags((df < BACKGROUND_SHARE * n).astype(np.float32))
        weights = (binary @ sparse.diags(self.vectoriser.idf.astype(np.float32))).tocsr()
        self.totals = np.asarray(weights.sum(axis=1)).ravel()
        self.totals[self.totals == 0] = 1.0
        self.words = np.diff(binary.indptr)
        self.vectors_t, self.binary_t = vectors.T.tocsc(), binary.T.tocsc()
        self.specific_t, self.weights_t = (binary @ specific).T.tocsc(), weights.T.tocsc()

    def resembling(self, rows: list[list[str]], counts: list[int]):
        """``(unit, row, col, score)`` arrays: each unit text (row, within these units) resembling a catalogue text."""
        import numpy as np

        vectors = self.vectoriser.transform32(rows)
        sims = (vectors @ self.vectors_t).tocoo()
        keep = sims.data >= INFER_THRESHOLD
        row, col, score = sims.row[keep], sims.col[keep], np.minimum(sims.data[keep], 1.0)  # float32 rounding can pass 1
        unit = np.repeat(np.arange(len(counts)), counts)[row]
        if not len(row):
            return unit, row, col, score
        binary = (vectors > 0).astype(np.float32)
        shared = np.asarray((binary @ self.specific_t)[row, col]).ravel()
        common = np.asarray((binary @ self.binary_t)[row, col]).ravel()
        words_a, words_b = np.diff(binary.indptr)[row], self.words[col]
        whole = ((common == words_a) & (words_a >= CONTAINED_WORDS)) | ((common == words_b) & (words_b >= CONTAINED_WORDS))
        pooled = (group_sums(binary, counts) > 0).astype(np.float32)
        covered = np.asarray((pooled @ self.weights_t)[unit, col]).ravel() / self.totals[col]
        keep = ((shared >= INFER_MIN_WORDS) | whole) & (covered >= INFER_COVERAGE)
        return unit[keep], row[keep], col[keep], score[keep]


def _scores(support: dict[int, dict[int, tuple[float, int]]], labels: list[str], has_text: bool) -> dict[int, float]:
    """A unit's score for each standard its texts resemble: the best resembling text's score.

    A title or aim counts at ``TITLE_WEIGHT`` of its similarity when the unit
    also prints criteria or outcomes: titles are weaker evidence, as in
    unit-to-unit mapping.
    """
    return {k: max(score * _weight(labels[x], has_text) for x, (score, _) in texts.items()) for k, texts in support.items()}


def _weight(label: str, has_text: bool) -> float:
    return TITLE_WEIGHT if has_text and label in SUMMARY_LABELS else 1.0


def co_occurrence(units) -> tuple[Counter, dict[str, Counter]]:
    """How many loaded units name each NOS code, and each other code with it (see :func:`together`)."""
    naming: Counter = Counter()
    pairs: dict[str, Counter] = defaultdict(Counter)
    for unit in units:
        codes = {normalise_code(ref.code) for ref in unit.nos_refs}
        naming.update(codes)
        for c in codes:
            pairs[c].update(d for d in codes if d != c)
    return naming, pairs


def together(counts: tuple[Counter, dict[str, Counter]], own: set[str]) -> dict[str, dict[str, float]]:
    """For each code, the share of the other units naming it that also name each other code.

    ``own`` are the codes of the unit being inferred, left out of the counts
    (leave-one-out), so a unit's own printed codes never feed its inference;
    counted where at least ``CO_MIN_UNITS`` other units name the code.
    """
    naming, pairs = counts
    result = {}
    for c, with_c in pairs.items():
        n = naming[c] - (c in own)
        if n >= CO_MIN_UNITS:
            shares = {d: (m - (c in own and d in own)) / n for d, m in with_c.items()}
            result[c] = {d: share for d, share in shares.items() if share > 0}
    return result


def _chosen(standards, scores: dict[int, float], explicit: set[str], named_with) -> list[tuple[int, float, str | None]]:
    """The standards inferred for one unit: ``(index, score, via)``, best first.

    A standard is kept when it scores at least ``INFER_RELATIVE`` of the unit's
    best score (a relative cut-off, not a fixed number per unit). A standard
    the other units usually name together with a kept one (``CO_SHARE`` of the
    time) is added at that score times the share, ``via`` naming the code.
    """
    key = [normalise_code(s.code) for s in standards]
    open_ = {k: s for k, s in scores.items() if s > 0 and key[k] not in explicit}
    if not open_:
        return []
    top = max(open_.values())
    chosen = {k: (s, None) for k, s in open_.items() if s >= INFER_RELATIVE * top}
    index = {code: k for k, code in enumerate(key)}
    for k, (score, _) in sorted(chosen.items()):
        for other, share in sorted(named_with.get(key[k], {}).items()):
            j = index.get(other)
            if j is not None and share >= CO_SHARE and j not in chosen and other not in explicit:
                chosen[j] = (score * share, standards[k].code)
    return sorted(((k, s, via) for k, (s, via) in chosen.items()), key=lambda t: (-round(t[1], 6), natural_key(standards[t[0]].code)))


def _inferred(unit, i: int, standard: Standard, labels: list[str], texts: dict[int, tuple[float, int]], score: float, via: str | None) -> Pair:
    """One inferred pair; its evidence lists each unit text behind the score and the standard text it resembles."""
    b = nos_ref(standard, standard.code, standard.title, None)
    if via is not None:
        detail = f"named together with {via} (which the unit resembles) in the other units that name {via}"
        evidence = Evidence("inferred", detail, relation="inferred", score=score)
        return Pair(unit.ref, b, "inferred", score, [evidence], (i, 1, -round(score, 6), natural_key(standard.code)))
    names = _standard_labels(standard)
    criteria = [{"a": labels[x], "b": f"{standard.code} {names[j]}", "score": round(s, 3)} for x, (s, j) in sorted(texts.items())]
    behind = [labels[x] for x in sorted(texts)]
    crit = sum(1 for label in behind if label[0].isdigit())
    others = [label for label in behind if not label[0].isdigit()]
    head = f"{crit} of {len(unit.criteria)} criteria" if unit.has_criteria else f"no criteria printed for {unit.ref.code}; the"
    has_text = any(label not in SUMMARY_LABELS for label in labels)
    weight = f" (a title or aim x{TITLE_WEIGHT})" if has_text and set(others) & set(SUMMARY_LABELS) else ""
    detail = f"{', '.join([head, *others])} resemble the standard's texts; the score is the best one's{weight}"
    evidence = Evidence("inferred", detail, relation="inferred", score=score, criteria=criteria)
    return Pair(unit.ref, b, "inferred", score, [evidence], (i, 1, -round(score, 6), natural_key(standard.code)))


def _columns(pairs: list[Pair]) -> list[UnitRef]:
    """Every standard that appears in a pair, in natural code order."""
    seen = {p.b.code: p.b for p in pairs}
    return [seen[code] for code in sorted(seen, key=natural_key)]
