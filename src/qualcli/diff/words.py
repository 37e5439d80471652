"""Word-by-word differences between two wordings (difflib on word lists)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

from qualcli.diff.normalise import words

Op = Literal["equal", "delete", "insert"]
Segment = tuple[Op, str]

CONTEXT = 8  # unchanged words kept either side of a change when eliding


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """Segments that turn ``old`` into ``new``: runs of equal, deleted and inserted words.

    Both texts are compared after :func:`qualcli.diff.normalise.comparable`,
    so re-wrapping and layout never show as a change. A replaced run gives a
    ``delete`` segment followed by an ``insert`` segment.
    """
    a, b = words(old), words(new)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("insert", " ".join(b[j1:j2])))
    return segments


def elide(segments: list[Segment], context: int = CONTEXT) -> list[Segment]:
    """Shorten long unchanged runs to ``context`` words either side of a change, marking cuts with "…"."""
    out: list[Segment] = []
    last = len(segments) - 1
    for index, (op, text) in enumerate(segments):
        run = text.split()
        if op != "equal" or len(run) <= 2 * context or last == 0:
            out.append((op, text))
            continue
        head = run[:context] if index > 0 else []
        tail = run[-context:] if index < last else []
        out.append(("equal", " ".join([*head, "…", *tail]).strip()))
    return out
