"""How sure the plugin is that a document is a City & Guilds handbook."""

from __future__ import annotations

import re

from qualcli.api import Confidence, SourceText

_SAMPLE_LINES = 400
_OWN = (  # the name alone stays below the loader's threshold (0.3): a page that mentions the body is no handbook
    (re.compile(r"City\s*&\s*Guilds", re.I), 0.25),
    (re.compile(r"City\s*&\s*Guilds (?:unit )?number", re.I), 0.2),
    (re.compile(r"^Unit\s+\d{3}\b", re.M), 0.2),
    (re.compile(r"Notes for guidance|Assessment criteria", re.I), 0.15),
    (re.compile(r"\bUAN\b"), 0.15),
)


def confidence(source: SourceText) -> Confidence:
    """High for City & Guilds handbooks: the weights of the handbook's own marks found in its first pages."""
    sample = "\n".join(line.text for line in source.lines[:_SAMPLE_LINES])
    hits = [weight for pattern, weight in _OWN if pattern.search(sample)]
    if not hits:
        return Confidence(0.0, "no City & Guilds markers")
    return Confidence(min(sum(hits), 0.95), f"City & Guilds markers: {len(hits)} of {len(_OWN)}")
