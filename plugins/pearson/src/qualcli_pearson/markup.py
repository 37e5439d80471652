"""Turning Pearson table cells (HTML list fragments, glyph bullets) into text.

Pearson's unit tables carry their lists as HTML fragments
(``<ul style="list-style-type: none"> □ <i>Term:</i> text □ …``) or, once a
Word or PDF export has been through them, as glyph bullets and line breaks.
Either way the list structure is kept as text: one item per line.
"""

from __future__ import annotations

import re

from qualcli.parsing.text import normalise_space, strip_emphasis, strip_tags

# List glyphs only: dashes are punctuation inside Pearson's items.
ITEM_GLYPHS = "□•●○◦▪■‣\uf0b7\uf0a7\uf0d8"
# Block-level tags and list glyphs start a new item; inline tags are dropped.
# Line breaks do not: in a printed cell they are only where the text wrapped.
_ITEM_BREAK = re.compile(rf"</?(?:ul|ol|li|p|br|div)\b[^<>]*>|[{ITEM_GLYPHS}](?=\s)")
_SPACE_BEFORE_COLON = re.compile(r"\s+:")
_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|u|span|a|sup|sub|font)\b[^<>]*>", re.I)


def plain_text(text: str) -> str:
    """Text without tags, entities or emphasis markers, one-spaced (dashes kept)."""
    return normalise_space(strip_emphasis(strip_tags(_INLINE_TAG.sub("", text))))


def list_items(cell: str) -> list[str]:
    """The items of a cell, in order, each cleaned of markup ("Term: text")."""
    items = []
    for part in _ITEM_BREAK.split(cell):
        text = _SPACE_BEFORE_COLON.sub(":", plain_text(part))
        if text:
            items.append(text)
    return items


def amplification_text(cell: str) -> str | None:
    """Unit amplification as lines, one list item ("Term: …") per line."""
    items = list_items(cell)
    return "\n".join(items) or None


def criterion_text(cell: str) -> str:
    """A criterion's wording; a list it carries follows as "- item" lines.

    ``"Identify … in regard to: <ul> • fulfilling a contract • …"`` becomes
    ``"Identify … in regard to:\\n- fulfilling a contract\\n- …"``.
    """
    items = list_items(cell)
    if not items:
        return ""
    return "\n".join([items[0], *(f"- {item}" for item in items[1:])])


_BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|div|br|h[1-6]|li|tr|td|th|table)\b[^<>]*/?>", re.I)
_LI_TAG = re.compile(r"<li\b[^<>]*>", re.I)
_GLYPH_ITEM = re.compile(rf"^[{ITEM_GLYPHS}]\s*")


def html_lines(fragment: str) -> list[str]:
    """An HTML fragment as text lines: one per paragraph, list items as "- item"."""
    flat = " ".join(fragment.split())  # source line breaks are only wrapping in HTML
    marked = _BLOCK_TAG.sub("\n", _LI_TAG.sub("\n\x00", flat))
    lines = []
    for part in marked.split("\n"):
        item = part.startswith("\x00")
        text = plain_text(part.replace("\x00", " "))
        if text:
            lines.append(f"- {text}" if item else text)
    return lines


def glyph_item(line: str) -> str:
    """A line that starts with a list glyph ("\uf0b7\tText", "• Text") as "- Text"."""
    text = line.strip()
    if _GLYPH_ITEM.match(text):
        return "- " + plain_text(_GLYPH_ITEM.sub("", text, count=1))
    return plain_text(text)
