"""Word-by-word differences between two wordings (difflib on word lists).

Trailing punctuation marks are tokens of their own, so "1990" -> "1990, and
more" shows as the insertion of ", and more" rather than a replaced word.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

from qualcli.diff.normalise import words

Op = Literal["equal", "delete", "insert"]
CONTEXT = 8  # unchanged words kept either side of a change when eliding
_TRAILING_PUNCT = re.compile(r"^(.*?)([,.;:!?)\]]*)$")


class Segment(NamedTuple):
    """A run of words that is unchanged, deleted or inserted.

    ``glue`` is True when the run starts with punctuation that attaches to
    the word before it (no space in between).
    """

    op: Op
    text: str
    glue: bool = False


def tokens(text: str | None) -> list[str]:
    """Words of ``text`` with trailing punctuation split off as tokens of its own."""
    out = []
    for word in words(text):
        stem, punct = _TRAILING_PUNCT.match(word).groups()
        if stem:
            out.append(stem)
        out.extend(punct)  # one token per mark: "mail)." -> "mail", ")", "."
    return out


def _is_punct(token: str) -> bool:
    return bool(token) and _TRAILING_PUNCT.match(token).group(1) == ""


def join(parts: list[str]) -> str:
    """Tokens back into text: a space between words, none before punctuation."""
    text = ""
    for token in parts:
        text += token if (not text or _is_punct(token)) else f" {token}"
    return text


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """Segments that turn ``old`` into ``new``: runs of equal, deleted and inserted words.

    Both texts are compared after :func:`qualcli.diff.normalise.comparable`,
    so re-wrapping and layout never show as a change. A replaced run gives a
    ``delete`` segment followed by an ``insert`` segment.
    """
    a, b = tokens(old), tokens(new)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", join(a[i1:i2]), _is_punct(a[i1])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", join(a[i1:i2]), _is_punct(a[i1])))
        if j2 > j1:
            segments.append(Segment("insert", join(b[j1:j2]), _is_punct(b[j1])))
    return segments


def is_replacement(segments: list[Segment]) -> bool:
    """True when nothing is kept: the whole value was replaced (show it as old -> new)."""
    return not any(s.op == "equal" for s in segments)


def elide(segments: list[Segment], context: int = CONTEXT) -> list[Segment]:
    """Shorten long unchanged runs to ``context`` words either side of a change, marking cuts with "…"."""
    out: list[Segment] = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        run = segment.text.split()
        if segment.op != "equal" or len(run) <= 2 * context or last == 0:
            out.append(segment)
            continue
        head = run[:context] if index > 0 else []
        tail = run[-context:] if index < last else []
        out.append(segment._replace(text=" ".join([*head, "…", *tail])))
    return out


def render(segments: list[Segment], deleted, inserted, glue: bool = True) -> str:
    """Segments as one line, deleted and inserted runs wrapped by the given functions.

    With ``glue`` False a deleted or inserted run starting with punctuation
    still gets a space before it (Markdown only treats ``**`` as emphasis
    after a space there).
    """
    text = ""
    for op, run, attached in segments:
        shown = run if op == "equal" else deleted(run) if op == "delete" else inserted(run)
        text += shown if (not text or (attached and (glue or op == "equal"))) else f" {shown}"
    return text
