"""Table rows in the plugin's terms: cells for a row, None for prose."""

from __future__ import annotations

from dataclasses import replace

from qualcli.parsing.lines import LogicalLine, logical_lines
from qualcli.parsing.pages import without_page_furniture
from qualcli.parsing.rows import row_cells
from qualcli.parsing.text import is_table_rule
from qualcli_pearson.markup import glyph_item

TEXT_FORMATS = ("txt", "md", "html")  # formats whose table rows are tab-separated lines


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


def paragraphs(lines, starts_new=None, tabs_are_cells: bool = True) -> list[LogicalLine]:
    """:func:`logical_lines` for this plugin's documents.

    With ``tabs_are_cells=False`` (Word, PDF) a tab in a paragraph is spacing
    ("a.<tab>understand …"), so the paragraph rejoins like any other.
    Running headers, footers and page numbers of a paged document are left out,
    a Word list paragraph ("List Bullet") reads as a "- " item, as in text, and
    in text formats a Markdown pipe-table row ("| 1.1 | State … |") is a row.
    """
    lines = without_page_furniture([_list_item(line) for line in lines])
    if tabs_are_cells:
        lines = [row for row in map(_pipe_row, lines) if row is not None]
    else:
        lines = [line if line.cells is not None else replace(line, text=line.text.replace("\t", " ")) for line in lines]
    return logical_lines(lines, starts_new=starts_new)


def _list_item(line):
    """A line in a Word list style as a "- " item (the glyph is numbering, not text)."""
    if line.style and line.style.lower().startswith("list") and line.cells is None and line.text.strip():
        return replace(line, text=f"- {line.text.strip()}")
    return line


def _pipe_row(line):
    """A Markdown table row as a row with cells; None for its ``|---|`` rule; other lines as they are."""
    text = line.text.strip()
    if line.cells is not None or len(text) < 2 or not (text.startswith("|") and text.endswith("|")):
        return line
    if is_table_rule(text):
        return None
    cells = tuple(cell.strip() for cell in text[1:-1].split("|"))
    return replace(line, text="\t".join(cells), cells=cells)
