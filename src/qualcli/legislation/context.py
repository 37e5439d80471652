"""The sentence around a reference: whether it reports the instrument as replaced, and which part it is about."""

from __future__ import annotations

from functools import lru_cache

from qualcli.lazyre import compile_kept, lazy_compile

# Neither typing nor re is imported at run time (start-up): patterns come from kept programs (qualcli.lazyre).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Protocol

    class Headings(Protocol):
        """Which lines of a text are headings."""

        def heading_at(self, offset: int) -> bool:
            """True when the line starting at ``offset`` is (part of) a heading."""

# A sentence ends at . ! ? followed by space and a capital, at a blank line, or at a list item.
# (The look-behinds follow the stop, so they are only tried where there is one.)
_BOUNDARY = lazy_compile(
    r"[.!?](?<!\betc.)(?<!\be\.g.)(?<!\bi\.e.)(?<!\beg.)(?<!\bie.)(?<!\bNo.)(?<!\bs.)(?<!\breg.)(?<!\bArt.)"
    r"(?=[\s\"”’)]+[A-Z(\"“‘0-9])|\n[^\S\n]*\n|\n[^\S\n]*(?:[-*•○□▪–]|\d+[.)])\s|[\t|]"
)
_WINDOW = 500

# Cues after the reference: "X has now been replaced by ...", "X was repealed", "X only applies to contracts ... before ...".
_AFTER = lazy_compile(
    r"(?i)\b(?:(?:has|have|had)\s+(?:(?:now|since|largely|also|fully)\s+)*been|(?:was|were|is|are)(?:\s+(?:now|since|largely|also|fully|being))*)\s+"
    r"(?:replaced|superseded|repealed|revoked|abolished|consolidated|absorbed)\b"
    r"|\bno\s+longer\b|\bonly\s+appl(?:y|ies)\s+to\b[^.]*?\bbefore\b|\bused\s+to\b"
)
# Cues just before it: "replaces the X", "superseded the X and", "formerly the X", "instead of the X".
_BEFORE = lazy_compile(
    r"(?i)\b(?:replaces|replaced|replacing|supersedes|superseded|superseding|repealed|revoked|formerly|previously|"
    r"instead\s+of|predecessor,?|abolished)\s+(?:the\s+|its\s+|both\s+the\s+|an?\s+)?(?:(?!by\b)[\w’'(),&.-]+\s+){0,12}?$"
)


_STOP_STARTS = ".!?\n\t|"  # every sentence stop (_BOUNDARY) begins with one of these


@lru_cache(maxsize=32)  # a check asks up to three times for one reference's sentence
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence containing ``text[start:end]``."""
    lo = max(0, start - _WINDOW)
    last = max(text.rfind(char, lo, start) for char in _STOP_STARTS)
    if last < 0:
        s = lo  # nothing before it can end a sentence
    else:  # most often the last character that can is a stop: scan from there first
        s = _last_boundary_end(text, _after_letter(text, lo, last), start)
        if s is None:
            s = _last_boundary_end(text, lo, start)
            s = lo if s is None else s
    after = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    e = after.start() if after else min(len(text), end + _WINDOW)
    return s, e


def _after_letter(text: str, lo: int, at: int) -> int:
    """The last offset from ``lo`` up to ``at`` that follows a letter (``lo`` when none does).

    A scan for sentence stops begun there finds the same last stop as one begun at ``lo``:
    no stop contains a letter, so none runs across that point.
    """
    while at > lo and not text[at - 1].isalpha():
        at -= 1
    return at


def _last_boundary_end(text: str, lo: int, start: int) -> int | None:
    """End of the last sentence stop a scan of text[lo:start] finds (None when it finds none)."""
    last = None
    for last in _BOUNDARY.finditer(text, lo, start):
        pass
    return last.end() if last is not None else None


def is_historical(text: str, start: int, end: int, headings: Headings | None = None) -> bool:
    """True when the reference's sentence says the instrument was replaced or no longer applies,
    or the reference is an item of a list whose heading says so ("Key legislation replaced:").

    ``headings`` says which lines of ``text`` a reader marked as headings (lint's prose, whose
    Markdown ``#``, HTML ``<h2>`` or Word heading style is gone); without it a line is a heading
    when it starts with a Markdown ``#`` mark.
    """
    s, e = sentence_bounds(text, start, end)
    if _AFTER.search(text, end, e):
        return True
    return bool(_BEFORE.search(text[s:start])) or _under_replaced_heading(text, start, headings)


# A heading that introduces replaced law: "Legislation replaced:", "Former laws", "Old legislation (now repealed)".
_REPLACED_HEADING = lazy_compile(
    r"(?i)\b(?:replaced|superseded|repealed|revoked|abolished|former|formerly|old|older|previous|earlier|historic(?:al)?|"
    r"no\s+longer\s+in\s+force|out\s+of\s+date|withdrawn)\b"
)
_LIST_ITEM = lazy_compile(r"^[^\S\n]*(?:[-*+•○□▪–]|\d+[.)]|[a-z][.)])[^\S\n]+")
_HEADING_MARK = lazy_compile(r"[^\S\n]*#{1,6}[^\S\n]")  # matched at a line's start
_ITEM_MAX = 100  # an unmarked line longer than this is prose, not a list item
_LOOK_BACK = 40  # lines


def _under_replaced_heading(text: str, start: int, headings: Headings | None) -> bool:
    """True when the line at ``start`` is an item of a list (bulleted, numbered or short lines)
    whose heading, the nearest line above ending in ":" or marked as a heading, names replaced law."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line) > _ITEM_MAX and not _LIST_ITEM.match(line):
        return False
    pos = line_start - 1
    for _ in range(_LOOK_BACK):
        if pos <= 0:
            return False
        above_start = text.rfind("\n", 0, pos) + 1
        above = text[above_start:pos].strip()
        pos = above_start - 1
        if not above or _LIST_ITEM.match(text, above_start):
            continue
        if headings is not None:
            heading = above.endswith(":") or headings.heading_at(above_start)
        else:
            heading = above.endswith(":") or _HEADING_MARK.match(text, above_start) is not None
        if heading:
            return bool(_REPLACED_HEADING.search(above))
        if len(above) > _ITEM_MAX or above.endswith((".", "?", "!")):
            return False  # a prose paragraph: the list (if any) has no heading
    return False


def part_for(parts, text: str, start: int, end: int):
    """The part of an instrument a citation is about: one whose label or topic words its sentence uses, else None."""
    if not parts:
        return None
    s, e = sentence_bounds(text, start, end)
    sentence = text[s:e].lower()
    for part in parts:
        if part.label.lower() in sentence or _topic_pattern(part.topics).search(sentence):
            return part
    return None


@lru_cache(maxsize=None)
def _topic_pattern(topics: tuple[str, ...]) -> re.Pattern:
    import re

    words = sorted((re.escape(t.lower()).replace("\\ ", r"\s+") for t in topics), key=len, reverse=True)
    return compile_kept(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")
