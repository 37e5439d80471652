"""Prose extracted from a file, with a map back to source positions."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Prose:
    """Text to search, built from pieces of the source.

    Each piece records where it came from (line, column, page), so an offset
    in :attr:`text` maps back to the source with :meth:`position`.
    ``lines`` keeps each source line's text for suppressions and change-log
    detection (line number -> text).
    """

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    origins: list[tuple[int, int, int | None]] = field(default_factory=list)  # line, column (1-based), page
    lines: dict[int, str] = field(default_factory=dict)
    length: int = 0
    _text: str | None = None

    def add(self, piece: str, line: int, column: int, page: int | None = None) -> None:
        """Append ``piece``, which starts at ``line``:``column`` (1-based) of the source."""
        if not piece:
            return
        self.parts.append(piece)
        self.starts.append(self.length)
        self.origins.append((line, column, page))
        self.length += len(piece)
        self._text = None

    def gap(self, separator: str = "\n") -> None:
        """Append a separator that belongs to no source text (a line or paragraph break)."""
        if self.origins:
            line, column, page = self.origins[-1]
            self.add(separator, line, column, page)

    @property
    def text(self) -> str:
        """All pieces joined."""
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def position(self, offset: int) -> tuple[int, int, int | None]:
        """Source (line, column, page) of ``text[offset]``."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        line, column, page = self.origins[index]
        return line, column + (offset - self.starts[index]), page
