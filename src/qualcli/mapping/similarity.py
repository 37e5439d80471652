"""Criterion text similarity: TF-IDF vectors and blockwise coverage counts.

Texts become L2-normalised TF-IDF vectors (``scipy.sparse``) over content words:
lower-cased, light-stemmed, without function words or the command verbs of
assessment criteria ("describe", "explain", ...), which say how a learner shows
knowledge, not what the knowledge is. Cosine similarity is a sparse product.

Unit pairs are scored without any Python loop over criteria: the criteria of
side A are taken in blocks of whole units; each block's similarity to every
criterion of side B is one product (dense for common words, sparse for the
rest: see :func:`common_columns`), and ``numpy.maximum.reduceat``
turns it into per-unit best matches in both directions. Memory is bounded by
the block size, not by the number of pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MATCH_THRESHOLD = 0.5  # a criterion is "matched" when its best counterpart scores at least this
BLOCK_CELLS = 8_000_000  # similarity cells computed at once (float32: ~32 MB per block)

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


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem: ``customers``/``customer's`` -> ``customer``, ``preparation`` -> ``prepar``."""
    word = word.split("'")[0]
    if not word.endswith("ss"):
        for suffix, replacement in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)] + replacement
                break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


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
    """Per unit pair (rows: A units, columns: B units) of units that print criteria.

    ``matched_a[i, j]``: how many criteria of A-unit i have a counterpart in B-unit j
    scoring at least the threshold; ``best_a[i, j]``: the sum of their best scores.
    ``matched_b``/``best_b`` are the same from B's side.
    """

    matched_a: Any
    matched_b: Any
    best_a: Any
    best_b: Any


def offsets(counts: list[int]):
    """Start offsets of consecutive groups of the given (positive) sizes, plus the end."""
    import numpy as np

    return np.concatenate([[0], np.cumsum(np.asarray(counts, dtype=np.int64))])


def common_columns(xa, xb, share: float = 0.1, limit: int = 256):
    """Columns (words) used by at least ``share`` of all criteria, most used first, at most ``limit``.

    Their part of the similarity product is dense, so it is computed as a dense
    (BLAS) product; the rest stays a sparse product that is cheap because rare
    words are shared by few criteria. The sum is the same cosine similarity.
    """
    import numpy as np

    df = np.asarray((xa != 0).sum(axis=0)).ravel() + np.asarray((xb != 0).sum(axis=0)).ravel()
    order = np.argsort(-df, kind="stable")[:limit]
    return np.sort(order[df[order] >= share * (xa.shape[0] + xb.shape[0])])


def coverage(xa, counts_a: list[int], xb, counts_b: list[int], threshold: float = MATCH_THRESHOLD) -> Coverage:
    """Blockwise best-match statistics of every A unit against every B unit.

    ``xa``/``xb`` hold the criteria rows of each side, grouped by unit in order;
    ``counts_a``/``counts_b`` give each unit's number of criteria (all > 0).
    """
    import numpy as np

    na, nb = len(counts_a), len(counts_b)
    off_a, off_b = offsets(counts_a), offsets(counts_b)
    matched_a = np.zeros((na, nb), dtype=np.int32)
    matched_b = np.zeros((na, nb), dtype=np.int32)
    best_a = np.zeros((na, nb), dtype=np.float32)
    best_b = np.zeros((na, nb), dtype=np.float32)
    common = common_columns(xa, xb)
    rare = np.setdiff1d(np.arange(xa.shape[1]), common)
    xa_rare, xbt_rare = xa[:, rare].tocsr(), xb[:, rare].T.tocsc()
    xa_common, xbt_common = xa[:, common].toarray(), np.ascontiguousarray(xb[:, common].toarray().T)
    rows_per_block = max(1, BLOCK_CELLS // max(xb.shape[0], 1))
    start = 0
    while start < na:
        stop = start + 1
        while stop < na and off_a[stop + 1] - off_a[start] <= rows_per_block:
            stop += 1
        r0, r1 = off_a[start], off_a[stop]
        sims = (xa_rare[r0:r1] @ xbt_rare).toarray()
        sims += xa_common[r0:r1] @ xbt_common
        local = off_a[start:stop] - r0
        row_best = np.maximum.reduceat(sims, off_b[:-1], axis=1)  # criterion of A x unit of B
        matched_a[start:stop] = np.add.reduceat((row_best >= threshold).astype(np.int32), local, axis=0)
        best_a[start:stop] = np.add.reduceat(row_best, local, axis=0)
        # unit of A x criterion of B; a loop over the block's units is faster than reduceat on axis 0
        bounds = [*local, r1 - r0]
        col_best = np.stack([sims[lo:hi].max(axis=0) for lo, hi in zip(bounds, bounds[1:])])
        matched_b[start:stop] = np.add.reduceat((col_best >= threshold).astype(np.int32), off_b[:-1], axis=1)
        best_b[start:stop] = np.add.reduceat(col_best, off_b[:-1], axis=1)
        start = stop
    return Coverage(matched_a, matched_b, best_a, best_b)


def criterion_matches(xa_rows, xb_rows):
    """For one unit pair: the dense similarity matrix of its criteria (A rows x B columns)."""
    return (xa_rows @ xb_rows.T).toarray()
