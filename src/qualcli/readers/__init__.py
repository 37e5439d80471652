"""Readers turn a file into lines with their source position.

A reader knows one family of formats (``suffixes``) and returns a
:class:`SourceText`. Lines are *physical* lines as the format gives them:
a PDF or DOCX may wrap a sentence over several lines, and parsers rejoin
them (see :mod:`qualcli.parsing.lines`). Readers never drop text; what they
cannot read they report with :class:`~qualcli.errors.UnreadableDocument`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Line:
    """One line of a source document.

    ``text`` is the line as printed; for a table row it is the cells joined by
    tabs (newlines inside a cell become spaces) and ``cells`` keeps each cell
    as read, inner newlines included. ``block`` numbers the visual block
    (paragraph, list item, table) the line belongs to: consecutive lines with
    the same block were one paragraph in the source, so a line that a PDF or
    DOCX wrapped can be told from a new paragraph.
    """

    text: str
    number: int  # 1-based position in the reader's output
    page: int | None = None
    block: int = 0
    cells: tuple[str, ...] | None = None
    style: str | None = None  # e.g. a DOCX paragraph style ("Heading 1", "List Bullet")

    @property
    def is_table_row(self) -> bool:
        return self.cells is not None or "\t" in self.text


@dataclass
class SourceText:
    """A document as lines, with what is needed to identify it."""

    path: str
    format: str  # txt | md | html | pdf | docx | xml ...
    lines: list[Line]
    sha256: str
    pages: int | None = None
    raw: bytes | None = field(default=None, repr=False)  # for structured formats (XML)
    warnings: list[str] = field(default_factory=list)  # what the reader could not read as laid out (page named)

    @property
    def text(self) -> str:
        """All lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)


class Reader(Protocol):
    """What a reader registered through ``register_readers`` provides."""

    name: str
    suffixes: tuple[str, ...]  # lower-case, with the dot: (".pdf",)

    def read(self, path: Path, data: bytes) -> SourceText:
        """Return the document's lines; raise UnreadableDocument if it cannot."""


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
