"""The Acts and regulations a unit cites, for reporting one added or removed.

References are taken from ``Unit.legislation`` (filled at parse time, or
read from a parsed spec file) and found afresh in the unit's text with
``qualcli.legislation.find_references``, so a spec parsed by an older qualcli
compares the same. Each instrument is keyed
by its id in the legislation table, or by its wording when the table does not
know it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from qualcli.diff.normalise import comparable
from qualcli.model import Unit, iter_unit_texts


def unit_texts(unit: Unit) -> Iterator[str]:
    """Every piece of prose in a unit, in document order."""
    return (piece.text for piece in iter_unit_texts(unit))


def _key_and_text(ref: Any) -> tuple[str, str]:
    """An instrument id, else the cited name without its year; and the citation as written."""
    get = ref.get if isinstance(ref, dict) else lambda name: getattr(ref, name, None)
    text = comparable(get("text") or "")
    return (get("instrument") or comparable(get("name") or text).lower()), text


@lru_cache(maxsize=4096)
def _cited_in(text: str) -> tuple[tuple[str, str], ...]:
    """(key, citation) of every reference in one text; texts shared by both versions are scanned once."""
    from qualcli.legislation import find_references

    return tuple(_key_and_text(ref) for ref in find_references(text))


def unit_instruments(unit: Unit, scan: bool = True) -> dict[str, str]:
    """Instrument key -> the wording of its first citation in ``unit``.

    With ``scan`` False only the parser's ``Unit.legislation`` is used (the
    caller knows the unit's text is unchanged, so scanning it finds nothing new).
    """
    cited = [_key_and_text(ref) for ref in unit.legislation]
    if scan:
        for text in unit_texts(unit):
            cited.extend(_cited_in(text))
    found: dict[str, str] = {}
    for key, text in cited:
        if key:
            found.setdefault(key, text)
    return found
