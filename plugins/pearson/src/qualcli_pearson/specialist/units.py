"""One unit of a BTEC Specialist specification, from its heading to the next.

The layout: "Unit 6: Title" (the title may be on the next line), the header
fields ("Unit reference number: …", "Level: 1", "Credit value: 2", "Guided
learning hours: 20"), then titled parts — "Unit aim", "Essential resources",
the outcomes table, "Information for tutors" with "Delivery", "Assessment"
and "Suggested resources". Every part is kept as a section of the unit; the
aim and the outcomes are also structured.
"""

from __future__ import annotations

import re

from qualcli.api import Section, Unit
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.refs import parse_level
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile
from qualcli_pearson.cells import filled, row_text, table_cells
from qualcli_pearson.markup import plain_text
from qualcli_pearson.specialist.assessment import paragraphs, passages
from qualcli_pearson.specialist.outcomes import OutcomeTable, is_outcome_header

UNIT_HEADING = lazy_compile(r"^Unit\s+(\d{1,3})\s*:\s*(.*)$")

HEADER_FIELD = lazy_compile(
    r"^(?:Unit (?:reference number|accreditation number|code)|Level|Credit value|Guided learning hours)\b", re.I
)
_FIELDS = {
    "urn": lazy_compile(r"^Unit (?:reference number|accreditation number|code)\s*:?\s*([A-Z]/\d{3}/\d{4})", re.I),
    "level": lazy_compile(r"^(?:QCF\s+)?Level\s*:?\s*(Entry(?: Level)?\s*\d?|\d(?:\s*(?:and|/|-)\s*\d)?)\s*$", re.I),
    "credits": lazy_compile(r"^Credit value\s*:?\s*(\d+)\s*$", re.I),
    "glh": lazy_compile(r"^Guided learning hours\s*:?\s*(\d+)\s*$", re.I),
}

# Part headings, matched on the whole line; the value names what the part is.
_PARTS = [
    (lazy_compile(r"^(?:unit aim|aim|unit introduction)(?: and purpose)?$", re.I), "aim"),
    (lazy_compile(r"^learning outcomes?(?:,| and) assessment criteria\b.*$", re.I), "outcomes"),
    (lazy_compile(r"^(?:information|essential guidance) for tutors$", re.I), "tutors"),
    (
        lazy_compile(
            r"^(?:essential resources|delivery|assessment|suggested resources|indicative resource materials"
            r"|unit content|content|outline learning plan|employer engagement and vocational contexts"
            r"|assessment guidance|essential information for assessment decisions)$",
            re.I,
        ),
        "section",
    ),
]


def part_of(text: str) -> str | None:
    """What a heading line opens ("aim", "outcomes", "tutors", "section"), or None."""
    text = plain_text(text).rstrip(":")
    return next((kind for pattern, kind in _PARTS if pattern.match(text)), None)


class UnitReader:
    """Builds a :class:`Unit` from the logical lines of one unit."""

    def __init__(self, lines: list[LogicalLine], warnings: list[str]):
        self.lines = lines
        self.warnings = warnings

    def read(self) -> Unit:
        """The unit, its header fields, parts, outcomes and assessment guidance."""
        heading = self.lines[0]
        code, title = UNIT_HEADING.match(plain_text(heading.text)).groups()
        rest = self.lines[1:]
        if not title and rest:
            title, rest = plain_text(rest[0].text), rest[1:]
        unit = Unit(code=code, title=title, line=heading.number, page=heading.page)
        table = OutcomeTable(self.warnings, code)
        part, part_title, body = "header", None, []
        for line in rest:
            kind = part_of(line.text) if table_cells(line) is None else None
            if kind is not None:
                self._close(unit, part, part_title, body)
                part, part_title, body = kind, plain_text(line.text).rstrip(":"), []
                continue
            if part == "header" and self._header_field(unit, line):
                continue
            cells = table_cells(line)
            if cells is not None and part in ("outcomes", "header") and (table.started or is_outcome_header(cells)):
                if table.add_row(cells, line.number, line.page):
                    continue
            body.append(line)
        self._close(unit, part, part_title, body)
        unit.learning_outcomes = table.outcomes
        self._attach_assessment_guidance(unit)
        return unit

    def _header_field(self, unit: Unit, line: LogicalLine) -> bool:
        """Set the header field the line (or a two-cell row "Credit value | 3") gives."""
        cells = table_cells(line)
        text = ": ".join(filled(cells)) if cells is not None else plain_text(line.text)
        for name, pattern in _FIELDS.items():
            match = pattern.match(text)
            if match:
                value = match.group(1)
                if name in ("credits", "glh"):
                    value = parse_int(value)
                elif name == "level" and value.lower().startswith("entry"):
                    value = parse_level(value) or value  # "Entry 3" -> "E3", as the core writes entry levels
                setattr(unit, name, value)
                return True
        return False

    def _close(self, unit: Unit, part: str, title: str | None, body: list[LogicalLine]) -> None:
        text = "\n".join(row_text(line) for line in body if line.text.strip())
        if not text:
            return
        if part == "aim":
            unit.aim = text
            return
        first = body[0]
        unit.sections.append(Section(title=title or "Unit header", text=text, line=first.number, page=first.page))

    def _attach_assessment_guidance(self, unit: Unit) -> None:
        criteria = {c.ref: c for o in unit.learning_outcomes for c in o.criteria}
        for section in unit.sections:
            if section.title.lower() != "assessment":
                continue
            for paragraph in paragraphs(section.text):
                for opening, named, passage in passages(paragraph):
                    for ref in opening:
                        if ref not in criteria:
                            self.warnings.append(f"unit {unit.code}: assessment guidance names unknown criterion {ref}")
                    for ref in named:
                        criterion = criteria.get(ref)
                        if criterion is not None:
                            joined = filter(None, [criterion.assessment_guidance, passage])
                            criterion.assessment_guidance = "\n".join(joined)
