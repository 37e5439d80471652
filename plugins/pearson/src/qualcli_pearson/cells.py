"""Table rows in the plugin's terms: cells for a row, None for prose."""

from __future__ import annotations

from dataclasses import replace

from qualcli.parsing.lines import LogicalLine, logical_lines
from qualcli.parsing.rows import row_cells

TEXT_FORMATS = ("txt", "md", "html")  # formats whose table rows are tab-separated lines


def table_cells(line) -> list[str] | None:
    """The one-spaced cells of a table row (Line or LogicalLine), or None for a prose line."""
    if getattr(line, "cells", None) is None and "\t" not in line.text:
        return None
    return row_cells(line)


def filled(cells: list[str]) -> list[str]:
    """The non-empty cells of a row, in order."""
    return [cell for cell in cells if cell]


def paragraphs(lines, starts_new=None, tabs_are_cells: bool = True) -> list[LogicalLine]:
    """:func:`logical_lines`, with each table row's text as the reader gave it.

    ``logical_lines`` strips a line, which would take the empty first and last
    cells off a tab-separated row ("\\t\\tOptional units\\t\\t"). With
    ``tabs_are_cells=False`` (Word, PDF) a tab in a paragraph is spacing
    ("a.<tab>understand …"), so the paragraph rejoins like any other.
    """
    if not tabs_are_cells:
        lines = [line if line.cells is not None else replace(line, text=line.text.replace("\t", " ")) for line in lines]
    rows = {line.number: line.text for line in lines if line.cells is not None or "\t" in line.text}
    out = []
    for logical in logical_lines(lines, starts_new=starts_new):
        if len(logical.numbers) == 1 and logical.number in rows:
            logical = replace(logical, text=rows[logical.number])
        out.append(logical)
    return out
