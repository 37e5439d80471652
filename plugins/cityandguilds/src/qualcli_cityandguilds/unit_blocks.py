"""Cutting the units chapter of a handbook into one block per unit.

A unit starts at a heading "Unit 201 / 271 Delivery of effective customer
service" (or "Unit 202" with the title on the next line) that is followed,
within a few lines, by its key facts ("Level:", "Credit value:", "UAN:") or
its opening sections ("Unit aim", "Learning outcomes").
Headings that repeat the current unit's codes are running headers and stay
inside the block. The chapters after the units ("Relationships to other
qualifications", "Appendix …", "Useful contacts") end the last block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualcli.parsing import lazy_compile

from qualcli_cityandguilds.handbook_lines import HandbookLine

UNIT_HEADING = lazy_compile(r"^Unit\s+(\d{2,4}[A-Z]?(?:\s*/\s*\d{2,4}[A-Z]?)*)\b\s*[:–-]?\s*(.*)$")
_KEY_FACT = lazy_compile(r"^(?:Level|Credit value|Credits?|UAN|GLH|Unit accreditation number)\s*:", re.I)
_UNIT_OPENING = lazy_compile(r"^(?:Unit aim|Learning outcomes?)\s*$", re.I)
_END_OF_UNITS = lazy_compile(
    r"^(?:Relationships? to other qualifications|Appendix\s+\d|Appendix\b|Sources of general information"
    r"|Useful contacts|Links to other qualifications)",
    re.I,
)
_LOOK_AHEAD = 8


@dataclass
class UnitBlock:
    """The lines of one unit, from its heading to the next unit or chapter."""

    codes: tuple[str, ...]
    title: str
    lines: list[HandbookLine] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


def unit_codes(text: str) -> tuple[str, ...] | None:
    """The codes a unit heading names ("Unit 201 / 271 …" -> ("201", "271")), or None."""
    match = UNIT_HEADING.match(text)
    if not match:
        return None
    return tuple(code.strip() for code in match.group(1).split("/"))


def split_units(lines: list[HandbookLine]) -> list[UnitBlock]:
    """Every unit block of the handbook, in order."""
    blocks: list[UnitBlock] = []
    current: UnitBlock | None = None
    for index, line in enumerate(lines):
        if line.is_row and current is None:
            continue
        codes = None if line.is_row else unit_codes(line.text)
        if codes and (current is None or codes != current.codes) and _has_key_facts(lines, index):
            current = UnitBlock(codes, _title(lines, index), line=line.number, page=line.page)
            blocks.append(current)
            continue
        if current is not None and not line.is_row and _END_OF_UNITS.match(line.text):
            current = None
            continue
        if current is not None:
            current.lines.append(line)
    return blocks


def _has_key_facts(lines: list[HandbookLine], index: int) -> bool:
    following = lines[index + 1 : index + 1 + _LOOK_AHEAD]
    return any(_KEY_FACT.match(line.text) or _UNIT_OPENING.match(line.text) for line in following)


def _title(lines: list[HandbookLine], index: int) -> str:
    rest = UNIT_HEADING.match(lines[index].text).group(2).strip()
    if rest:
        return rest
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and not following.is_row and not _KEY_FACT.match(following.text):
        return following.text
    return ""
