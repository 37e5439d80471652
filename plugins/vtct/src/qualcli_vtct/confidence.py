"""How sure the VTCT parser is that a document is a VTCT record-of-assessment book.

The score adds the weights of the VTCT signs found (the body's name, the
book's own headings, its unit figures, "Learning outcome N" / "You can:" with
lettered criteria, a unit code on a line of its own, the sign-off forms), so
a single-unit book whose text never names VTCT (logo only) is still known by
its layout. Only VTCT's own marks count: qualcli compares every parser's
answer (see ``qualcli.detection``). The name alone stays below the loader's
threshold (0.3), so a revision page that mentions VTCT is not taken for a
book. The reason lists what was found, so a user can see why a document
was (not) taken.
"""

from __future__ import annotations

import re

from qualcli.api import Confidence
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import UNIT_CODE

SIGNS: tuple[tuple[str, re.Pattern, float], ...] = (
    ("names VTCT", lazy_compile(r"\bVTCT\b"), 0.25),
    ("record-of-assessment wording", lazy_compile(r"record of assessment|statement of unit achievement", re.I), 0.15),
    ("VTCT structure/methods tables", lazy_compile(r"ofqual unit reference|unit assessment methods", re.I), 0.15),
    ("unit figures Observation(s)/External paper(s)", lazy_compile(r"^\s*(?:observation\(s\)|external paper\(s\))", re.I | re.M), 0.1),
    ("'Learning outcome N' with 'You can:'", lazy_compile(r"^\s*you can:", re.I | re.M), 0.15),
    ("lettered criteria", lazy_compile(r"^\s*(?:[-•]\s*)?[a-z]\.\s+[A-Z]", re.M), 0.1),
    ("'Learning outcome N' bars", lazy_compile(r"^\s*(?:learning )?outcome \d+\s*$", re.I | re.M), 0.1),
    ("a VTCT unit code on its own line", lazy_compile(rf"^\s*{UNIT_CODE}(?:_v\d+)?\s*$", re.M), 0.1),
    ("record-book sign-off forms", lazy_compile(r"^\s*(?:assessor initials|learner signature|date achieved)\b", re.I | re.M), 0.1),
)


def score(text: str) -> Confidence:
    """Score ``text`` (the whole document) from 0 to 1 with a one-line reason."""
    found = [label for label, pattern, _ in SIGNS if pattern.search(text)]
    value = round(min(sum(weight for label, _, weight in SIGNS if label in found), 1.0), 2)
    return Confidence(value, "; ".join(found) if found else "no VTCT record-of-assessment features")
