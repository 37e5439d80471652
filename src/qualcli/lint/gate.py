"""A cheap first look: can a file that ``lint`` reads be a specification at all?

Before ``lint`` asks every installed parser "is this yours?" (each scoring the
whole document), it looks at the opening lines only. Every specification,
whichever body publishes it, names what it is about on its first pages: a
qualification or a unit, its learning outcomes or assessment criteria. A
course material whose opening says none of that (a lesson plan, a handout, a
quiz) is linted as material straight away; anything that does is passed to
the parsers as before, so the look can save time but never turns a spec into
material.
"""

from __future__ import annotations

import re

from qualcli.readers import SourceText

#: How many opening lines are looked at (the cover, contents and first pages of a spec).
OPENING_LINES = 400
_SPEC_WORDS = re.compile(r"\b(?:qualifications?|units?|learning\s+outcomes?|assessment\s+criteri(?:a|on))\b", re.I)


def may_be_spec(source: SourceText) -> bool:
    """False when the opening lines name no qualification, unit, learning outcome or assessment criteria."""
    return any(_SPEC_WORDS.search(line.text) for line in source.lines[:OPENING_LINES])
