"""Table rows in the plugin's terms: cells for a row, None for prose."""

from __future__ import annotations

from qualcli.parsing.rows import row_cells
from qualcli_pearson.markup import glyph_item


def table_cells(line) -> list[str] | None:
    """The one-spaced cells of a table row (Line or LogicalLine), or None for a prose line."""
    if getattr(line, "cells", None) is None and "\t" not in line.text:
        return None
    return row_cells(line)


def filled(cells: list[str]) -> list[str]:
    """The non-empty cells of a row, in order."""
    return [cell for cell in cells if cell]


def row_text(line) -> str:
    """A line as text to keep: a row's cells joined by " – ", a list item as "- item"."""
    cells = table_cells(line)
    return " – ".join(filled(cells)) if cells is not None else glyph_item(line.text)
