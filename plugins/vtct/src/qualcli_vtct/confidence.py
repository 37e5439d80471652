"""How sure the VTCT parser is that a document is a VTCT record-of-assessment book.

The score adds the weights of the VTCT signs found (the body's name, the
book's own headings, its unit figures, "Learning outcome N" / "You can:" with
lettered criteria, a unit code on a line of its own, the sign-off forms), so
a single-unit book whose text never names VTCT (logo only) is still known by
its layout, and subtracts for another awarding body named more often
than VTCT. The name alone stays below the loader's threshold (0.3), so a
revision page that mentions VTCT is not taken for a book. The reason lists what was found, so a user can see why a document
was (not) taken.
"""

from __future__ import annotations

import re

from qualcli.plugins import Confidence

from qualcli_vtct.layout import UNIT_CODE

SIGNS: tuple[tuple[str, re.Pattern, float], ...] = (
    ("names VTCT", re.compile(r"\bVTCT\b"), 0.25),
    ("record-of-assessment wording", re.compile(r"record of assessment|statement of unit achievement", re.I), 0.15),
    ("VTCT structure/methods tables", re.compile(r"ofqual unit reference|unit assessment methods", re.I), 0.15),
    ("unit figures Observation(s)/External paper(s)", re.compile(r"^\s*(?:observation\(s\)|external paper\(s\))", re.I | re.M), 0.1),
    ("'Learning outcome N' with 'You can:'", re.compile(r"^\s*you can:", re.I | re.M), 0.15),
    ("lettered criteria", re.compile(r"^\s*(?:[-•]\s*)?[a-z]\.\s+[A-Z]", re.M), 0.1),
    ("'Learning outcome N' bars", re.compile(r"^\s*(?:learning )?outcome \d+\s*$", re.I | re.M), 0.1),
    ("a VTCT unit code on its own line", re.compile(rf"^\s*{UNIT_CODE}(?:_v\d+)?\s*$", re.M), 0.1),
    ("record-book sign-off forms", re.compile(r"^\s*(?:assessor initials|learner signature|date achieved)\b", re.I | re.M), 0.1),
)
OTHER_BODIES = (
    ("City & Guilds", re.compile(r"City\s*(?:&|and)\s*Guilds", re.I)),
    ("Pearson", re.compile(r"\bPearson\b|\bBTEC\b|\bEdexcel\b")),
    ("NCFE", re.compile(r"\bNCFE\b")),
    ("Highfield", re.compile(r"\bHighfield\b")),
)
_VTCT = SIGNS[0][1]


def score(text: str) -> Confidence:
    """Score ``text`` (the whole document) from 0 to 1 with a one-line reason."""
    found = [label for label, pattern, _ in SIGNS if pattern.search(text)]
    value = sum(weight for label, _, weight in SIGNS if label in found)
    vtct_mentions = len(_VTCT.findall(text))
    others = [(name, len(pattern.findall(text))) for name, pattern in OTHER_BODIES]
    dominant = [f"{name} ({count}x)" for name, count in others if count > vtct_mentions]
    if dominant:
        value -= 0.6
    value = round(min(max(value, 0.0), 1.0), 2)
    reason = "; ".join(found) if found else "no VTCT record-of-assessment features"
    if dominant:
        reason += f"; names {', '.join(dominant)} more than VTCT"
    return Confidence(value, reason)
