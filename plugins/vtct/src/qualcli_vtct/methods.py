"""The "Unit assessment methods" table: question papers, observations, portfolio or assignments.

Each row gives a unit code and title, the number of external question papers,
then a ✓ or ✗ per internal method. Rows are found by unit code in the joined
text of the section, so cells may arrive as tabs, spaces or separate lines.
Methods whose mark could not be read (some PDFs draw ✓/✗ in a symbol font
with no text) are reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualcli.parsing.lines import LogicalLine
from qualcli.parsing import lazy_compile
from qualcli.parsing.rows import CROSSES, TICKS, JoinedText, check_mark, column_order

from qualcli_vtct.layout import flat

METHOD_COLUMNS = {
    "question paper": ("question paper",),
    "observation": ("observation",),
    "portfolio of evidence": ("portfolio",),
    "assignment": ("assignment",),
}
_MARK = rf"[{TICKS}{CROSSES}]"
_MARKS = lazy_compile(_MARK)
_CELLS = lazy_compile(rf"\s*(\d+)?\s*((?:{_MARK}\s*)*)")  # question papers, then the method columns' marks


@dataclass
class UnitMethods:
    """One row of the table."""

    code: str
    question_papers: int | None
    methods: list[str]
    unread: list[str] = field(default_factory=list)  # method columns whose mark was not found
    line: int | None = None


def read_methods(lines: list[LogicalLine], titles: dict[str, str]) -> dict[str, UnitMethods]:
    """Assessment methods per unit code, from the lines of the methods section.

    ``titles`` maps the codes listed in the structure tables to their titles;
    a code is only read as a row when it is one of them.
    """
    if not titles:
        return {}
    joined = JoinedText.of(lines)
    text = joined.text
    codes = "|".join(re.escape(code) for code in sorted(titles, key=len, reverse=True))
    starts = list(re.compile(rf"\b(?:{codes})\b").finditer(text))
    order = column_order(text[: starts[0].start()] if starts else text, METHOD_COLUMNS)
    marked = [name for name in order if name != "question paper"]
    found: dict[str, UnitMethods] = {}
    for position, match in enumerate(starts):
        end = starts[position + 1].start() if position + 1 < len(starts) else len(text)
        code = match.group()
        rest = _after_title(text[match.end() : end], titles[code])
        if rest is None or code in found:
            continue
        cells = _CELLS.match(rest)
        papers = int(cells.group(1)) if cells.group(1) else None
        marks = [check_mark(mark) for mark in _MARKS.findall(cells.group(2))]
        row = UnitMethods(code=code, question_papers=papers, methods=[], line=joined.item_at(match.start()).number)
        if papers:
            row.methods.append("question paper")
        for name, mark in zip(marked, marks + [None] * len(marked)):
            if mark is None:
                row.unread.append(name)
            elif mark:
                row.methods.append(name)
        found[code] = row
    return found


def _after_title(segment: str, title: str) -> str | None:
    """The part of a row after the unit title, or None if the segment does not start with it."""
    words = flat(segment)
    wanted = flat(title)
    if words.lower().startswith(wanted.lower()):
        return words[len(wanted) :]
    # a title wrapped or printed slightly differently: skip to the first number
    match = re.search(r"\s(\d+)(?:\s|$)", words)
    return words[match.start() :] if match else None
