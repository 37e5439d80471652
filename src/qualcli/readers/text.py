"""Plain text and Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.parsing.text import is_table_rule
from qualcli.readers import HEADING, LIST_ITEM, Line, SourceText, sha256_of


def decode_text(path: Path, data: bytes) -> str:
    """Decode UTF-8 text (BOM allowed); binary or other encodings are errors."""
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary data, not a text document", str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8", str(path)
        ) from None


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def lines_from_text(text: str, markdown: bool = False) -> list[Line]:
    """Physical lines; a run of non-blank lines shares a block number.

    A line with a tab, or a pipe-table row of two cells or more (``| a | b |``),
    is a table row with ``cells``; a pipe table's ``|---|`` separator row is
    left out. In Markdown, ``#`` lines are headings and ``-``/``*``/``+``
    lines list items (level from the indentation, two spaces a level), given
    without their marks.
    """
    lines = []
    block = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            block += 1
        elif "|" in raw and is_table_rule(raw):
            continue
        lines.append(_line(raw, number, block, markdown))
    return lines


def _line(raw: str, number: int, block: int, markdown: bool) -> Line:
    if "\t" in raw:
        return Line(text=raw, number=number, block=block, cells=tuple(raw.split("\t")))
    if _PIPE_ROW.match(raw):
        cells = tuple(cell.strip() for cell in raw.strip()[1:-1].split("|"))
        if len(cells) >= 2:
            return Line(text="\t".join(cells), number=number, block=block, cells=cells)
    if not markdown:
        return Line(text=raw, number=number, block=block)
    if heading := _HEADING.match(raw):
        return Line(text=heading.group(2), number=number, block=block, kind=HEADING, level=len(heading.group(1)))
    if bullet := _BULLET.match(raw):
        level = len(bullet.group(1).expandtabs(4)) // 2 + 1
        return Line(text=raw[bullet.end() :], number=number, block=block, kind=LIST_ITEM, level=level)
    return Line(text=raw, number=number, block=block)


class TextReader:
    """Reads .txt and .md files as UTF-8 lines."""

    name = "text"
    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceText:
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        lines = lines_from_text(decode_text(path, data), markdown=fmt == "md")
        return SourceText(path=str(path), format=fmt, lines=lines, sha256=sha256_of(data))
