"""Evidence for a mapping, and the explicit kinds found by lookup (no text needed).

Kinds, strongest first: ``same_urn`` (both units carry the same Ofqual unit
reference), ``same_content`` (the document says one unit has the same content
as the other), ``document`` (a mapping the document prints, e.g. Pearson Annexe
A), ``conflict`` (explicit evidence the criteria contradict), ``criteria``
(criterion text similarity), ``title`` (title similarity), ``shared_nos``
(both units name the same NOS codes), and ``override`` (a curated decision).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator

from qualcli.mapping.units import MapUnit, UnitRef
from qualcli.model import SpecDocument

STRENGTH = ("override", "same_urn", "same_content", "document", "conflict", "criteria", "title", "shared_nos")


@dataclass
class Evidence:
    """One reason two units (or a unit and a NOS) are related."""

    kind: str
    detail: str
    relation: str | None = None  # the relation this evidence alone supports
    score: float | None = None
    criteria: list[dict[str, Any]] = field(default_factory=list)  # [{a, b, score}] best criterion pairs
    unmatched_a: list[str] = field(default_factory=list)  # criterion refs with no counterpart
    unmatched_b: list[str] = field(default_factory=list)
    differing: int | None = None  # criteria evidence: criteria of both sides without a counterpart (not written)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, leaving out empty fields."""
        data = {
            "kind": self.kind,
            "detail": self.detail,
            "relation": self.relation,
            "score": None if self.score is None else round(float(self.score), 3),
            "criteria": self.criteria,
            "unmatched_a": self.unmatched_a,
            "unmatched_b": self.unmatched_b,
        }
        return {k: v for k, v in data.items() if v not in (None, [])}

    def summary(self) -> str:
        """One line for CSV and Markdown: ``kind: detail``."""
        return f"{self.kind}: {self.detail}"


def strength(evidence: Evidence) -> int:
    """Rank of an evidence kind: lower is stronger."""
    return STRENGTH.index(evidence.kind)


def by_urn(units: list[MapUnit]) -> Iterator[tuple[int, int, Evidence]]:
    """Pairs of units carrying the same Ofqual unit reference."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        if unit.urn:
            groups[unit.urn].append(index)
    for urn, members in groups.items():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                yield first, second, Evidence("same_urn", f"both units are Ofqual unit {urn}", relation="F", score=1.0)


def by_same_content(units: list[MapUnit]) -> Iterator[tuple[int, int, Evidence]]:
    """Pairs where a document says a unit has the same content as another of its units."""
    index_of = {(unit.doc_index, unit.ref.code): i for i, unit in enumerate(units)}
    for i, unit in enumerate(units):
        if unit.same_content_as:
            j = index_of.get((unit.doc_index, unit.same_content_as))
            if j is not None and j != i:
                detail = f"the document says unit {unit.ref.code} has the same content as unit {unit.same_content_as}"
                yield min(i, j), max(i, j), Evidence("same_content", detail, relation="F", score=1.0)


def by_shared_nos(units: list[MapUnit]) -> Iterator[tuple[int, int, Evidence]]:
    """Pairs of units naming at least one NOS code in common."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        for code in dict.fromkeys(unit.nos):
            holders[code].append(index)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for code, members in holders.items():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                shared[(first, second)].append(code)
    for (first, second), codes in sorted(shared.items()):
        union = len(set(units[first].nos) | set(units[second].nos)) or 1
        jaccard = len(codes) / union
        yield first, second, Evidence("shared_nos", f"both name NOS {', '.join(codes)}", relation="P", score=round(0.3 + 0.4 * jaccard, 3))


@dataclass
class PrintedMapping:
    """A mapping a document prints, resolved to units where it can be."""

    old: int | UnitRef  # index into the unit list, or a unit outside the loaded documents
    new: int
    evidence: Evidence


def by_document(docs: list[SpecDocument], units: list[MapUnit], labels: list[str]) -> Iterator[PrintedMapping]:
    """Mappings documents print (``SpecDocument.mappings``).

    The new unit is the document's own. The old unit is looked for in the other
    loaded documents of the same awarding body (by code, and by title when the
    mapping prints one); when it is not loaded, it is named as the predecessor's
    unit so the printed evidence still appears.
    """
    index_of = {(unit.doc_index, unit.ref.code): i for i, unit in enumerate(units)}
    for d, doc in enumerate(docs):
        for mapping in doc.mappings:
            new = index_of.get((d, mapping.new_unit))
            if new is None:
                continue
            meaning = f" ({mapping.meaning})" if mapping.meaning else ""
            where = f" at line {mapping.line}" if mapping.line else ""
            detail = f"{labels[d]} prints old unit {mapping.old_unit} -> new unit {mapping.new_unit}: {mapping.relation}{meaning}{where}"
            evidence = Evidence("document", detail, relation=mapping.relation, score=_printed_score(mapping.relation))
            old = _find_old(docs, units, index_of, d, mapping)
            if old is None:
                old = UnitRef(body=doc.body, document=f"predecessor named in {labels[d]}", code=mapping.old_unit, title=mapping.old_title)
            yield PrintedMapping(old, new, evidence)


def _printed_score(relation: str) -> float:
    return {"F": 1.0, "X": 0.9}.get(relation, 0.5)


def _find_old(docs, units, index_of, d, mapping) -> int | None:
    found = []
    for e, other in enumerate(docs):
        if e == d or other.body != docs[d].body:
            continue
        i = index_of.get((e, mapping.old_unit))
        if i is not None and (not mapping.old_title or _same_title(units[i].ref.title, mapping.old_title)):
            found.append(i)
    return found[0] if len(found) == 1 else None


def _same_title(a: str | None, b: str) -> bool:
    return bool(a) and " ".join(a.lower().split()) == " ".join(b.lower().split())
