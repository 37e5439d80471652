"""Table rows as the readers give them, and what their cells mean.

A table row reaches a parser in one of three shapes, depending on the format:
real cells (DOCX, and PDF tables the reader detected: ``Line.cells``), cells
joined by tabs (text extracted from a PDF), or cells run together with single
spaces, or even one cell per line (a PDF whose table the reader could not
see). :func:`row_cells` handles the first two. For the last two,
:class:`JoinedText` joins lines into one string and maps any match back to
the line it started on, so a parser can find rows with a regular expression
whatever the line breaks were.

:func:`column_order` reads a header row (in any of those shapes) to learn in
which order named columns come, and :func:`check_mark` reads ✓/✗ cells.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from qualcli.lazyre import compile_kept

# Wingdings glyphs come out of many PDFs as private-use characters: U+F0FC is its tick,
# U+F0FE a ticked box, U+F0FB its cross and U+F0FD a crossed box.
TICKS = "✓✔☑√\uf0fc\uf0fe"
CROSSES = "✗✘☒×\uf0fb\uf0fd"
_YES = {"yes", "y", "x"}  # some tables mark a method with an "x" in the cell
_NO = {"no", "n", "-", "–", "n/a"}


def row_cells(line: Any) -> list[str]:
    """The stripped cells of a table row: ``line.cells`` if the reader kept them, else the tab-split text.

    ``line`` is a :class:`qualcli.readers.Line` or
    :class:`qualcli.parsing.lines.LogicalLine` (anything with ``text`` and
    ``cells``). Inner newlines in a cell become spaces.
    """
    cells = getattr(line, "cells", None)
    raw = cells if cells is not None else line.text.split("\t")
    return [" ".join(cell.split()) for cell in raw]


def check_mark(cell: str) -> bool | None:
    """True for a tick (✓ ✔ yes), False for a cross (✗ ✘ no), None for anything else (blank, a number)."""
    text = cell.strip().lower()
    if not text:
        return None
    if text[0] in TICKS or text in _YES:
        return True
    if text[0] in CROSSES or text in _NO:
        return False
    return None


@functools.lru_cache(maxsize=256)
def _title_pattern(title: str) -> re.Pattern:
    """A column title where a word starts, any case (a layout's header rows ask about the same titles)."""
    return compile_kept(rf"\b{re.escape(title.lower())}")


def column_order(header: str, columns: dict[str, Sequence[str]]) -> list[str]:
    """The names of ``columns`` found in ``header``, in the order they appear.

    ``columns`` maps a column name to the words that title it (any one of
    them, case-insensitive, whitespace-insensitive), e.g. ``{"credits":
    ("credit value", "credits"), "glh": ("glh", "guided learning hours")}``.
    ``header`` is the header row's text in any shape (cells joined by tabs,
    spaces or newlines).
    """
    flat = " ".join(header.split()).lower()
    found: list[tuple[int, str]] = []
    for name, titles in columns.items():
        positions = [m.start() for title in titles for m in _title_pattern(title).finditer(flat)]
        if positions:
            found.append((min(positions), name))
    return [name for _, name in sorted(found)]


@dataclass
class JoinedText:
    """Several lines joined by single spaces, remembering where each line starts.

    ``text`` is the whitespace-normalised join; :meth:`item_at` gives back the
    line (any object with ``text``) that a character offset falls in.
    """

    items: list[Any]
    text: str = ""
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        parts: list[str] = []
        offset = 0
        for item in self.items:
            part = " ".join(item.text.split())
            self._starts.append(offset)
            parts.append(part)
            offset += len(part) + 1
        self.text = " ".join(parts)

    @classmethod
    def of(cls, items: Iterable[Any]) -> "JoinedText":
        """Join ``items`` (objects with a ``text`` attribute)."""
        return cls(list(items))

    def item_at(self, offset: int) -> Any:
        """The line that character ``offset`` of :attr:`text` came from."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.items[max(index, 0)]
