"""BTEC First and National unit documents (Word, PDF, text).

The layout: "Unit 1: Title", header fields ("Level: 1 and 2", "Unit type:
Core", "Guided learning hours: 30", "Assessment type: External"), "Unit
introduction", "Learning aims" (a., b., c. …), "Learning aims and unit
content" (topics A.1, A.2 … in tables captioned "What needs to be learnt"),
and, where printed, the assessment-criteria grid (2A.P1 … or A.P1 …).
Parts such as "Teacher guidance" or "Essential information for assessment
decisions" are kept as the unit's sections.
"""

from __future__ import annotations

from qualcli.api import SourceText, SpecDocument, Unit, Unstructured
from qualcli.parsing import lazy_compile
from qualcli_pearson.btec_unit.assignments import assignment_section, covered_refs
from qualcli_pearson.btec_unit.content import ContentCollector, TextLine
from qualcli_pearson.btec_unit.grid import grid_criteria, order_grid, read_ref
from qualcli_pearson.btec_unit.parts import HEADER_FIELD, UNIT_TITLE, UnitParts, flatten
from qualcli_pearson.markup import glyph_item, plain_text

_HEADER_WINDOW = 6
_AIM_ITEM = lazy_compile(r"^(?:Learning aim\s+)?([A-Za-z])[.)]?\s+(\S.+)$")


class UnitDocumentParser:
    """Parses a BTEC First/National unit document into a one-unit SpecDocument (registered by :mod:`qualcli_pearson.plugin`)."""

    def parse(self, source: SourceText) -> SpecDocument:
        """Each unit: header, introduction, learning aims with content topics and grid criteria.

        A document may hold one unit (a unit document) or many (a specification):
        a unit starts at its "Unit N: Title" heading when header fields follow it.
        """
        doc = SpecDocument()
        items = flatten(source)
        starts = _unit_starts(items)
        if not starts:
            doc.warnings.append("no 'Unit N: title' heading followed by the unit's level, type or hours")
            starts = [0]
        preamble = [_as_text(item) for item in items[: starts[0]]]
        if any(line.text for line in preamble):
            text = "\n".join(line.text for line in preamble if line.text)
            doc.unstructured.append(Unstructured(text=text, reason="text before the first unit", line=preamble[0].line))
        bounds = zip(starts, [*starts[1:], len(items)])
        doc.units = [self._unit(items[start:end], doc.warnings) for start, end in bounds]
        if len(doc.units) == 1:
            doc.title = f"Unit {doc.units[0].code}: {doc.units[0].title}"
        return doc

    def _unit(self, items: list, warnings: list[str]) -> Unit:
        unit = Unit(code="?", title="")
        aims = ContentCollector(unit.learning_outcomes)
        parts = UnitParts(unit, warnings)
        for item in items:
            if isinstance(item, list):  # a table row: cells of TextLines
                self._row(item, parts, aims, unit)
                continue
            self._line(item, parts, aims, unit)
        parts.close()
        unit.title = unit.title or f"Unit {unit.code}"
        if aims.loose:
            text = "\n".join(line.text for line in aims.loose)
            parts.add_section("Unit content", text, aims.loose[0])
        order_grid(unit.learning_outcomes)
        return unit

    def _row(self, cells: list[list[TextLine]], parts: UnitParts, aims: ContentCollector, unit: Unit) -> None:
        flat = [" ".join(line.text for line in cell) for cell in cells]
        first = next((line for cell in cells for line in cell), None)
        if first is None:
            return
        if (parts.kind == "grid" or any(read_ref(c) for c in flat)) and self._grid(flat, first, aims):
            return
        refs = covered_refs(flat[0]) if len(flat) >= 3 else None
        if refs:  # a suggested assignment outline: criteria covered | title | scenario | evidence
            unit.sections.append(assignment_section(flat[1], refs, flat[2:], first.line, first.page))
            return
        if parts.kind not in ("aims", "content"):  # a table kept as text, one row per line
            parts.text(_as_text(cells))
            return
        for cell in cells:
            for line in cell:
                self._line(line, parts, aims, unit, in_table=True)

    @staticmethod
    def _grid(cells: list[str], where: TextLine, aims: ContentCollector) -> bool:
        """Add the grid criteria of a row to their aims; False if the row has none."""
        found = grid_criteria(cells, where.line, where.page)
        for ref, criterion in found:
            aim = aims.aim(ref.aims[0], None)
            if all(known.ref != criterion.ref for known in aim.criteria):  # a merged cell is read once per row it spans
                aim.criteria.append(criterion)
        return bool(found)

    def _line(
        self, item: TextLine, parts: UnitParts, aims: ContentCollector, unit: Unit, in_table: bool = False
    ) -> None:
        """One line of prose, or of a table cell (where headings and header fields are not looked for)."""
        text = glyph_item(item.text)
        if not text:
            return
        if not in_table and (parts.header(item, text) or parts.heading(item, text)):
            return
        if parts.kind == "aims":
            match = _AIM_ITEM.match(text)
            if match and not text.endswith(":"):
                aims.aim(parts.listed_aim(match.group(1).upper()), match.group(2), item.line, item.page)
                return
        if parts.kind == "content":
            aims.add(TextLine(text, item.line, item.page))
            return
        if parts.kind == "grid" and read_ref(text) and self._grid([text], item, aims):
            return
        parts.text(TextLine(text, item.line, item.page))


def _unit_starts(items: list) -> list[int]:
    """Indices of "Unit N: Title" headings that header fields follow within a few lines."""
    starts = []
    for index, item in enumerate(items):
        if not isinstance(item, TextLine) or not UNIT_TITLE.match(plain_text(item.text)):
            continue
        following = items[index + 1 : index + 1 + _HEADER_WINDOW]
        if any(isinstance(later, TextLine) and HEADER_FIELD.match(plain_text(later.text)) for later in following):
            starts.append(index)
    return starts


def _as_text(item) -> TextLine:
    """A prose line, or a table row with its cells joined by " – "."""
    if isinstance(item, TextLine):
        return TextLine(plain_text(item.text), item.line, item.page)
    lines = [line for cell in item for line in cell]
    cells = (" ".join(plain_text(line.text) for line in cell) for cell in item)
    return TextLine(" – ".join(cell for cell in cells if cell), lines[0].line if lines else None)
