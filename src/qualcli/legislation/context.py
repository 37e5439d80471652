"""The sentence around a reference, and whether it reports the instrument as replaced."""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital, at a blank line, or at a list item.
# (The look-behinds follow the stop, so they are only tried where there is one.)
_BOUNDARY = re.compile(
    r"[.!?](?<!\betc.)(?<!\be\.g.)(?<!\bi\.e.)(?<!\beg.)(?<!\bie.)(?<!\bNo.)(?<!\bs.)(?<!\breg.)(?<!\bArt.)"
    r"(?=[\s\"”’)]+[A-Z(\"“‘0-9])|\n[^\S\n]*\n|\n[^\S\n]*(?:[-*•○□▪–]|\d+[.)])\s|[\t|]"
)
_WINDOW = 500

# Cues after the reference: "X has now been replaced by ...", "X was repealed", "X only applies to contracts ... before ...".
_AFTER = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:(?:now|since|largely|also|fully)\s+)*been|(?:was|were|is|are)(?:\s+(?:now|since|largely|also|fully|being))*)\s+"
    r"(?:replaced|superseded|repealed|revoked|abolished|consolidated|absorbed)\b"
    r"|\bno\s+longer\b|\bonly\s+appl(?:y|ies)\s+to\b[^.]*?\bbefore\b|\bused\s+to\b",
    re.IGNORECASE,
)
# Cues just before it: "replaces the X", "superseded the X and", "formerly the X", "instead of the X".
_BEFORE = re.compile(
    r"\b(?:replaces|replaced|replacing|supersedes|superseded|superseding|repealed|revoked|formerly|previously|"
    r"instead\s+of|predecessor,?|abolished)\s+(?:the\s+|its\s+|both\s+the\s+|an?\s+)?(?:(?!by\b)[\w’'(),&.-]+\s+){0,12}?$",
    re.IGNORECASE,
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence containing ``text[start:end]``."""
    lo = max(0, start - _WINDOW)
    before = list(_BOUNDARY.finditer(text, lo, start))
    s = before[-1].end() if before else lo
    after = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    e = after.start() if after else min(len(text), end + _WINDOW)
    return s, e


def is_historical(text: str, start: int, end: int) -> bool:
    """True when the reference's own sentence says the instrument was replaced or no longer applies."""
    s, e = sentence_bounds(text, start, end)
    if _AFTER.search(text, end, e):
        return True
    return bool(_BEFORE.search(text[s:start]))
