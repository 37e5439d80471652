"""Units listed in the structure tables and the assessment tables.

Structure rows ("UAN | City & Guilds unit number | Unit title | Level | GLH |
Credit | Assessed by") give every unit of every qualification, once each.
The assessment-method rows ("Unit | Title | Assessment method | Where to
obtain assessment materials") add ``details["assessment_method"]`` and
``details["assessment_materials"]``. Key Skills signposting rows ("Unit
number/ and title | Communication | Application of Number | …", one row for
"201 / 271") add ``details["key_skills_signposting"]``: ``{column: text}``.

Assessment methods are normalised: "M/C test", "online multiple choice test"
-> ``multiple-choice test``; "Assignment" -> ``assignment``; anything else is
kept in lower case as printed.
"""

from __future__ import annotations

import re

from qualcli.api import Unit
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.tables import Table, cell

_METHODS = (
    (lazy_compile(r"\bm\s*/\s*c\b|multiple[\s-]*choice", re.I), "multiple-choice test"),
    (lazy_compile(r"\bassignment\b", re.I), "assignment"),
    (lazy_compile(r"\bportfolio\b", re.I), "portfolio"),
    (lazy_compile(r"\bpractical\b", re.I), "practical assessment"),
)


def assessment_method(text: str) -> str | None:
    """The normalised method a cell names, or None for an empty cell."""
    for pattern, name in _METHODS:
        if pattern.search(text):
            return name
    return text.strip().lower() or None


def units_from_structure(tables: list[Table]) -> list[Unit]:
    """Every unit in the structure tables, in first-listed order."""
    units: dict[str, Unit] = {}
    for table in tables:
        code_col = table.column("unit number", "unit no")
        columns = {name: table.column(name) for name in ("uan", "title", "level", "glh", "credit", "assess")}
        for row in table.rows:
            code = cell(row, code_col)
            if not re.fullmatch(r"\d{2,4}[A-Z]?", code) or code in units:
                continue
            method = assessment_method(cell(row, columns["assess"]))
            units[code] = Unit(
                code=code,
                title=cell(row, columns["title"]),
                urn=cell(row, columns["uan"]) or None,
                level=cell(row, columns["level"]) or None,
                glh=parse_int(cell(row, columns["glh"])),
                credits=parse_int(cell(row, columns["credit"])),
                assessment=[method] if method else [],
                line=row.number,
                page=row.page,
            )
    return list(units.values())


def apply_assessment_tables(units: list[Unit], tables: list[Table]) -> None:
    """Add the printed assessment method and where materials come from to each unit."""
    by_code = {unit.code: unit for unit in units}
    for table in tables:
        unit_col, method_col, where_col = table.column("unit"), table.column("method"), table.column("obtain", "where")
        for row in table.rows:
            unit = by_code.get(cell(row, unit_col))
            if unit is None:
                continue
            if cell(row, method_col):
                unit.details["assessment_method"] = cell(row, method_col)
                method = assessment_method(cell(row, method_col))
                if method and method not in unit.assessment:
                    unit.assessment.append(method)
            if cell(row, where_col):
                unit.details["assessment_materials"] = cell(row, where_col)


def apply_key_skills_signposting(units: list[Unit], tables: list[Table]) -> None:
    """Add each signposting row to every unit its first cell names."""
    by_code = {unit.code: unit for unit in units}
    for table in tables:
        for row in table.rows:
            codes = re.findall(r"\b\d{2,4}[A-Z]?\b", cell(row, 0))
            signposts = {name: value for name, value in zip(table.header[1:], (row.cells or ())[1:]) if value}
            for code in codes:
                if code in by_code and signposts:
                    by_code[code].details["key_skills_signposting"] = signposts
