"""Qualifications of a handbook: numbers, levels, GLH/TQT and rules of combination.

- "Title and level | City & Guilds number | Accreditation number" rows give
  each qualification; the accreditation (Ofqual) number is kept in
  ``details["accreditation_number"]``.
- "Title and level | GLH | TQT" rows give guided learning hours and total
  qualification time; older handbooks print them in a sentence instead.
- A sentence such as "learners must achieve 13 credits from units (201 or
  271) and (202 or 272)" becomes one :class:`RuleGroup` with ``alternatives``
  (choose one unit from each set); the sentence is kept in ``rules_text``.
"""

from __future__ import annotations

import re

from qualcli.api import Qualification, RuleGroup
from qualcli.parsing.refs import parse_level
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.handbook_lines import HandbookLine
from qualcli_cityandguilds.tables import Table, cell

_RULE = lazy_compile(r"must (?:achieve|complete|gain)\s+(?:a minimum of\s+)?(\d+)\s+credits?\s+from\s+(.+)", re.I)
_UNIT_CODE = lazy_compile(r"\b\d{3}\b")
_QUAL_NUMBER = lazy_compile(r"\b\d{4}-\d{2}\b")


def read_qualifications(tables: list[Table]) -> list[Qualification]:
    """One qualification per row of the qualification tables."""
    quals: list[Qualification] = []
    for table in tables:
        title_col, number_col = table.column("title"), table.column("city & guilds number", "number")
        accreditation_col = table.column("accreditation")
        for row in table.rows:
            title = cell(row, title_col)
            if not title:
                continue
            qual = Qualification(title=title, number=cell(row, number_col) or None, line=row.number, page=row.page)
            qual.level = parse_level(title)
            if cell(row, accreditation_col):
                qual.details["accreditation_number"] = cell(row, accreditation_col)
            quals.append(qual)
    return quals


def apply_hours(quals: list[Qualification], tables: list[Table]) -> None:
    """Set GLH and TQT from "Title and level | GLH | TQT" rows, matched by title or number."""
    for table in tables:
        glh_col, tqt_col, title_col = table.column("glh"), table.column("tqt"), table.column("title")
        for row in table.rows:
            qual = match_qualification(quals, cell(row, title_col))
            if qual is not None:
                qual.glh = parse_int(cell(row, glh_col))
                qual.tqt = parse_int(cell(row, tqt_col))


_PROSE_HOURS = (
    ("glh", lazy_compile(r"\b(\d+)\s+(?:hours of\s+)?guided learning hours?\b|\bguided learning hours?\s*(?:\(GLH\)\s*)?(?:of|is|are|:)\s*(\d+)", re.I)),
    ("tqt", lazy_compile(r"\btotal qualification time\s*(?:\(TQT\)\s*)?(?:of|is|:)\s*(\d+)|\b(\d+)\s+hours? of total qualification time", re.I)),
)


def apply_prose_hours(quals: list[Qualification], lines: list[HandbookLine]) -> None:
    """GLH and TQT printed in a sentence ("… has 70 guided learning hours (GLH) and a total qualification
    time (TQT) of 90 hours"), for a qualification the tables left without them.

    The sentence goes to the qualification it names, or to the only one.
    """
    for line in lines:
        if line.is_row:
            continue
        qual = match_qualification(quals, line.text) or (quals[0] if len(quals) == 1 else None)
        if qual is None:
            continue
        for name, pattern in _PROSE_HOURS:
            match = pattern.search(line.text)
            if match and getattr(qual, name) is None:
                setattr(qual, name, int(next(group for group in match.groups() if group)))


def match_qualification(quals: list[Qualification], text: str) -> Qualification | None:
    """The qualification ``text`` names: by number, else by the longest title it contains."""
    lowered = text.lower()
    for number in _QUAL_NUMBER.findall(text):
        for qual in quals:
            if qual.number == number:
                return qual
    named = [q for q in quals if q.title.lower() in lowered]
    return max(named, key=lambda q: len(q.title)) if named else None


def rule_from_sentence(line: HandbookLine) -> tuple[RuleGroup, str] | None:
    """The rule group a rules-of-combination sentence states, and the sentence."""
    match = _RULE.search(line.text)
    if not match:
        return None
    credits, units_text = match.groups()
    alternatives = [_UNIT_CODE.findall(group) for group in re.findall(r"\(([^()]*)\)", units_text)]
    alternatives = [group for group in alternatives if group]
    units = [code for group in alternatives for code in group] or _UNIT_CODE.findall(units_text)
    rule = RuleGroup(
        name="Rules of combination",
        min_credits=int(credits),
        mandatory=bool(alternatives) or "mandatory" in units_text.lower(),
        units=units,
        alternatives=alternatives if any(len(g) > 1 for g in alternatives) else [],
        line=line.number,
        page=line.page,
    )
    return rule, line.text


def apply_rules(quals: list[Qualification], lines: list[HandbookLine]) -> None:
    """Attach each rules sentence to the qualification it names (or the last one named before it)."""
    current: Qualification | None = None
    for line in lines:
        if line.is_row:
            continue
        named = match_qualification(quals, line.text)
        found = rule_from_sentence(line)
        if named is not None:
            current = named
        if found is None or current is None:
            continue
        rule, sentence = found
        current.rules.append(rule)
        current.rules_text.append(sentence)
        current.credits = current.credits or rule.min_credits
