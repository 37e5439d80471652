"""Criteria against passages: TF-IDF cosine over stems plus concept tags (see ``concepts``).

A passage is evidence for a criterion when it scores at least ``THRESHOLD``
and at least ``RELATIVE`` of the passage's best score over all criteria (a
passage teaches what it is most about, not every criterion sharing a word with
it); so one passage may cover several criteria when they score alike. A
criterion is covered when it has evidence, listed best first (ties: path,
line), up to ``MAX_EVIDENCE``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcli.coverage.concepts import terms
from qualcli.coverage.passages import Passage
from qualcli.mapping.similarity import Vectoriser

THRESHOLD = 0.3
RELATIVE = 0.9
MAX_EVIDENCE = 5
MIN_TOKENS = 3  # passages with fewer content words (headings, labels) cannot be evidence


@dataclass
class Target:
    """One criterion to look for."""

    unit: str
    ref: str
    text: str
    evidence: list[tuple[float, Passage]] = field(default_factory=list)


def match(targets: list[Target], found: list[Passage]) -> None:
    """Fill each target's evidence from the passages."""
    if not targets or not found:
        return
    target_tokens = [terms(t.text) for t in targets]
    passage_tokens = [terms(p.text) for p in found]
    vectoriser = Vectoriser(target_tokens + passage_tokens)
    scores = (vectoriser.transform(target_tokens) @ vectoriser.transform(passage_tokens).T).toarray()
    scores[:, [len(toks) < MIN_TOKENS for toks in passage_tokens]] = 0.0
    floor = scores.max(axis=0) * RELATIVE
    for target, row in zip(targets, scores):
        hits = [(round(float(score), 3), passage) for score, passage, low in zip(row, found, floor) if score >= THRESHOLD and score >= low]
        hits.sort(key=lambda hit: (-hit[0], hit[1].path, hit[1].line))
        target.evidence = hits[:MAX_EVIDENCE]
