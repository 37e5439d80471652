"""The vector space of one pair of documents: TF-IDF weights learnt from those two alone.

A pair's score must not change when a third document joins the run, so every
pair of documents (or one document, for pairs within it) gets its own
:class:`~qualcli.mapping.similarity.Vectoriser`, fitted on the criteria and
titles of just those documents. :class:`Spaces` builds each on first use and
keeps it, so ``--explain`` and the criterion detail see the same vectors the
scores came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualcli.mapping.similarity import Vectoriser, tokens
from qualcli.mapping.units import MapUnit


@dataclass
class Space:
    """Criterion and title vectors of the units of one or two documents."""

    criteria: Any  # CSR float32, the criteria rows of ``members`` in order
    titles: Any  # CSR float32, one row per member
    members: list[int]  # unit indices, in order
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)  # unit index -> criteria rows
    position: dict[int, int] = field(default_factory=dict)  # unit index -> title row

    def rows(self, unit: int):
        """The criteria rows of one unit."""
        start, stop = self.bounds[unit]
        return self.criteria[start:stop]


class Spaces:
    """One :class:`Space` per pair of documents, built when first asked for."""

    def __init__(self, units: list[MapUnit]):
        self.units = units
        self._built: dict[tuple[int, int], Space] = {}

    def for_documents(self, first: int, second: int) -> Space:
        """The space of documents ``first`` and ``second`` (the same index for one document)."""
        key = (min(first, second), max(first, second))
        if key not in self._built:
            self._built[key] = self._build(key)
        return self._built[key]

    def for_units(self, i: int, j: int) -> Space:
        """The space in which units ``i`` and ``j`` are compared."""
        return self.for_documents(self.units[i].doc_index, self.units[j].doc_index)

    def _build(self, key: tuple[int, int]) -> Space:
        members = [k for k, unit in enumerate(self.units) if unit.doc_index in key]
        crit_tokens: list[list[str]] = []
        title_tokens: list[list[str]] = []
        bounds: dict[int, tuple[int, int]] = {}
        for k in members:
            unit = self.units[k]
            bounds[k] = (len(crit_tokens), len(crit_tokens) + len(unit.criteria))
            crit_tokens.extend(tokens(text) for _, text in unit.criteria)
            title_tokens.append(tokens(unit.ref.title or ""))
        vectoriser = Vectoriser(crit_tokens + title_tokens)
        return Space(
            criteria=vectoriser.transform32(crit_tokens),
            titles=vectoriser.transform32(title_tokens),
            members=members,
            bounds=bounds,
            position={k: n for n, k in enumerate(members)},
        )
