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
_MARKDOWN_STARTS = ("#", "-", "*", "+")  # what a Markdown heading or list item starts with

# What is markup, not prose (``Line.markup``). Markdown: code fences, quote markers, HTML comments and tags,
# inline code, emphasis markers, link targets and escapes. Plain text: tags and emphasis left by conversions.
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MARKDOWN_INLINE = re.compile(
    r"<!--.*?-->|<[A-Za-z/!][^<>]*>|`+[^`\n]*`+|\*+|(?<![^\W_])_+|_+(?![^\W_])|\]\([^)\s]*\)|[\[\]]|\\(?=[*_`\[\]])"
)
_PLAIN_INLINE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>|\*+|(?<![^\W_])_+|_+(?![^\W_])")
_MARKUP_CHARS = re.compile(r"[<`*_\[\]\\]")  # what every match of the two patterns above starts with


def lines_from_text(text: str, markdown: bool = False) -> list[Line]:
    """Physical lines; a run of non-blank lines shares a block number.

    A line with a tab, or a pipe-table row of two cells or more (``| a | b |``),
    is a table row with ``cells``; a pipe table's ``|---|`` separator row is
    left out. In Markdown, ``#`` lines are headings and ``-``/``*``/``+``
    lines list items (level from the indentation, two spaces a level), given
    without their marks. Each line's ``origins`` and ``markup`` say where its
    text is in the file and which of it is markup (see :class:`Line`); a
    Markdown code fence is markup from its opening line to its closing one.
    """
    make = LineMaker(markdown)
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = make(raw.rstrip("\r"), number)
        if line is not None:
            lines.append(line)
    return lines


class LineMaker:
    """Makes the reader's :class:`Line` of each raw line in turn (see :func:`lines_from_text`).

    It keeps what spans lines: the block number, and in Markdown an open code
    fence or comment (:attr:`open`). A caller may feed it only some lines of
    a file, skipping plain ones while nothing is open (lint's Markdown prose
    does); ``block`` then counts only the blank lines it was given.
    """

    def __init__(self, markdown: bool = False) -> None:
        self.markdown = markdown
        self.block = 0
        self._markup = _MarkdownMarkup() if markdown else _plain_markup

    @property
    def open(self) -> bool:
        """True inside a Markdown code fence or comment: every line is markup until it closes."""
        return self.markdown and (self._markup.fence is not None or self._markup.in_comment)

    def __call__(self, raw: str, number: int) -> Line | None:
        """The line ``number`` (1-based) whose text is ``raw``; None for a pipe table's separator row."""
        markdown, markup = self.markdown, self._markup
        if not raw.strip():
            self.block += 1
        elif "|" in raw and is_table_rule(raw):
            markup(raw)  # keeps a fence or comment open across it
            return None
        if "|" not in raw and "\t" not in raw and (not markdown or raw.lstrip()[:1] not in _MARKDOWN_STARTS):
            return Line.text_line(raw, number, self.block, tuple(markup(raw)))  # most lines: text, as _line makes them
        return _line(raw, number, self.block, markdown, markup(raw))


def _plain_markup(raw: str) -> list[tuple[int, int]]:
    """Spans of a plain-text line that conversions left as markup."""
    return _inline_markup(raw, _PLAIN_INLINE, 0, len(raw))


def _inline_markup(raw: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    """``pattern.finditer`` over raw[start:end], tried only where a markup character is (much faster)."""
    spans = []
    pos = start
    while candidate := _MARKUP_CHARS.search(raw, pos, end):
        found = pattern.match(raw, candidate.start(), end)
        if found:
            spans.append(found.span())
            pos = found.end()
        else:
            pos = candidate.start() + 1
    return spans


class _MarkdownMarkup:
    """Spans of each Markdown line that are markup, keeping fences and comments open across lines."""

    def __init__(self) -> None:
        self.fence: str | None = None
        self.in_comment = False

    def __call__(self, raw: str) -> list[tuple[int, int]]:
        if self.fence is None and not self.in_comment and not _may_be_markdown_markup(raw):
            return []  # most lines
        whole = [(0, len(raw))]
        if self.fence is not None:
            if raw.strip().startswith(self.fence):
                self.fence = None
            return whole
        opened = _FENCE.match(raw)
        if opened and not self.in_comment:
            self.fence = opened.group(1)[0] * 3
            return whole
        quote = _QUOTE.match(raw)
        start = quote.end() if quote else 0
        if self.in_comment:
            close = raw.find("-->")
            if close < 0:
                return whole
            start, self.in_comment = close + 3, False
        end = len(raw)
        opening = raw.rfind("<!--", start)
        if opening >= 0 and raw.find("-->", opening) < 0:
            end, self.in_comment = opening, True
        spans = [(0, start)] if start else []
        spans += _inline_markup(raw, _MARKDOWN_INLINE, start, end)
        return spans + [(end, len(raw))] if end < len(raw) else spans


def _may_be_markdown_markup(raw: str) -> bool:
    """Whether ``raw`` has a character that can start Markdown markup, a fence or a quote (``in`` is fastest)."""
    return ("*" in raw or "_" in raw or "<" in raw or "`" in raw or "[" in raw or "]" in raw or "\\" in raw
            or "~" in raw or ">" in raw)


def _line(raw: str, number: int, block: int, markdown: bool, markup: list[tuple[int, int]]) -> Line:
    if "\t" in raw:
        return Line(text=raw, number=number, block=block, cells=tuple(raw.split("\t")), markup=tuple(markup))
    if "|" in raw and _PIPE_ROW.match(raw):
        offset, cells, segments, at = raw.index("|") + 1, [], [], 0
        for piece in raw[offset : raw.rindex("|")].split("|"):
            cell = piece.strip()
            segments.append((at, offset + len(piece) - len(piece.lstrip()), len(cell)))
            cells.append(cell)
            at += len(cell) + 1
            offset += len(piece) + 1
        if len(cells) >= 2:
            return _placed("\t".join(cells), number, block, segments, markup, cells=tuple(cells))
    if not markdown or raw.lstrip()[:1] not in _MARKDOWN_STARTS:
        return Line.text_line(raw, number, block, tuple(markup))
    if heading := _HEADING.match(raw):
        text = heading.group(2)
        return _placed(text, number, block, [(0, heading.start(2), len(text))], markup, kind=HEADING, level=len(heading.group(1)))
    if bullet := _BULLET.match(raw):
        level = len(bullet.group(1).expandtabs(4)) // 2 + 1
        text = raw[bullet.end() :]
        return _placed(text, number, block, [(0, bullet.end(), len(text))], markup, kind=LIST_ITEM, level=level)
    return Line.text_line(raw, number, block, tuple(markup))


def _placed(text: str, number: int, block: int, segments: list[tuple[int, int, int]], markup, **fields) -> Line:
    """A line whose ``text`` is made of ``segments`` ``(text offset, raw offset, length)`` of the raw line."""
    origins = tuple((at, number, raw_at + 1) for at, raw_at, _ in segments)
    kept = []
    for start, end in markup:  # markup spans of the raw line, moved onto the text
        for at, raw_at, length in segments:
            lo, hi = max(start, raw_at), min(end, raw_at + length)
            if lo < hi:
                kept.append((at + lo - raw_at, at + hi - raw_at))
    return Line(text=text, number=number, block=block, origins=origins, markup=tuple(kept), **fields)


class TextReader:
    """Reads .txt and .md files as UTF-8 lines."""

    name = "text"
    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceText:
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        lines = lines_from_text(decode_text(path, data), markdown=fmt == "md")
        return SourceText(path=str(path), format=fmt, lines=lines, sha256=sha256_of(data))
