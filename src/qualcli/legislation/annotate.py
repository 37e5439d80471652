"""Record in the model the legislation each unit cites (``Unit.legislation``).

Run once per document by the commands that output or compare citations
(``parse``, ``diff``); loading a document does no legislation work.
"""

from __future__ import annotations

from functools import lru_cache

from qualcli.model import LegislationRef, SpecDocument, iter_unit_texts


@lru_cache(maxsize=4096)
def references_in(text: str) -> tuple:
    """The references in one piece of prose; a text both versions of a diff share is scanned once."""
    from qualcli.legislation import find_references

    return tuple(find_references(text))


def annotate(doc: SpecDocument) -> None:
    """Fill ``legislation`` on every unit whose parser (or spec file) left it empty.

    Each citation found in the unit's prose (:func:`qualcli.model.iter_unit_texts`)
    becomes a :class:`LegislationRef` with the wording as written, the
    currency-table id (None when the table does not know the instrument), the
    year as written, and where it stands (unit, outcome, criterion, field, line).
    """
    for unit in doc.units:
        if unit.legislation:
            continue
        for piece in iter_unit_texts(unit):
            for ref in references_in(piece.text):
                unit.legislation.append(
                    LegislationRef(text=ref.text, instrument=ref.instrument, year=ref.year, location=piece.location())
                )
