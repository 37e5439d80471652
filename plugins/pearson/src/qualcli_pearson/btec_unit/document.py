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

import re

from qualcli.model import Source, SpecDocument, Unit
from qualcli.readers import SourceText
from qualcli_pearson import __version__
from qualcli_pearson.btec_unit.content import ContentCollector, TextLine
from qualcli_pearson.btec_unit.grid import grid_criteria, order_grid, read_ref
from qualcli_pearson.btec_unit.parts import UnitParts, flatten
from qualcli_pearson.detect import score
from qualcli_pearson.markup import glyph_item

_MARKS = [
    re.compile(r"^Unit\s+\d{1,3}\s*:", re.M),
    re.compile(r"^Unit type\s*:", re.M | re.I),
    re.compile(r"^Learning aims?\b", re.M),
    re.compile(r"Learning aims and unit content|What needs to be learnt|^Unit content$", re.M | re.I),
    re.compile(r"\b[1-3][A-Z]\.[PMD]\d|\b[A-Z]\.[PMD]\d\b"),
    re.compile(r"^Assessment type\s*:|^Unit introduction$", re.M | re.I),
]
_AIM_ITEM = re.compile(r"^(?:Learning aim\s+)?([A-Za-z])[.)]?\s+(\S.+)$")


class UnitDocumentParser:
    """Parses a BTEC First/National unit document into a one-unit SpecDocument."""

    name = "pearson-btec-unit"
    body = "pearson"
    formats = ("txt", "md", "pdf", "docx", "html")
    version = __version__

    def confidence(self, source: SourceText):
        """High for a unit with learning aims, unit content or a P/M/D grid."""
        return score(source, _MARKS, "BTEC First/National unit")

    def parse(self, source: SourceText) -> SpecDocument:
        """The unit: header, introduction, learning aims with content topics and grid criteria."""
        doc = SpecDocument(source=Source(path=source.path, sha256=source.sha256, format=source.format), body=self.body)
        unit = Unit(code="?", title="")
        aims = ContentCollector(unit.learning_outcomes)
        parts = UnitParts(unit)
        for item in flatten(source):
            if isinstance(item, list):  # a table row: cells of TextLines
                self._row(item, parts, aims, unit)
                continue
            self._line(item, parts, aims, unit)
        parts.close()
        if unit.code == "?":
            doc.warnings.append("no 'Unit N: title' heading found")
        unit.title = unit.title or f"Unit {unit.code}"
        if aims.loose:
            text = "\n".join(line.text for line in aims.loose)
            parts.add_section("Unit content", text, aims.loose[0])
        order_grid(unit.learning_outcomes)
        doc.units = [unit]
        doc.title = f"Unit {unit.code}: {unit.title}"
        return doc

    def _row(self, cells: list[list[TextLine]], parts: UnitParts, aims: ContentCollector, unit: Unit) -> None:
        flat = [" ".join(line.text for line in cell) for cell in cells]
        first = next((line for cell in cells for line in cell), None)
        if first is None:
            return
        if parts.kind == "grid" or any(read_ref(c) for c in flat):
            self._grid(flat, first, aims, parts)
            return
        if parts.kind not in ("aims", "content"):  # a table kept as text, one row per line
            parts.text(TextLine(" – ".join(c for c in flat if c), first.line, first.page))
            return
        for cell in cells:
            for line in cell:
                self._line(line, parts, aims, unit, in_table=True)

    def _grid(self, cells: list[str], where: TextLine, aims: ContentCollector, parts: UnitParts) -> None:
        found = grid_criteria(cells, where.line, where.page)
        if not found:
            parts.text(TextLine(" – ".join(c for c in cells if c), where.line, where.page))
            return
        for ref, criterion in found:
            aims.aim(ref.aims[0], None).criteria.append(criterion)

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
                aims.aim(match.group(1).upper(), match.group(2), item.line, item.page)
                return
        if parts.kind == "content":
            aims.add(TextLine(text, item.line, item.page))
            return
        if parts.kind == "grid" and read_ref(text):
            self._grid([text], item, aims, parts)
            return
        parts.text(TextLine(text, item.line, item.page))
