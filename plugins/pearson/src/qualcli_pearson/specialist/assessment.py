"""Assessment guidance that names the criteria it is about.

A unit's "Assessment" section speaks to criteria by number: "For 1.1, …",
"For assessment criteria 2.1, 2.2, 2.3 and 2.4, …", "To meet 2.1, 2.2 and
2.3, …", "Assessment criteria 2.1, 2.2 and 2.3 could be assessed …". Such a
sentence opens a passage that runs until the next sentence that opens one
(or the paragraph ends); the passage is guidance for every criterion it names.
"""

from __future__ import annotations

import re

_REF = r"\d{1,2}\.\d{1,2}"
_REF_LIST = rf"{_REF}(?:\s*(?:,|and|&|or|to|-|–)\s*{_REF})*"
_LEAD = (
    r"(?:(?:For|To\s+(?:meet|achieve|pass|cover|evidence|complete))\s+(?:the\s+)?(?:assessment\s+)?(?:criteri(?:on|a)\s+)?"
    rf"|(?:The\s+)?(?:[Aa]ssessment\s+)?[Cc]riteri(?:on|a)\s+)(?={_REF_LIST})"
)
_PASSAGE_START = re.compile(rf"(?:(?<=[.!?:])\s+|^)(?={_LEAD})")
_OPENING = re.compile(rf"^{_LEAD}(?P<refs>{_REF_LIST})")
_RANGE = re.compile(rf"({_REF})\s*(?:to|-|–)\s*({_REF})")


def passages(paragraph: str) -> list[tuple[list[str], str]]:
    """``(criterion refs, passage)`` for each passage of ``paragraph`` that names criteria."""
    found = []
    for part in _PASSAGE_START.split(paragraph):
        part = part.strip()
        match = _OPENING.match(part)
        if match:
            found.append((expand_refs(match.group("refs")), part))
    return found


def expand_refs(text: str) -> list[str]:
    """``"2.1, 2.2 and 2.4"`` -> each ref; ``"1.1 to 1.4"`` -> 1.1, 1.2, 1.3, 1.4."""
    refs: list[str] = []
    for start, end in _RANGE.findall(text):
        refs.extend(_between(start, end))
    for ref in re.findall(_REF, _RANGE.sub(" ", text)):
        refs.append(ref)
    ordered = sorted(set(refs), key=lambda r: tuple(int(n) for n in r.split(".")))
    return ordered


def _between(start: str, end: str) -> list[str]:
    (outcome, first), (other, last) = (map(int, start.split(".")), map(int, end.split(".")))
    if outcome != other or last < first:
        return [start, end]
    return [f"{outcome}.{number}" for number in range(first, last + 1)]
