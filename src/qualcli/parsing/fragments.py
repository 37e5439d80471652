"""Splitting text that a conversion left as HTML or pipe-table fragments.

Exports of specifications often carry pieces of the publisher's HTML
(``<p>…</p> <ul style=…> ○ item ○ item``) or Markdown pipe tables
(``| 3.1 Describe … |``, ``|---|``) inside ordinary lines. :func:`split_fragment`
turns one such line into the paragraphs and list items it stood for, each as
clean text: no tags, no ``|`` debris, no list glyphs.

Unlike :func:`qualcli.parsing.text.clean`, a spaced dash inside prose
("Sale of Goods Act – The Act …") is kept: only a glyph that *starts* an item
is treated as a bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcli.parsing.text import is_table_rule, normalise_space, strip_emphasis, strip_pipes, strip_tags
from qualcli.lazyre import lazy_compile

_ITEM_GLYPHS = "•●○◦▪■□‣⁃·\uf0b7\uf0a7\uf0d8\uf076"
_PARA_TAG = lazy_compile(r"</?(?:p|div|br|tr|td|th|table|tbody|thead|h[1-6]|ul|ol|/li)\b[^<>]*/?>|</li>", re.I)
_ITEM_TAG = lazy_compile(r"<li\b[^<>]*>", re.I)
_ITEM_GLYPH = lazy_compile(rf"[{_ITEM_GLYPHS}](?=\s|$)")
_MARKDOWN_ITEM = lazy_compile(r"^\s*[-*](?=\s)")
_DEBRIS = lazy_compile(r"^[\s|:\-–]*$")
_HAS_MARKUP = lazy_compile(rf"</?[A-Za-z][^<>]*>|\||[{_ITEM_GLYPHS}]")

_PARA, _ITEM = "\x00P", "\x00I"
_BEFORE_MARK = lazy_compile(r"(?=\x00[PI])")


@dataclass(frozen=True)
class Part:
    """One paragraph or list item recovered from a fragment."""

    text: str
    item: bool = False


def has_markup(text: str) -> bool:
    """True if ``text`` carries tags, ``|`` cell separators or list glyphs."""
    return bool(_HAS_MARKUP.search(text))


def is_debris(text: str) -> bool:
    """True for lines that are only table scaffolding (``- | |``, ``|---|``)."""
    return bool(_DEBRIS.match(text)) or is_table_rule(text)


def clean_part(text: str) -> str:
    """Tags, pipes and emphasis removed, whitespace collapsed; dashes in prose kept."""
    return normalise_space(strip_emphasis(strip_pipes(strip_tags(text))))


def split_fragment(text: str) -> list[Part]:
    """The paragraphs and list items of a line, in order; [] for pure debris.

    A leading Markdown bullet (``- …``), an ``<li>`` tag or a list glyph
    (``○``, ``•``) starts an item; ``<p>``, ``<ul>`` and other block tags end
    the text before them. Text without markup comes back as one part.
    """
    if is_debris(text):
        return []
    first_is_item = bool(_MARKDOWN_ITEM.match(text))
    if first_is_item:
        text = _MARKDOWN_ITEM.sub("", text, count=1)
    marked = _ITEM_GLYPH.sub(_ITEM, _ITEM_TAG.sub(_ITEM, _PARA_TAG.sub(_PARA, text)))
    parts: list[Part] = []
    for index, piece in enumerate(_BEFORE_MARK.split(marked)):
        item = piece.startswith(_ITEM) or (index == 0 and first_is_item)
        cleaned = clean_part(piece.replace(_ITEM, " ").replace(_PARA, " "))
        if cleaned and not is_debris(cleaned):
            parts.append(Part(cleaned, item))
    if first_is_item and parts and not parts[0].item:
        parts[0] = Part(parts[0].text, True)
    return parts
