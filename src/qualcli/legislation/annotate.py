"""Record in the model the legislation each unit cites (``Unit.legislation``), for ``parse`` output."""

from __future__ import annotations

from qualcli.model import LegislationRef, SpecDocument, iter_unit_texts


def annotate(doc: SpecDocument) -> None:
    """Fill ``legislation`` on every unit whose parser (or spec file) left it empty.

    Each citation found in the unit's prose (:func:`qualcli.model.iter_unit_texts`)
    becomes a :class:`LegislationRef` with the wording as written, the
    currency-table id (None when the table does not know the instrument), the
    year as written, and where it stands (unit, outcome, criterion, field, line).
    """
    from qualcli.legislation import find_references

    for unit in doc.units:
        if unit.legislation:
            continue
        for piece in iter_unit_texts(unit):
            for ref in find_references(piece.text):
                unit.legislation.append(
                    LegislationRef(text=ref.text, instrument=ref.instrument, year=ref.year, location=piece.location())
                )
