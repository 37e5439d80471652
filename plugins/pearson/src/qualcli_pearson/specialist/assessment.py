"""Assessment guidance that names the criteria it is about.

A unit's "Assessment" section speaks to criteria by number: "For 1.1, …",
"For assessment criteria 2.1, 2.2, 2.3 and 2.4, …", "To meet 2.1, 2.2 and
2.3, …", "Assessment criteria 2.1, 2.2 and 2.3 could be assessed …". Such a
sentence opens a passage that runs until the next sentence that opens one
(or the paragraph ends; a list the paragraph introduces belongs to it). A
passage is guidance for every criterion it names — in its opening words, and
further on ("… can be linked with assessment criterion 1.3 where …", "(2.2)").
"""

from __future__ import annotations

import re

from qualcli.parsing import lazy_compile

_REF = r"(?<![\d.])\d{1,2}\.\d{1,2}(?![\d]|\.\d)"
_REF_LIST = rf"{_REF}(?:\s*(?:,|and|&|or|to|-|–)\s*{_REF})*"
_LEAD = (
    r"(?:(?:For|To\s+(?:meet|achieve|pass|cover|evidence|complete))\s+(?:the\s+)?(?:assessment\s+)?(?:criteri(?:on|a)\s+)?"
    rf"|(?:The\s+)?(?:[Aa]ssessment\s+)?[Cc]riteri(?:on|a)\s+)(?={_REF_LIST})"
)
_PASSAGE_START = lazy_compile(rf"(?:(?<=[.!?:])\s+|^)(?={_LEAD})")
_OPENING = lazy_compile(rf"^{_LEAD}(?P<refs>{_REF_LIST})")
_RANGE = lazy_compile(rf"({_REF})\s*(?:to|-|–)\s*({_REF})")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a section's text, a list kept with the paragraph that introduces it."""
    found: list[str] = []
    for line in text.split("\n"):
        if found and line.startswith("- ") and (found[-1].endswith(":") or found[-1].split("\n")[-1].startswith("- ")):
            found[-1] = f"{found[-1]}\n{line}"
        else:
            found.append(line)
    return found


def passages(paragraph: str) -> list[tuple[list[str], list[str], str]]:
    """``(refs in the opening words, every ref named, passage)`` for each passage that names criteria."""
    found = []
    for part in _PASSAGE_START.split(paragraph):
        part = part.strip()
        named = expand_refs(part)
        if named:
            match = _OPENING.match(part)
            found.append((expand_refs(match.group("refs")) if match else [], named, part))
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
