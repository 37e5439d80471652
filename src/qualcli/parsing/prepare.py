"""One preparation step from a reader's lines to the logical lines a parser reads.

Every awarding-body plugin starts from :func:`prepare` instead of normalising
lines its own way, so a document reads the same whatever its format:

1. **Page furniture goes**: running headers, footers and page numbers at the
   edges of a paged document's pages (:func:`qualcli.parsing.pages.page_furniture`),
   bare page numbers anywhere in an unpaged one ("12", "Page 3 of 40": text
   extracted from a paged document keeps them inline), plus whatever the plugin's ``furniture`` says about its own layout (it may
   also keep a line the shared rules would drop, such as a figure's value).
2. **Lines take one shape**: a list item becomes ``"- item"`` whatever marked
   it (a Word list style, an HTML ``<li>``, a Markdown bullet); a table row
   keeps its ``cells``, and a row of nothing but dashes (a header rule a
   conversion left, in any format) goes; a tab in a line that is not a table
   row is spacing.
3. **Wrapped lines are rejoined** (:func:`qualcli.parsing.lines.logical_lines`):
   a heading stands alone; a list item, a table row, or a line the plugin's
   ``starts_new`` names starts a new line; after a line the plugin's ``ends``
   names, only a lower-case continuation joins it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Mapping, Sequence

from qualcli.parsing.lines import LogicalLine, logical_lines
from qualcli.parsing.pages import is_page_number, page_furniture
from qualcli.readers import LIST_ITEM, TABLE_ROW, Line, SourceText
from qualcli.lazyre import lazy_compile

_ITEM_MARK = lazy_compile(r"^\s*[-*•]\s")
_RULE_CELLS = lazy_compile(r"[-:\s]*")

Furniture = Callable[[Sequence[Line], set[int]], Mapping[int, bool]]


def prepare(
    source: SourceText,
    starts_new: Callable[[str], bool] | None = None,
    ends: Callable[[str], bool] | None = None,
    furniture: Furniture | None = None,
) -> list[LogicalLine]:
    """The document's logical lines: furniture removed, one line shape, wraps rejoined.

    ``furniture(lines, shared)`` is given the reader's lines and the indices
    of those the shared rules call furniture; it returns, by index, True for
    a line of the plugin's own page furniture and False for a line to keep
    although the shared rules would drop it. ``starts_new`` and
    ``ends`` are asked about each physical line's text (see the module
    docstring).
    """
    kept = [_shaped(line) for line in without_furniture(source, furniture) if not _is_rule_row(line)]
    return logical_lines(kept, starts_new=starts_new, ends=ends)


def without_furniture(source: SourceText, furniture: Furniture | None = None) -> list[Line]:
    """``source``'s lines without page furniture (step 1 of :func:`prepare` alone), in the reader's shape."""
    lines = source.lines
    at_edges = page_furniture(lines)
    shared = {index for index, line in enumerate(lines) if _shared_furniture(line, at_edges)}
    verdicts = furniture(lines, shared) if furniture is not None else {}
    return [line for index, line in enumerate(lines) if not verdicts.get(index, index in shared)]


def _shared_furniture(line: Line, at_edges: set[int]) -> bool:
    if line.kind == TABLE_ROW:
        return False
    if line.page is not None:
        return line.number in at_edges
    return is_page_number(line.text)


def _is_rule_row(line: Line) -> bool:
    """A table row of nothing but dashes (and colons): the rule under a header that a conversion left as a row."""
    return line.kind == TABLE_ROW and "-" in line.text and _RULE_CELLS.fullmatch(line.text) is not None


def _shaped(line: Line) -> Line:
    """A list item as ``"- item"``; a tab outside a table row as a space."""
    if line.kind == TABLE_ROW:
        return line if line.cells is not None else replace(line, cells=tuple(line.text.split("\t")))
    text = line.text.replace("\t", " ")
    if line.kind == LIST_ITEM and text.strip() and not _ITEM_MARK.match(text):
        text = f"- {text.strip()}"
    return replace(line, text=text) if text != line.text else line
