"""How instrument names are written, compared and turned into patterns.

Teaching material writes the same title many ways: "and" or "&", with or
without "etc.", in any case, broken across lines. :func:`name_key` reduces a
name to one comparable form; :func:`name_pattern` builds a regular expression
that accepts every such spelling of a name.
"""

from __future__ import annotations

import re

#: Whitespace between two words of a name: spaces, or one line break (a wrapped line;
#: a Markdown quote marker may follow it). A blank line ends a paragraph, so never two breaks.
SEP = r"(?:[^\S\n]*\n[^\S\n>]*>?[^\S\n]*|[^\S\n]+)"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_PUNCT = re.compile(r"[^\w\s']")


def name_key(name: str) -> str:
    """A name reduced for comparison: lower case, "&" as "and", no "etc.", no punctuation."""
    text = name.translate(_APOSTROPHES).lower().replace("&", " and ")
    text = re.sub(r"\betc\b\.?", " ", text)
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def _word_pattern(word: str) -> str:
    lower = word.lower()
    if lower in ("and", "&"):
        return r"(?:and|&)"
    if word in ("(", ")"):
        return r"\(?" if word == "(" else r"\)?"
    if "'" in word or "’" in word:
        return "['’]".join(re.escape(part) for part in re.split(r"['’]", word))
    if "-" in word:
        return r"[- ]?".join(re.escape(part) for part in word.split("-"))
    return re.escape(word)


def name_pattern(name: str) -> str:
    """A regex (no groups) matching ``name`` in the spellings material uses.

    Words may be separated by spaces or one line break; "and" may be "&";
    "etc." is optional wherever the title has it and may be added by the writer
    before "Act"; brackets around a part of the title are optional.
    """
    spaced = re.sub(r"([()])", r" \1 ", name.replace(",", " , "))
    words = [w for w in spaced.split() if w.lower().rstrip(".") != "etc"]
    parts: list[str] = []
    for i, word in enumerate(words):
        if word == ",":
            parts.append(r",?")
            continue
        piece = _word_pattern(word)
        if word.lower() in ("act", "regulations", "order") and i > 0:
            piece = rf"(?:etc\.?{SEP})?" + piece
        parts.append(piece)
    out = ""
    for i, piece in enumerate(parts):
        if i == 0:
            out = piece
        elif piece in (r"\)?", r",?"):
            out += rf"[^\S\n]*{piece}"
        elif parts[i - 1] == r"\(?":
            out += rf"[^\S\n]*{piece}"
        else:
            out += rf"{SEP}?{piece}" if piece == r"\(?" else rf"{SEP}{piece}"
    return out


def is_abbreviation(name: str) -> bool:
    """True for a short form matched case-sensitively (``SOGA``, ``COSHH``, ``UK GDPR``)."""
    return sum(ch.isupper() for ch in name) >= 2 and len(name) <= 12
