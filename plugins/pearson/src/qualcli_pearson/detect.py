"""Cheap signs that a document is Pearson's, and of which layout.

Confidence runs for every document, so it reads only the first few hundred
lines and counts marks: the publisher's names, and the headings each layout
prints. Another awarding body's name pulls the score down.
"""

from __future__ import annotations

import re

from qualcli.plugins import Confidence
from qualcli.readers import SourceText

_SCAN_LINES = 600
_PEARSON = re.compile(r"\b(?:Pearson|BTEC|Edexcel)\b")
_OTHER_BODY = re.compile(r"\b(?:City\s*(?:&|and)\s*Guilds|VTCT|NCFE|Highfield|OCR)\b", re.I)


def head_text(source: SourceText) -> str:
    """The first lines of the document as one string."""
    return "\n".join(line.text for line in source.lines[:_SCAN_LINES])


def score(source: SourceText, layout_marks: list[re.Pattern], layout: str) -> Confidence:
    """Confidence from the publisher's names plus the marks of one layout."""
    text = head_text(source)
    pearson = len(_PEARSON.findall(text))
    other = len(_OTHER_BODY.findall(text))
    marks = sum(1 for mark in layout_marks if mark.search(text))
    if other > pearson:
        return Confidence(0.05, f"names another awarding body {other} times, Pearson {pearson}")
    if marks == 0:
        return Confidence(0.1 if pearson else 0.0, f"no {layout} headings")
    # without the publisher's name, one generic heading ("Unit content") is not enough to claim a document
    value = min(0.95, 0.35 + 0.15 * marks + 0.2) if pearson else 0.1 * marks + 0.1
    return Confidence(
        round(value, 2), f"{layout}: {marks}/{len(layout_marks)} headings, Pearson/BTEC named {pearson} times"
    )
