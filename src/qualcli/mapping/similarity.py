"""Criterion text similarity: TF-IDF vectors, candidate unit pairs and their coverage counts.

Texts become L2-normalised TF-IDF vectors (``scipy.sparse``) over content words:
lower-cased, light-stemmed, without function words or the command verbs of
assessment criteria ("describe", "explain", ...), which say how a learner shows
knowledge, not what the knowledge is. Cosine similarity is a sparse product.

Only candidate unit pairs are scored (:func:`candidates`: every pair for small
inputs, else each unit's ``TOP_K`` nearest units on shared rare words), and
without any Python loop over criteria: the criteria of side A are taken in
blocks of whole units; each block's similarity to the criteria of its
candidate B units is one product (dense for common words, sparse for the
rest: see :func:`common_columns`), and ``numpy.maximum.reduceat`` turns it
into per-unit best matches in both directions. Memory is bounded by the block
size and the number of candidates, not by the number of unit pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MATCH_THRESHOLD = 0.45  # a criterion is "matched" when its best counterpart scores at least this
BLOCK_CELLS = 4_000_000  # similarity cells computed at once (float32: ~16 MB per block)
CANDIDATE_CELLS = 100_000  # ... when only candidate pairs are scored: a block's A units share few B candidates,
# so small blocks waste less of the product on pairs that are not candidates
TOP_K = 40  # candidate units kept per unit, each way, when both sides have more units than this
RARE_SHARE = 0.02  # a word used by at most this share of units (or RARE_MIN units) is rare: it can make a candidate
RARE_MIN = 64

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about above after all also an and any are as at be been being between both but by can could do does
    during each either for from had has have how if in into is it its may might more most must no not of on
    one or other others own per should so some such than that the their them then there these they this those
    through to under up upon use used using via was way ways were what when where whether which while who why
    will with within would you your yourself learner learners candidate candidates
    describe explain identify state list outline give define understand know recognise recognize show
    demonstrate discuss summarise summarize compare analyse analyze evaluate assess clarify including
    example examples e g eg ie etc term terms meant mean importance important purpose key main relevant
    appropriate range type types kind kinds""".split()
)
# suffix -> replacement, tried longest first; then a final "e" goes, so that
# prepare/preparing/preparation and declare/declared meet at one stem
_SUFFIXES = (
    ("ations", ""), ("ation", ""), ("ions", ""), ("ion", ""), ("ments", ""), ("ment", ""),
    ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
)  # fmt: skip
_UNDOUBLE = ("ings", "ing", "ed")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem: ``customers``/``customer's`` -> ``customer``, ``preparation`` -> ``prepar``."""
    word = word.split("'")[0]
    if not word.endswith("ss"):
        for suffix, replacement in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)] + replacement
                if suffix in _UNDOUBLE and _doubled(word):
                    word = word[:-1]  # planned -> plan, travelling -> travel
                break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _doubled(stem: str) -> bool:
    """A consonant doubled before -ing/-ed: ``plann``, ``stopp``, British ``travell`` (not ``fill``, ``dress``)."""
    last = stem[-1]
    if last != stem[-2] or last in "aeiouy" or last in "sz":
        return False
    return last != "l" or (stem.endswith("ell") and len(stem) >= 6)


def tokens(text: str) -> list[str]:
    """Content-word stems of ``text``."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()]


class Vectoriser:
    """TF-IDF over a fixed vocabulary learnt from every text being compared."""

    def __init__(self, corpus: list[list[str]]):
        import numpy as np

        self.vocabulary: dict[str, int] = {}
        df: list[int] = []
        for toks in corpus:
            for tok in set(toks):
                index = self.vocabulary.setdefault(tok, len(df))
                if index == len(df):
                    df.append(0)
                df[index] += 1
        n = max(len(corpus), 1)
        self.idf = np.log((1 + n) / (1 + np.asarray(df, dtype=np.float64))) + 1.0

    def transform(self, corpus: list[list[str]]):
        """Rows of L2-normalised TF-IDF weights (CSR, float32); unknown words are ignored."""
        import numpy as np
        from scipy import sparse

        indptr, indices, counts = [0], [], []
        for toks in corpus:
            row: dict[int, int] = {}
            for tok in toks:
                index = self.vocabulary.get(tok)
                if index is not None:
                    row[index] = row.get(index, 0) + 1
            indices.extend(row)
            counts.extend(row.values())
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (np.asarray(counts, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
            shape=(len(corpus), len(self.idf)),
        )
        matrix = matrix.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ matrix

    def transform32(self, corpus: list[list[str]]):
        """:meth:`transform` as float32 CSR, the form the blockwise products use."""
        return self.transform(corpus).astype("float32").tocsr()


@dataclass
class Coverage:
    """Best-match statistics of candidate unit pairs (units that print criteria).

    ``rows[k]``/``cols[k]`` are the A and B units (indices into the count lists)
    of candidate pair k, sorted by A then B. ``matched_a[k]``: how many criteria
    of the A unit have a counterpart in the B unit scoring at least the
    threshold; ``best_a[k]``: the sum of their best scores. ``matched_b``/``best_b``
    are the same from B's side.
    """

    rows: Any
    cols: Any
    matched_a: Any
    matched_b: Any
    best_a: Any
    best_b: Any


def offsets(counts):
    """Start offsets of consecutive groups of the given (positive) sizes, plus the end."""
    import numpy as np

    return np.concatenate([[0], np.cumsum(np.asarray(counts, dtype=np.int64))])


def common_columns(xa, xb, share: float = 0.1, limit: int = 256):
    """Columns (words) used by at least ``share`` of all rows, most used first, at most ``limit``.

    Their part of the similarity product is dense, so it is computed as a dense
    (BLAS) product; the rest stays a sparse product that is cheap because rare
    words are shared by few rows. The sum is the same cosine similarity.
    """
    import numpy as np

    df = np.asarray((xa != 0).sum(axis=0)).ravel() + np.asarray((xb != 0).sum(axis=0)).ravel()
    order = np.argsort(-df, kind="stable")[:limit]
    return np.sort(order[df[order] >= share * (xa.shape[0] + xb.shape[0])])


def group_sums(rows, counts):
    """The sum of each consecutive group of ``rows`` (CSR), one row per group of the given sizes."""
    import numpy as np
    from scipy import sparse

    owner = np.repeat(np.arange(len(counts)), counts)
    gather = sparse.csr_matrix((np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))), shape=(len(counts), rows.shape[0]))
    return (gather @ rows).tocsr()


def unit_rows(criteria, counts, titles):
    """One L2-normalised row per unit: the sum of its criteria rows and its title row."""
    import numpy as np
    from scipy import sparse

    summed = (group_sums(criteria, counts) + titles).tocsr()
    norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags((1.0 / norms).astype(np.float32)) @ summed).tocsr()


def candidates(ua, ub, top: int | None = None):
    """The unit pairs worth scoring: ``(rows, cols)`` index arrays, sorted.

    When one side has at most ``top`` units every pair is a candidate. Otherwise a
    pair is a candidate when B is among A's ``top`` most similar units or A among
    B's, measured on unit rows (:func:`unit_rows`) over rare words only (used by
    at most ``RARE_SHARE`` of the units, or ``RARE_MIN``): pairs that share no
    rare word are never scored. The work and memory grow with the number of
    units times ``top``, not with the number of unit pairs.
    """
    import numpy as np

    top = TOP_K if top is None else top
    na, nb = ua.shape[0], ub.shape[0]
    if min(na, nb) <= top:
        return np.repeat(np.arange(na), nb), np.tile(np.arange(nb), na)
    df = np.asarray((ua != 0).sum(axis=0)).ravel() + np.asarray((ub != 0).sum(axis=0)).ravel()
    rare = np.nonzero(df <= max(RARE_SHARE * (na + nb), RARE_MIN))[0]
    a, b = ua[:, rare].tocsr(), ub[:, rare].tocsr()
    forward = _top_keys(a, b, top)
    rows_b, cols_a = np.divmod(_top_keys(b, a, top), na)
    keys = np.unique(np.concatenate([forward, cols_a * nb + rows_b]))
    return np.divmod(keys, nb)


def _top_keys(a, b, top: int):
    """``row * len(b) + col`` of each row's ``top`` best (non-zero) columns of ``a @ b.T``."""
    import numpy as np

    n, width = a.shape[0], b.shape[0]
    bt = b.T.tocsc()
    step = max(1, BLOCK_CELLS // max(width, 1))
    keys = []
    for start in range(0, n, step):
        sims = (a[start : start + step] @ bt).toarray()
        best = np.argpartition(-sims, top - 1, axis=1)[:, :top]
        values = np.take_along_axis(sims, best, axis=1)
        rows = np.repeat(np.arange(start, start + sims.shape[0]), top).reshape(best.shape)
        keep = values > 0
        keys.append(rows[keep].astype(np.int64) * width + best[keep])
    return np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)


def coverage(xa, counts_a, xb, counts_b, rows, cols, threshold: float = MATCH_THRESHOLD) -> Coverage:
    """Best-match statistics of the candidate pairs ``(rows[k], cols[k])``.

    ``xa``/``xb`` hold the criteria rows of each side, grouped by unit in order;
    ``counts_a``/``counts_b`` give each unit's number of criteria (all > 0). A
    units are taken in blocks; each block's criteria are compared with the
    criteria of every B unit that is a candidate for one of them, in one product
    of at most about ``BLOCK_CELLS`` cells (``CANDIDATE_CELLS`` when not every
    pair is a candidate), and ``numpy.maximum.reduceat`` turns
    it into per-unit best matches both ways.
    """
    import numpy as np

    counts_a, counts_b = np.asarray(counts_a, dtype=np.int64), np.asarray(counts_b, dtype=np.int64)
    order = np.lexsort((cols, rows))
    rows, cols = np.asarray(rows)[order], np.asarray(cols)[order]
    n = len(rows)
    result = Coverage(rows, cols, np.zeros(n, np.int32), np.zeros(n, np.int32), np.zeros(n, np.float32), np.zeros(n, np.float32))
    off_a, off_b = offsets(counts_a), offsets(counts_b)
    common = common_columns(xa, xb)
    rare = np.setdiff1d(np.arange(xa.shape[1]), common)
    xa_rare, xbt_rare = xa[:, rare].tocsr(), xb[:, rare].T.tocsc()
    xa_common, xbt_common = xa[:, common].toarray(), np.ascontiguousarray(xb[:, common].toarray().T)
    run = np.searchsorted(rows, np.arange(len(counts_a) + 1))  # each A unit's candidates: run[u]:run[u + 1]
    every = n == len(counts_a) * len(counts_b)
    budget = BLOCK_CELLS if every else CANDIDATE_CELLS
    for members, union in _blocks(np.unique(rows), run, cols, counts_a, counts_b, off_b[-1] if every else None, budget):
        row_index = np.concatenate([np.arange(off_a[u], off_a[u + 1]) for u in members])
        if every:
            b_rare, b_common, b_off = xbt_rare, xbt_common, off_b
        else:
            col_index = np.concatenate([np.arange(off_b[u], off_b[u + 1]) for u in union])
            b_rare, b_common, b_off = xbt_rare[:, col_index], xbt_common[:, col_index], offsets(counts_b[union])
        sims = (xa_rare[row_index] @ b_rare).toarray()
        sims += xa_common[row_index] @ b_common
        local = offsets(counts_a[members])
        row_best = np.maximum.reduceat(sims, b_off[:-1], axis=1)  # criterion of A x unit of B
        matched_a = np.add.reduceat((row_best >= threshold).astype(np.int32), local[:-1], axis=0)
        best_a = np.add.reduceat(row_best, local[:-1], axis=0)
        # unit of A x criterion of B; a loop over the block's units is faster than reduceat on axis 0
        col_best = np.stack([sims[lo:hi].max(axis=0) for lo, hi in zip(local[:-1], local[1:])])
        matched_b = np.add.reduceat((col_best >= threshold).astype(np.int32), b_off[:-1], axis=1)
        best_b = np.add.reduceat(col_best, b_off[:-1], axis=1)
        spans = [np.arange(run[u], run[u + 1]) for u in members]
        where = np.concatenate(spans)
        member = np.repeat(np.arange(len(members)), [len(s) for s in spans])
        column = np.searchsorted(union, cols[where])
        result.matched_a[where] = matched_a[member, column]
        result.best_a[where] = best_a[member, column]
        result.matched_b[where] = matched_b[member, column]
        result.best_b[where] = best_b[member, column]
    return result


def _blocks(a_units, run, cols, counts_a, counts_b, every_b, budget: int):
    """Groups of A units, each with the sorted B units any of them is a candidate for.

    A group grows while its criteria times its B units' criteria stay within
    ``budget`` cells (a group always holds at least one unit). ``every_b`` is the
    total of B criteria when every pair is a candidate (the union is then all B).
    """
    import numpy as np

    position = 0
    while position < len(a_units):
        members, union, crit_a, crit_b = [], set(), 0, 0
        while position < len(a_units):
            u = int(a_units[position])
            if every_b is None:
                new = set(cols[run[u] : run[u + 1]].tolist()) - union
                grown_b = crit_b + int(counts_b[sorted(new)].sum())
            else:
                new, grown_b = set(), every_b
            if members and (crit_a + int(counts_a[u])) * grown_b > budget:
                break
            members.append(u)
            union |= new
            crit_a, crit_b = crit_a + int(counts_a[u]), grown_b
            position += 1
        all_b = np.arange(len(counts_b)) if every_b is not None else np.array(sorted(union), dtype=np.int64)
        yield members, all_b


def criterion_matches(xa_rows, xb_rows):
    """For one unit pair: the dense similarity matrix of its criteria (A rows x B columns)."""
    return (xa_rows @ xb_rows.T).toarray()
