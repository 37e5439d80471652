"""The BTEC assessment-criteria grid: Pass, Merit and Distinction criteria.

Criterion references carry their place in the grid:

- BTEC First: ``2A.P1`` (level 2, aim A, pass 1), ``2A.M1``, ``2A.D1``, and
  ``1A.1`` (a level 1 criterion, which is a pass);
- BTEC National: ``A.P1``, ``B.M3``, ``BC.D2`` (a distinction that spans
  aims B and C).

A cell holds a reference and its wording ("2A.P1 Describe …"), or the
reference alone with the wording in the next cell. A bare ``#`` or ``*``
after the wording marks an opportunity to assess English or maths skills
(the grid's key says which): it becomes a flag, not text.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualcli.api import Criterion, Grade
from qualcli.parsing import lazy_compile

GRID_REF = lazy_compile(
    r"^(?:(?P<level>[1-3])(?P<aim>[A-Z])\.(?P<grade>[PMD])?(?P<number>\d{1,2})"
    r"|(?P<aims>[A-Z]{1,3})\.(?P<ngrade>[PMD])(?P<nnumber>\d{1,2}))(?=\s|$|:)"
)
_GRADES: dict[str, Grade] = {"P": "pass", "M": "merit", "D": "distinction"}
SKILL_MARKS = {"#": "english-skills", "*": "maths-skills"}
_TRAILING_MARKS = lazy_compile(r"(?:\s*[#*])+\s*$")


@dataclass(frozen=True)
class GridRef:
    """What a grid reference says: level (First only), aims, grade and number."""

    ref: str
    level: str | None
    aims: str
    grade: Grade
    number: int


def read_ref(text: str) -> GridRef | None:
    """The grid reference at the start of ``text``, or None."""
    match = GRID_REF.match(text.strip())
    if not match:
        return None
    if match.group("level"):
        grade = _GRADES[match.group("grade")] if match.group("grade") else "pass"
        return GridRef(match.group(0), match.group("level"), match.group("aim"), grade, int(match.group("number")))
    return GridRef(
        match.group(0), None, match.group("aims"), _GRADES[match.group("ngrade")], int(match.group("nnumber"))
    )


def grid_criteria(cells: list[str], line: int | None, page: int | None) -> list[tuple[GridRef, Criterion]]:
    """Every criterion in one row of the grid (cells already trimmed)."""
    found = []
    for index, cell in enumerate(cells):
        ref = read_ref(cell)
        if ref is None:
            continue
        text = cell.strip()[len(ref.ref) :].lstrip(" :–-")
        if not text and index + 1 < len(cells) and read_ref(cells[index + 1]) is None:
            text = cells[index + 1]
        text, flags = skill_marks(" ".join(text.split()))
        if not text:
            continue
        criterion = Criterion(ref=ref.ref, source_ref=ref.ref, text=text, grade=ref.grade, flags=flags, line=line, page=page)
        if len(ref.aims) > 1:
            criterion.flags.append(f"aims:{','.join(ref.aims)}")
        found.append((ref, criterion))
    return found


def skill_marks(text: str) -> tuple[str, list[str]]:
    """``text`` without the ``#``/``*`` marks at its end, and the flags they stand for."""
    match = _TRAILING_MARKS.search(text)
    if not match:
        return text, []
    marks = [mark for mark in SKILL_MARKS if mark in match.group()]
    return text[: match.start()].rstrip(), [SKILL_MARKS[mark] for mark in marks]


def order_grid(aims) -> None:
    """Each aim's grid criteria in grid order: level, then pass, merit, distinction, then number."""
    rank = {"pass": 0, "merit": 1, "distinction": 2}
    for aim in aims:

        def key(criterion):
            ref = read_ref(criterion.ref)
            return (ref.level or "", rank[ref.grade], ref.number) if ref else ("", 3, 0)

        aim.criteria.sort(key=key)
