"""Prose to search, with a map back to source positions."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from qualcli.readers import HEADING, Line

_LAST = float("inf")


class LineRun:
    """Consecutive plain lines of a file, each followed by its line break; the first is line ``number``.

    A piece of :class:`Prose` whose offsets map back to lines and columns like a
    :class:`~qualcli.readers.Line`'s (:meth:`position`), without a ``Line`` per line.
    """

    __slots__ = ("text", "number", "_at", "_line")
    page = None

    def __init__(self, text: str, number: int):
        self.text = text
        self.number = number
        self._at, self._line = 0, number  # the last offset asked for and its line: lint asks in text order

    def position(self, offset: int) -> tuple[int, int]:
        """Source ``(line, column)``, 1-based, of ``text[offset]``."""
        if offset < self._at:
            self._at, self._line = 0, self.number
        self._line += self.text.count("\n", self._at, offset)
        self._at = offset
        return self._line, offset - self.text.rfind("\n", 0, offset)

    def last_line_start(self) -> int:
        """Offset of the run's last line."""
        return self.text.rfind("\n", 0, len(self.text) - 1) + 1


@dataclass
class Prose:
    """Text to search, built from pieces of the source.

    Each piece records where it came from, so an offset in :attr:`text` maps
    back to the source with :meth:`position`: either a fixed ``(line, column,
    page)`` (:meth:`add`) or a reader's :class:`~qualcli.readers.Line` and the
    offset in its text (:meth:`add_line`), resolved only when asked, through
    the line's own map (:meth:`Line.position`). ``lines`` keeps each source
    line's text for suppressions and change-log detection (line number -> text);
    for a text format it is made on first use (:meth:`source_lines`) from ``source``, the file's text.
    """

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    origins: list[tuple] = field(default_factory=list)  # (line, column, page) or (Line, offset in its text)
    lines: dict[int, str] = field(default_factory=dict)
    headings: list[tuple[int, int]] = field(default_factory=list)  # spans of text read from heading lines
    length: int = 0
    source: str | None = None
    _text: str | None = None

    def source_lines(self) -> dict[int, str]:
        """:attr:`lines`, made from :attr:`source` (one entry per line of it) when not given."""
        if not self.lines and self.source:
            self.lines = dict(enumerate(self.source.splitlines(), start=1))
        return self.lines

    def add(self, piece: str, line: int, column: int, page: int | None = None) -> None:
        """Append ``piece``, which starts at ``line``:``column`` (1-based) of the source."""
        if piece:
            self._append(piece, (line, column, page))

    def add_line(self, line: Line, separator: str) -> None:
        """Append the prose of a reader's ``line`` (its text outside ``markup``), then ``separator``."""
        text, start = line.text, self.length
        if not line.markup:  # most lines: one piece (_append inlined)
            if text or self.origins:  # nothing before the first text
                self.parts.append(text + separator)
                self.starts.append(start)
                self.origins.append((line, 0))
                self.length = start + len(text) + len(separator)
                self._text = None
            end = start + len(text)
        else:
            for lo, hi in line.prose_spans():
                self._append(text[lo:hi], (line, lo))
            end = self.length
            self.gap(separator)
        if line.kind == HEADING:
            self.headings.append((start, end))

    def add_run(self, run: LineRun) -> None:
        """Append a run of plain lines as one piece (the same prose as :meth:`add_line` of each with ``"\\n"``)."""
        text, number = run.text, run.number
        if not self.origins:  # nothing before the first text
            stripped = text.lstrip("\n")
            if not stripped:
                return
            run = LineRun(stripped, number + len(text) - len(stripped))
        self._append(run.text, (run, 0))

    def _append(self, piece: str, origin: tuple) -> None:
        self.parts.append(piece)
        self.starts.append(self.length)
        self.origins.append(origin)
        self.length += len(piece)
        self._text = None

    def heading_at(self, offset: int) -> bool:
        """True when ``text[offset]`` was read from a line the reader marked as a heading."""
        index = bisect_right(self.headings, (offset, _LAST)) - 1
        return index >= 0 and offset <= self.headings[index][1]

    def gap(self, separator: str = "\n") -> None:
        """Append a separator that belongs to no source text (a line or paragraph break)."""
        if self.origins and separator:
            origin = self.origins[-1]
            if isinstance(origin[0], LineRun):  # as after the run's last line
                origin = (origin[0], origin[0].last_line_start())
            self._append(separator, origin)

    @property
    def text(self) -> str:
        """All pieces joined."""
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def position(self, offset: int) -> tuple[int, int, int | None]:
        """Source (line, column, page) of ``text[offset]``."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        origin = self.origins[index]
        delta = offset - self.starts[index]
        if len(origin) == 2:
            line, at = origin
            number, column = line.position(at + delta)
            return number, column, line.page
        number, column, page = origin
        return number, column + delta, page
