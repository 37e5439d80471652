"""Cleaning text that came out of PDFs, Word and HTML conversions."""

from __future__ import annotations

from qualcli.lazyre import lazy_compile

_TAG = lazy_compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>")
_PIPE_DEBRIS = lazy_compile(r"(?:^|\s)\|(?:\s*-{2,}\s*\|)*|\|(?:\s|$)")
_TABLE_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
BULLET_GLYPHS = "•●○◦▪■□‣⁃–·\uf0b7\uf0a7\uf0d8\uf076"
_LEADING_BULLET = lazy_compile(rf"^\s*(?:[{BULLET_GLYPHS.replace('–', '')}]|[-–*](?=\s))\s*")
# mid-sentence glyphs left by flattened lists; an en dash there is punctuation, not a bullet
_INLINE_BULLET = lazy_compile(rf"(?<=\s)[{BULLET_GLYPHS.replace('–', '')}](?=\s)")
_EMPHASIS = lazy_compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_DIGITS = lazy_compile(r"\d+")


_CHARACTER_FOLDS = str.maketrans({"\u2011": "-", "\u00ad": None})


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space.

    Non-breaking hyphens become ``-`` and soft hyphens go, so text read from a
    PDF compares equal to the same text from DOCX or plain text.
    """
    return " ".join(text.translate(_CHARACTER_FOLDS).split())


def strip_tags(text: str) -> str:
    """Remove HTML/XML tags and decode entities; block tags become spaces."""
    text = _TAG.sub(" ", text)
    if "&" not in text:
        return text  # as html.unescape would give it: no entity, and the module and its table of entities not imported
    from html import unescape

    return unescape(text)


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis markers (``**bold**``, ``*it*``, ``__x__``)."""
    return _EMPHASIS.sub(r"\2", text)


def strip_bullet(text: str) -> str:
    """Remove one leading list glyph (``•``, ``○``, ``-``, ``*``...)."""
    return _LEADING_BULLET.sub("", text, count=1)


def is_table_rule(text: str) -> bool:
    """True for Markdown table separator rows such as ``|---|---|``."""
    return bool(_TABLE_RULE.match(text)) and "-" in text


def strip_pipes(text: str) -> str:
    """Remove ``|`` cell separators left by table conversions."""
    return _PIPE_DEBRIS.sub(" ", text)


def clean(text: str) -> str:
    """Text fit for a model field: no tags, pipes, list glyphs or emphasis; one-spaced."""
    text = strip_tags(text)
    text = strip_pipes(text)
    text = _INLINE_BULLET.sub(" ", strip_bullet(text))
    text = strip_emphasis(text)
    return normalise_space(text)


def parse_int(text: str | None) -> int | None:
    """The first whole number in ``text`` (``"45 (minimum)"`` -> 45), or None."""
    if not text:
        return None
    match = _DIGITS.search(text.replace(",", ""))
    return int(match.group()) if match else None
