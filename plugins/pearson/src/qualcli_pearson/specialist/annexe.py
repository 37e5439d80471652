"""The "Unit mapping overview" annexe: old units against new units.

A grid whose header row reads "Old units \\ New units | Unit 1 | Unit 2 …",
one row per old unit, and a letter in each cell where the units map; a KEY
below says what each letter means ("P – Partial mapping (…)").
"""

from __future__ import annotations

import re

from qualcli.api import UnitMapping
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing import lazy_compile
from qualcli_pearson.cells import table_cells
from qualcli_pearson.markup import plain_text

_KEY = lazy_compile(r"^([PFX])\s*[–—=:-]\s*(.+)$")
_UNIT_LABEL = lazy_compile(r"^(?:Unit\s+)?([A-Za-z]?\d{1,3})\b", re.I)


def _unit_code(label: str) -> str:
    match = _UNIT_LABEL.match(label.strip())
    return match.group(1) if match else label.strip()


def unit_mappings(lines: list[LogicalLine], new_titles: dict[str, str]) -> list[UnitMapping]:
    """Every marked cell of the mapping grid, with the key's meaning of its letter."""
    meanings = {}
    for line in lines:
        match = _KEY.match(plain_text(line.text))
        if match and table_cells(line) is None:
            meanings[match.group(1)] = match.group(2)
    mappings: list[UnitMapping] = []
    columns: list[str] | None = None
    for line in lines:
        cells = table_cells(line)
        if cells is None:
            columns = None
            continue
        if re.search(r"old\s+units?", cells[0], re.I) and re.search(r"new\s+units?", cells[0], re.I):
            columns = [_unit_code(cell) for cell in cells[1:]]
            continue
        if columns is None:
            continue
        old = _unit_code(cells[0])
        for new, mark in zip(columns, cells[1:]):
            relation = mark.strip().upper()
            if relation in ("P", "F", "X"):
                mappings.append(
                    UnitMapping(
                        old_unit=old,
                        new_unit=new,
                        relation=relation,
                        meaning=meanings.get(relation),
                        new_title=new_titles.get(new),
                        line=line.number,
                        page=line.page,
                    )
                )
    return mappings
