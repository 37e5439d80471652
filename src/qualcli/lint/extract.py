"""Per-format extraction of prose, keeping every character's source position.

- Markdown: code fences, inline code, quote markers, HTML comments and tags are left out;
  emphasis markers and link targets are removed so ``**Sale of Goods** Act``
  reads as one name; line breaks inside a paragraph stay single newlines
  (the finder accepts one line break inside a name).
- Plain text: tags left by conversions and emphasis markers are removed.
- HTML: only prose — no script, style, comments or tags; entities decoded;
  block elements end a paragraph, ``<br>`` only a line (so a name split by
  it is still found, as one a PDF or Word export wrapped is).
- Everything else (PDF, DOCX with headers and footers, PPTX slides and
  notes...) goes through the core readers: one piece per line, a paragraph
  break between blocks, ``page`` from the reader.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from qualcli.lint.prose import Prose
from qualcli.readers import Line

MARKDOWN_SUFFIXES = (".md", ".markdown")
PLAIN_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# Inline markup that is not prose: comments, tags, inline code, emphasis markers, link targets, escapes.
_INLINE_DROP = re.compile(
    r"<!--.*?-->|<[A-Za-z/!][^<>]*>|`+[^`\n]*`+|\*+|(?<![^\W_])_+|_+(?![^\W_])|\]\([^)\s]*\)|[\[\]]|\\(?=[*_`\[\]])"
)
_PLAIN_DROP = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>|\*+|(?<![^\W_])_+|_+(?![^\W_])")

_HTML_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|template|noscript)\b.*?</\1\s*>|<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL | re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"<br\b", re.IGNORECASE)  # a line break inside a paragraph, as a wrapped line is
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|dt|dd|dl|nav|aside|main|hr|title|caption|figure|figcaption|form)\b",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"</?(?:td|th)\b", re.IGNORECASE)


_MARKUP_CHARS = re.compile(r"[<`*_\[\]\\]")


def _add_kept(prose: Prose, line_text: str, number: int, drop: re.Pattern, start: int = 0, end: int | None = None) -> None:
    end = len(line_text) if end is None else end
    if not _MARKUP_CHARS.search(line_text, start, end):  # most lines: nothing to drop
        prose.add(line_text[start:end], number, start + 1)
        return
    pos = start
    for match in drop.finditer(line_text, start, end):
        prose.add(line_text[pos:match.start()], number, pos + 1)
        pos = match.end()
    prose.add(line_text[pos:end], number, pos + 1)


def markdown_prose(text: str) -> Prose:
    """Prose of a Markdown document."""
    prose = Prose()
    fence: str | None = None
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        prose.lines[number] = line
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            prose.gap()
            continue
        opened = _FENCE.match(line)
        if opened and not in_comment:
            fence = opened.group(1)[0] * 3
            prose.gap()
            continue
        quote = _QUOTE.match(line)
        start = quote.end() if quote else 0
        if in_comment:
            close = line.find("-->")
            if close < 0:
                prose.gap()
                continue
            start, in_comment = close + 3, False
        end = len(line)
        opening = line.rfind("<!--", start)
        if opening >= 0 and line.find("-->", opening) < 0:
            end, in_comment = opening, True
        _add_kept(prose, line, number, _INLINE_DROP, start, end)
        prose.gap()
    return prose


def plain_prose(text: str) -> Prose:
    """Prose of a plain-text document (conversion debris such as tags removed)."""
    prose = Prose()
    for number, line in enumerate(text.splitlines(), start=1):
        prose.lines[number] = line
        _add_kept(prose, line, number, _PLAIN_DROP)
        prose.gap()
    return prose


def html_prose(text: str) -> Prose:
    """Prose of an HTML document: text outside tags, script and style; entities decoded."""
    prose = Prose()
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for number, line in enumerate(text.splitlines(), start=1):
        prose.lines[number] = line

    def add_text(start: int, end: int) -> None:
        while start < end:
            line_index = bisect_right(line_starts, start) - 1
            line_end = text.find("\n", start, end)
            stop = end if line_end < 0 else line_end
            prose.add(text[start:stop], line_index + 1, start - line_starts[line_index] + 1)
            if line_end >= 0:
                prose.gap()
                stop += 1
            start = stop

    pos = 0
    for match in _HTML_TOKEN.finditer(text):
        add_text(pos, match.start())
        token = match.group()
        if token.startswith("&"):
            line_index = bisect_right(line_starts, match.start()) - 1
            prose.add(html.unescape(token), line_index + 1, match.start() - line_starts[line_index] + 1)
        elif _LINE_BREAK.match(token):
            prose.gap("\n")
        elif match.group(1) or _BLOCK_TAG.match(token):
            prose.gap("\n\n")
        elif _CELL_TAG.match(token):
            prose.gap("\t")
        pos = match.end()
    add_text(pos, len(text))
    return prose


def lines_prose(lines: list[Line]) -> Prose:
    """Prose of a document read by a core reader (PDF, DOCX, PPTX...)."""
    prose = Prose()
    previous: Line | None = None
    for line in lines:
        prose.lines[line.number] = line.text
        if not line.text.strip():
            prose.gap("\n\n")
            previous = None
            continue
        if previous is not None:
            same_paragraph = previous.block == line.block and previous.page == line.page and not line.is_table_row
            prose.gap("\n" if same_paragraph else "\n\n")
        prose.add(line.text, line.number, 1, line.page)
        previous = line
    return prose
