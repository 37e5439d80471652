"""The Acts and regulations a unit cites, for reporting one added or removed.

References come from ``Unit.legislation``: :func:`qualcli.diff.compare.diff_documents`
annotates both documents once (:func:`qualcli.legislation.annotate.annotate`,
which keeps what a parsed spec file already records). Each instrument is keyed
by its id in the legislation table, or by its wording when the table does not
know it.
"""

from __future__ import annotations

from qualcli.diff.normalise import comparable
from qualcli.model import LegislationRef, Unit


def _key_and_text(ref: LegislationRef) -> tuple[str, str]:
    """An instrument id, else the cited wording; and the citation as written."""
    text = comparable(ref.text or "")
    return (ref.instrument or text.lower()), text


def unit_instruments(unit: Unit) -> dict[str, str]:
    """Instrument key -> the wording of its first citation in ``unit``."""
    found: dict[str, str] = {}
    for key, text in map(_key_and_text, unit.legislation):
        if key:
            found.setdefault(key, text)
    return found
