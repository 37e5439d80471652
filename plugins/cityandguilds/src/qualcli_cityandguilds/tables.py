"""Tables of a handbook: runs of table rows, split where a known header row starts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from qualcli.parsing import lazy_compile

from qualcli_cityandguilds.handbook_lines import HandbookLine


@dataclass
class Table:
    """A header row and the rows under it (``header`` is empty for a headerless run)."""

    header: tuple[str, ...]
    rows: list[HandbookLine] = field(default_factory=list)
    index: int = 0  # position of the first row in the handbook's lines
    line: int | None = None
    page: int | None = None

    def column(self, *keywords: str) -> int | None:
        """Index of the first header cell containing any keyword (case-insensitive)."""
        for index, name in enumerate(self.header):
            if any(keyword.lower() in name.lower() for keyword in keywords):
                return index
        return None

    def has(self, *keywords: str) -> bool:
        """True if every keyword names some header cell."""
        return all(self.column(keyword) is not None for keyword in keywords)


_HEADER_WORDS = lazy_compile(
    r"\b(?:title|level|number|accreditation|version|change|section|uan|unit|glh|credit|assessed|tqt"
    r"|outcome|questions|assessment|description|area|communication)\b|^%$",
    re.I,
)


def looks_like_header(cells: tuple[str, ...]) -> bool:
    """Short cells without figures, two or more naming columns ("UAN", "Unit title", "GLH", "%")."""
    if any(len(c) > 40 or re.search(r"\d", c) for c in cells):
        return False
    return sum(1 for c in cells if _HEADER_WORDS.search(c)) >= 2


def cell(row: HandbookLine, index: int | None) -> str:
    """The cleaned cell at ``index``, or "" when absent."""
    if index is None or row.cells is None or index >= len(row.cells):
        return ""
    return row.cells[index]


def find_tables(lines: list[HandbookLine], is_header: Callable[[tuple[str, ...]], bool] = looks_like_header) -> list[Table]:
    """Group consecutive rows into tables; a row ``is_header`` accepts starts a new one."""
    tables: list[Table] = []
    current: Table | None = None
    for index, line in enumerate(lines):
        if not line.is_row:
            current = None
            continue
        if is_header(line.cells):
            current = Table(line.cells, index=index, line=line.number, page=line.page)
            tables.append(current)
        elif current is None:
            current = Table((), [line], index=index, line=line.number, page=line.page)
            tables.append(current)
        else:
            current.rows.append(line)
    return tables


def tables_with(tables: Iterable[Table], *keywords: str) -> list[Table]:
    """The tables whose header names every keyword."""
    return [t for t in tables if t.header and t.has(*keywords)]
