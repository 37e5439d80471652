"""Rejoining lines that a PDF or Word export wrapped.

Readers give physical lines grouped in blocks (see :class:`qualcli.readers.Line`).
:func:`logical_lines` joins the lines of a block back into the sentences they
were, except where a line starts something new: a list item, a table row, or
whatever the caller's ``starts_new`` says (a criterion ref, a heading). Every
logical line keeps the position of its first physical line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from qualcli.readers import HEADING, TABLE_ROW, TEXT, Line
from qualcli.parsing.text import BULLET_GLYPHS
from qualcli.lazyre import lazy_compile

_LIST_START = lazy_compile(rf"^\s*(?:[{BULLET_GLYPHS}](?=\s)|[-*]\s|\(?[a-z]\)\s|[a-z]\.\s|\d+(?:\.\d+)*\.?\s)")
_BARE_NUMBER = lazy_compile(r"^\s*\d+\s")  # "2 or above." -- a number with no dot after it
_CLAUSE_END = (".", ":", ";", "?", "!", ")")


@dataclass(frozen=True)
class LogicalLine:
    """A sentence or row rebuilt from one or more physical lines."""

    text: str
    number: int
    page: int | None
    cells: tuple[str, ...] | None = None
    numbers: tuple[int, ...] = ()  # every physical line it came from
    kind: str = TEXT  # the first physical line's kind (see qualcli.readers.Line)
    level: int = 0


def default_starts_new(text: str) -> bool:
    """A list item, numbered item or table row always starts a new line."""
    return bool(_LIST_START.match(text)) or "\t" in text


def logical_lines(
    lines: Iterable[Line],
    starts_new: Callable[[str], bool] | None = None,
    keep_blank: bool = False,
    ends: Callable[[str], bool] | None = None,
) -> list[LogicalLine]:
    """Join wrapped lines of the same block, and a sentence that a page break cut.

    A reader starts a new block on each page, so remove running headers and
    page numbers first (:mod:`qualcli.parsing.pages`). Blank lines end a block.

    ``starts_new(text)`` is asked for each physical line that might continue
    the previous one; return True where a new logical line must begin. It is
    consulted in addition to :func:`default_starts_new`. A heading (``kind``)
    is a logical line of its own; after a line for which ``ends(text)`` is
    True, only a line starting in lower case continues it ("Achieving
    observations" / "and range").
    """
    out: list[LogicalLine] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            first = current[0]
            text = " ".join(part.text.strip() for part in current)
            numbers = tuple(p.number for p in current)
            out.append(LogicalLine(text, first.number, first.page, first.cells, numbers, first.kind, first.level))
            current.clear()

    for line in lines:
        stripped = line.text.strip()
        if not stripped:
            flush()
            if keep_blank:
                out.append(LogicalLine("", line.number, line.page))
            continue
        if line.cells is not None or "\t" in line.text:
            flush()  # a table row is a line of its own, empty edge cells kept
            out.append(LogicalLine(line.text, line.number, line.page, line.cells, (line.number,), TABLE_ROW))
            continue
        if current and (
            not _continues(current[-1], line, stripped)
            or (line.kind == HEADING) != (current[-1].kind == HEADING)
            or _starts_item(current[-1].text, stripped)
            or (starts_new is not None and starts_new(stripped))
            or (ends is not None and not stripped[0].islower() and ends(current[-1].text))
        ):
            flush()
        current.append(line)
    flush()
    return out


def _starts_item(previous: str, stripped: str) -> bool:
    """:func:`default_starts_new`, except that a bare number after an unfinished clause continues it.

    "… must be achieved at level" / "2 or above." is one sentence; "1. Plan" /
    "2 Prepare" are two items only where the line before ends a clause.
    """
    if not default_starts_new(stripped):
        return False
    return not (_BARE_NUMBER.match(stripped) and not previous.rstrip().endswith(_CLAUSE_END))


def _continues(previous: Line, line: Line, stripped: str) -> bool:
    """Same block, or a sentence a page break cut (no full stop before, lower case after)."""
    if line.block == previous.block:
        return True
    return (
        line.page is not None
        and previous.page is not None
        and line.page != previous.page
        and not previous.text.rstrip().endswith((".", ":", "?", "!"))
        and stripped[:1].islower()
    )

