"""How sure the plugin is that a document is a City & Guilds handbook."""

from __future__ import annotations

import re

from qualcli.api import Confidence, SourceText
from qualcli.parsing import lazy_compile

_SAMPLE_LINES = 400
_OWN = (  # the name alone stays below the loader's threshold (0.3): a page that mentions the body is no handbook
    (lazy_compile(r"City\s*&\s*Guilds", re.I), 0.25),
    (lazy_compile(r"City\s*&\s*Guilds (?:unit )?number", re.I), 0.2),
    (lazy_compile(r"^Unit\s+\d{3}\b", re.M), 0.2),
    (lazy_compile(r"Notes for guidance|Assessment criteria", re.I), 0.15),
    (lazy_compile(r"\bUAN\b"), 0.15),
)


def confidence(source: SourceText) -> Confidence:
    """High for City & Guilds handbooks: the weights of the handbook's own marks found in its first pages."""
    sample = "\n".join(line.text for line in source.lines[:_SAMPLE_LINES])
    hits = [weight for pattern, weight in _OWN if pattern.search(sample)]
    if not hits:
        return Confidence(0.0, "no City & Guilds markers")
    return Confidence(min(sum(hits), 0.95), f"City & Guilds markers: {len(hits)} of {len(_OWN)}")
