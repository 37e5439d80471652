"""How sure the plugin is that a document is a City & Guilds handbook."""

from __future__ import annotations

import re

from qualcli.api import Confidence, SourceText

_SAMPLE_LINES = 400
_OWN = (
    (re.compile(r"City\s*&\s*Guilds", re.I), 0.5),
    (re.compile(r"City\s*&\s*Guilds (?:unit )?number", re.I), 0.2),
    (re.compile(r"^Unit\s+\d{3}\b", re.M), 0.1),
    (re.compile(r"Notes for guidance|Assessment criteria", re.I), 0.1),
    (re.compile(r"\bUAN\b"), 0.1),
)
_OTHERS = re.compile(r"\b(?:VTCT|Pearson|BTEC|Edexcel|NCFE|Highfield|OCR)\b")


def confidence(source: SourceText) -> Confidence:
    """High for City & Guilds handbooks, low for other bodies' documents."""
    sample = "\n".join(line.text for line in source.lines[:_SAMPLE_LINES])
    hits = [weight for pattern, weight in _OWN if pattern.search(sample)]
    if not hits:
        return Confidence(0.0, "no City & Guilds markers")
    others = len(_OTHERS.findall(sample))
    ours = len(re.findall(r"City\s*&\s*Guilds", sample, re.I))
    if others > ours:
        return Confidence(min(sum(hits), 0.1), f"names another awarding body {others} time(s), City & Guilds {ours}")
    return Confidence(min(sum(hits), 0.95), f"City & Guilds markers: {len(hits)} of {len(_OWN)}")
