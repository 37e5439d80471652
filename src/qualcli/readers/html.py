"""HTML pages (.html, .htm): the prose, as lines in blocks.

Only what a reader sees is kept: ``head``, ``title``, ``script``, ``style``,
``template``, ``noscript`` and comments are skipped. Each block element
(``p``, ``li``, ``h1``-``h6``, ``div``, ``blockquote``, ``dt``/``dd`` ...)
starts a new block; ``br`` starts
a new line in the same block; ``pre`` keeps its own line breaks. A table row
(``tr``) is one line with ``cells`` (``td``/``th``; a ``br`` or paragraph
inside a cell is a "\\n" in ``cells``). Entities are decoded and runs of
white space collapse as a browser collapses them. ``style`` is "Heading N"
for ``hN``, "List Bullet" / "List Number" for items of ``ul`` / ``ol``.
``number`` is the line in the file where the element's text starts, and
``origins`` maps every part of ``text`` back to its line and column in the
file (tags, entities and collapsed white space accounted for), so findings
point into the source.

The encoding is taken from a byte-order mark or ``<meta charset>``; otherwise
UTF-8, falling back to Windows-1252 (the web's legacy default).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from qualcli.errors import UnreadableDocument
from qualcli.readers import Line, SourceText, sha256_of

SKIPPED = {"head", "title", "script", "style", "template", "noscript", "svg", "math"}
BLOCKS = {
    "p", "div", "li", "dt", "dd", "blockquote", "section", "article", "header", "footer", "nav", "aside",
    "main", "figure", "figcaption", "caption", "address", "details", "summary", "ul", "ol", "dl", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "form", "fieldset", "legend", "body",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")  # white space a browser shows as one space, other than one space
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")  # what html.unescape decodes


def decode_html(path: Path, data: bytes) -> str:
    """The page as text, in the encoding it declares (see the module docstring)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument("binary data, not an HTML page", str(path))
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*encodings, "utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


class _PageParser(HTMLParser):
    """Collects the page's visible text as :class:`Line` objects."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.block = 0
        self.skipping: list[str] = []
        self.lists: list[str] = []
        self.pre = 0
        self.style: str | None = None
        self.words: list[_Piece] = []
        self.start_line = 1
        self.row: list[tuple[str, list]] | None = None  # cells as (text, origins)
        self.cell: list[list[_Piece]] | None = None  # the current cell's lines, each a list of text pieces
        self.row_line = 1

    # -- text --------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        pieces = self._pieces(data)
        if self.cell is not None:
            self.cell[-1].extend(pieces)
            return
        if self.pre:
            for piece in pieces:
                self._pre_text(piece)
            return
        if not self.words or not "".join(word[0] for word in self.words).strip():
            self.start_line = self.getpos()[0] + _leading_newlines(data)
        self.words.extend(pieces)

    def feed(self, data: str) -> None:
        """Parse ``data``, the whole page at once (text is placed by its line starts)."""
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", data)]
        self.fed = len(data)
        super().feed(data)

    def _pieces(self, data: str) -> list[_Piece]:
        """``data`` (decoded text that starts here in the page) as pieces placed in the source: the text
        between character references follows the page, each reference is placed where it starts."""
        line, column = self.getpos()
        trimmed = self.fed - len(self.rawdata)  # what the parser has already let go of
        pos = self.line_starts[line - 1] + column - trimmed
        end = self.rawdata.find("<", pos + 1)  # the text runs to the next tag at most
        pieces, made = [], 0
        for ref in _CHARREF.finditer(self.rawdata, pos, end if end >= 0 else len(self.rawdata)):
            plain = min(ref.start() - pos, len(data) - made)
            if plain > 0:
                pieces.append((data[made : made + plain], *self._where(pos + trimmed), False))
                made += plain
            decoded = unescape(ref.group())
            if made >= len(data) or data[made : made + len(decoded)] != decoded:
                break
            tail = len(decoded) - 1 if len(decoded) > 1 and ref.group().endswith(decoded[1:]) else 0  # "&copyx": "©" + "x"
            pieces.append((decoded[: len(decoded) - tail], *self._where(ref.start() + trimmed), True))
            if tail:
                pieces.append((decoded[-tail:], *self._where(ref.end() - tail + trimmed), False))
            made, pos = made + len(decoded), ref.end()
        if made < len(data):
            pieces.append((data[made:], *self._where(pos + trimmed), False))
        return pieces

    def _where(self, offset: int) -> tuple[int, int]:
        """(line, column), 1-based, of ``offset`` in the page."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def _pre_text(self, piece: _Piece) -> None:
        data, line, column, entity = piece
        for index, part in enumerate(data.split("\n")):
            if index:
                self.flush_line(keep_spaces=True)
                line, column = line + 1, 1
            if part and not self.words:
                self.start_line = line
            self.words.append((part, line, column, entity))
            column += len(part)

    def flush_line(self, keep_spaces: bool = False) -> None:
        """End the current line (within the current block)."""
        text, origins = _joined(self.words, keep_spaces)
        self.words = []
        if text:
            self.lines.append(Line(text=text, number=self.start_line, block=self.block, style=self.style, origins=origins))

    def new_block(self) -> None:
        self.flush_line(keep_spaces=bool(self.pre))
        self.block += 1

    # -- tags --------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping.append(tag)
            return
        if self.skipping:
            return
        if tag == "br":
            self._break()
        elif tag == "tr":
            self._end_row()
            self.flush_line()
            self.row, self.row_line = [], self.getpos()[0]
        elif tag in ("td", "th"):
            if self.row is None:
                self.row, self.row_line = [], self.getpos()[0]
            self._end_cell()
            self.cell = [[]]
        elif self.cell is not None and tag in BLOCKS:
            if any(part[0].strip() for part in self.cell[-1]):
                self.cell.append([])
        elif tag in BLOCKS:
            self.new_block()
            if tag in ("ul", "ol"):
                self.lists.append(tag)
            self.style = _style_for(tag, self.lists)
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self.block += 1
        elif self.cell is not None:
            return
        elif tag in BLOCKS:
            self.new_block()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            if tag == "pre" and self.pre:
                self.pre -= 1
            self.style = None

    def close(self) -> None:
        super().close()
        self._end_row()
        self.flush_line()

    # -- helpers -----------------------------------------------------------
    def _break(self) -> None:
        if self.cell is not None:
            self.cell.append([])
        else:
            self.flush_line(keep_spaces=bool(self.pre))

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        cell_lines = [line for line in (_joined(parts) for parts in self.cell) if line[0]]
        text, origins = "\n".join(line for line, _ in cell_lines), []
        at = 0
        for line, line_origins in cell_lines:
            origins += [(at + offset, number, column) for offset, number, column in line_origins]
            at += len(line) + 1
        self.row.append((text, origins))
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is None:
            return
        row, self.row = self.row, None
        cells = tuple(cell for cell, _ in row)
        if any(cells):
            text = "\t".join(cell.replace("\n", " ") for cell in cells)
            origins, at = [], 0
            for cell, cell_origins in row:
                origins += [(at + offset, number, column) for offset, number, column in cell_origins]
                at += len(cell) + 1
            self.lines.append(Line(text=text, number=self.row_line, block=self.block, cells=cells, origins=tuple(origins)))


_Piece = tuple  # (text, source line, source column (1-based), whether it is one decoded entity)


def _joined(pieces: list[_Piece], keep_spaces: bool = False) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The text of ``pieces`` with white space collapsed and trimmed (kept, but for trailing, with
    ``keep_spaces``), and its origins: ``(offset, line, column)`` wherever the text stops following the source."""
    raw = "".join(piece[0] for piece in pieces)
    low, high = (0 if keep_spaces else len(raw) - len(raw.lstrip())), len(raw.rstrip())
    if low >= high:
        return "", ()
    segments = []  # the stretches of raw copied as they are; a run of white space between two becomes one space
    plain = keep_spaces or ("  " not in raw and raw.isprintable())  # no white space but single spaces (the usual)
    for run in () if plain else _ODD_SPACE.finditer(raw, low, high):
        segments.append((low, run.start()))
        low = run.end()
    segments.append((low, high))
    starts, at = [], 0
    for data, *_ in pieces:
        starts.append(at)
        at += len(data)
    origins: list[tuple[int, int, int]] = []
    length, index = 0, 0
    for number, (low, high) in enumerate(segments):
        length += 1 if number else 0
        while index + 1 < len(pieces) and starts[index + 1] <= low:
            index += 1
        position, at_piece = low, index
        while position < high:  # a breakpoint wherever a piece does not follow on in the source
            data, line, column, entity = pieces[at_piece]
            if position < starts[at_piece] + len(data):
                where = (line, column) if entity else _place(data, position - starts[at_piece], line, column)
                offset = length + position - low
                if not origins or (origins[-1][1], origins[-1][2] + offset - origins[-1][0]) != where:
                    origins.append((offset, *where))
                position = min(starts[at_piece] + len(data), high)
            at_piece += 1
        length += high - low
    return " ".join(raw[low:high] for low, high in segments), tuple(origins)


def _place(data: str, offset: int, line: int, column: int) -> tuple[int, int]:
    """Source (line, column) of ``data[offset]``, ``data`` starting at ``line``:``column``."""
    newline = data.rfind("\n", 0, offset)
    if newline < 0:
        return line, column + offset
    return line + data.count("\n", 0, offset), offset - newline


def _leading_newlines(data: str) -> int:
    """How many lines ``data`` runs over before its first visible character."""
    stripped = data.lstrip()
    return data[: len(data) - len(stripped)].count("\n") if stripped else 0


def _style_for(tag: str, lists: list[str]) -> str | None:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return f"Heading {tag[1]}"
    if tag == "li":
        name = "List Number" if lists and lists[-1] == "ol" else "List Bullet"
        return f"{name} {len(lists)}" if len(lists) > 1 else name
    return None


class HtmlReader:
    """Reads .html/.htm pages with the standard library's parser."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: Path, data: bytes) -> SourceText:
        parser = _PageParser()
        parser.feed(decode_html(path, data))
        parser.close()
        return SourceText(path=str(path), format="html", lines=parser.lines, sha256=sha256_of(data))
