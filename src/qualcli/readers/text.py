"""Plain text and Markdown."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.parsing.text import is_table_rule
from qualcli.readers import HEADING, LIST_ITEM, Line, SourceText, sha256_of


_BOMS = (  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(path: Path, data: bytes) -> str:
    """Decode text: UTF-8 (BOM allowed), or UTF-16/UTF-32 with a byte-order mark.

    Anything else is an error that says what the bytes seem to be (binary
    data, UTF-16 without a mark, a single-byte code page) and how to fix it.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding in ("utf-16", "utf-32"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            label = f"{encoding.upper()}-{'LE' if data[:2] == codecs.BOM_UTF16_LE else 'BE'}"
            raise UnreadableDocument(f"damaged {label} text (bad bytes at offset {exc.start})", str(path)) from None
    if b"\x00" in data[:8192]:
        raise UnreadableDocument(_guess_binary(data[:8192]), str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}; {_guess_single_byte(data)}); save it as UTF-8",
            str(path),
        ) from None


def _guess_binary(head: bytes) -> str:
    """What bytes with NULs seem to be: UTF-16/32 text without a byte-order mark, or binary data."""
    unmarked = "text without a byte-order mark; save it as UTF-8 (or with a byte-order mark)"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and head[2::4].count(0) == len(head[2::4]) and head[3::4].count(0) == len(head[3::4]):
        return f"seems to be UTF-32-LE {unmarked}"
    if odd and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return f"seems to be UTF-16-LE {unmarked}"
    if even and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return f"seems to be UTF-16-BE {unmarked}"
    return "binary data, not a text document"


def _guess_single_byte(data: bytes) -> str:
    """Which single-byte encoding non-UTF-8 text seems to be in."""
    if any(0x80 <= b <= 0x9F for b in data):
        return "it looks like Windows-1252"
    return "it looks like Latin-1 (ISO-8859-1) or Windows-1252"


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
