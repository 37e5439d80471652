"""The units of loaded documents, flattened into what the mapper compares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcli.model import NosRef, SpecDocument


@dataclass(frozen=True)
class UnitRef:
    """How a unit is named in output: awarding body, document, code and title."""

    body: str | None
    document: str
    code: str
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        """The ``a``/``b`` object of ``schemas/map.schema.json``."""
        return {"body": self.body, "document": self.document, "code": self.code, "title": self.title}

    def label(self) -> str:
        """``document:code``, the unambiguous name used in matrices and ``--explain``."""
        return f"{self.document}:{self.code}"


@dataclass
class MapUnit:
    """One unit as the mapper sees it."""

    ref: UnitRef
    doc_index: int
    urn: str | None = None
    same_content_as: str | None = None
    nos: list[str] = field(default_factory=list)  # comparison keys, see nos_key
    nos_refs: list[NosRef] = field(default_factory=list)  # as the document prints them
    criteria: list[tuple[str, str]] = field(default_factory=list)  # (ref, text)
    criteria_of: str | None = None  # code of the unit whose criteria these are, when borrowed

    @property
    def has_criteria(self) -> bool:
        """True when the document prints the unit's criteria (not only its title)."""
        return bool(self.criteria)


def document_labels(docs: list[SpecDocument]) -> list[str]:
    """Each document's name in output: its file name, or its path when two names clash."""
    names = [Path(doc.source.path).name for doc in docs]
    return [name if names.count(name) == 1 else doc.source.path for name, doc in zip(names, docs)]


def flatten(docs: list[SpecDocument]) -> list[MapUnit]:
    """Every unit of every document, in argument then document order.

    A unit printed without criteria that the document says has the same content
    as another of its units takes that unit's criteria (``criteria_of`` says so).
    """
    units = []
    for index, (doc, label) in enumerate(zip(docs, document_labels(docs))):
        for unit in doc.units:
            criteria = [
                (criterion.ref, criterion.text)
                for outcome in unit.learning_outcomes
                for criterion in outcome.criteria
                if criterion.text.strip()
            ]
            units.append(
                MapUnit(
                    ref=UnitRef(body=doc.body, document=label, code=unit.code, title=unit.title),
                    doc_index=index,
                    urn=normalise_urn(unit.urn),
                    same_content_as=unit.same_content_as,
                    nos=[nos_key(ref) for ref in unit.nos],
                    nos_refs=list(unit.nos),
                    criteria=criteria,
                )
            )
    by_code = {(u.doc_index, u.ref.code): u for u in units}
    for unit in units:
        twin = by_code.get((unit.doc_index, unit.same_content_as)) if unit.same_content_as else None
        if not unit.criteria and twin is not None and twin.criteria:
            unit.criteria, unit.criteria_of = list(twin.criteria), twin.ref.code
    return units


def nos_key(ref: NosRef) -> str:
    """A NOS reference as compared between units: the normalised code, or for a bare
    number (e.g. an ICS NVQ unit number) the code qualified by its suite."""
    from qualcli.nos.catalogue import normalise_code

    if any(ch.isalpha() for ch in ref.code):
        return normalise_code(ref.code)
    return f"{ref.code} ({ref.suite})" if ref.suite else ref.code


def normalise_urn(urn: str | None) -> str | None:
    """An Ofqual unit reference without spaces, upper case (None when absent)."""
    if not urn or not urn.strip():
        return None
    return "".join(urn.split()).upper()
