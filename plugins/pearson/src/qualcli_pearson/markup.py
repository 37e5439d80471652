"""Turning Pearson table cells (HTML list fragments, glyph bullets) into text.

Pearson's unit tables carry their lists as HTML fragments
(``<ul style="list-style-type: none"> □ <i>Term:</i> text □ …``) or, once a
Word or PDF export has been through them, as glyph bullets and line breaks.
Either way the list structure is kept as text: one item per line.
"""

from __future__ import annotations

import re

from qualcli.parsing.fragments import split_fragment
from qualcli.parsing.text import normalise_space, strip_emphasis, strip_tags
from qualcli.parsing import lazy_compile

_SPACE_BEFORE_COLON = lazy_compile(r"\s+:")
_INLINE_TAG = lazy_compile(r"</?(?:i|b|em|strong|u|span|a|sup|sub|font)\b[^<>]*>", re.I)
ITEM_GLYPHS = "□•●○◦▪■‣\uf0b7\uf0a7\uf0d8"  # dashes are punctuation inside Pearson's items
_GLYPH_ITEM = lazy_compile(rf"^[{ITEM_GLYPHS}]\s*")


def plain_text(text: str) -> str:
    """Text without tags, entities or emphasis markers, one-spaced (dashes kept)."""
    return normalise_space(strip_emphasis(strip_tags(_INLINE_TAG.sub("", text))))


def list_items(cell: str) -> list[str]:
    """The items of a cell, in order, each cleaned of markup ("Term: text").

    Inline tags go first, so "<i>Term</i>: text" reads "Term: text".
    """
    return [_SPACE_BEFORE_COLON.sub(":", part.text) for part in split_fragment(_INLINE_TAG.sub("", cell))]


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


def html_lines(fragment: str) -> list[str]:
    """An HTML fragment as text lines: one per paragraph, list items as "- item"."""
    flat = " ".join(fragment.split())  # source line breaks are only wrapping in HTML
    return [f"- {part.text}" if part.item else part.text for part in split_fragment(_INLINE_TAG.sub("", flat))]


def glyph_item(line: str) -> str:
    """A line that starts with a list glyph (a Symbol-font bullet, "•", "□") as "- Text"."""
    text = line.strip()
    if _GLYPH_ITEM.match(text):
        return "- " + plain_text(_GLYPH_ITEM.sub("", text, count=1))
    return plain_text(text)
