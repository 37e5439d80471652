"""Text as the diff compares it: layout removed, wording kept.

Re-wrapped lines, bullet glyphs and list dashes, HTML remnants, Markdown
emphasis, runs of spaces, typographic quotes and spaces before punctuation are
layout, not content, so two texts that differ only in those compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from qualcli.parsing.text import clean

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"', "‐": "-", "‑": "-"})
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")
_SPACE_AROUND_SLASH = re.compile(r"(?<=\w)\s*/\s*(?=\w)")  # "age/ stage": a line broken after a slash
_LONE_MARK = re.compile(r"(?:(?<=\s)|^)[-*–—•·]+(?=\s|$)")  # a list marker or dash standing alone


@lru_cache(maxsize=65536)
def comparable(text: str | None) -> str:
    """``text`` cleaned of layout, ready to compare and to show word by word ("" for None)."""
    if not text:
        return ""
    text = " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())
    text = clean(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _SPACE_AROUND_SLASH.sub("/", text)
    return " ".join(_LONE_MARK.sub(" ", text).split())


def words(text: str | None) -> list[str]:
    """The words of ``text`` after :func:`comparable`."""
    return comparable(text).split()
