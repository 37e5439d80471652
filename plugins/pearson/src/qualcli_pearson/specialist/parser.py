"""BTEC Specialist specifications (text, Markdown, Word, PDF)."""

from __future__ import annotations

import re

from qualcli.api import SourceText, SpecDocument, Unit, Unstructured
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.prepare import prepare
from qualcli.parsing import lazy_compile
from qualcli_pearson.cells import filled, row_text, table_cells
from qualcli_pearson.markup import plain_text
from qualcli_pearson.specialist.annexe import unit_mappings
from qualcli_pearson.specialist.front import (
    StructureReader,
    change_log,
    month_date,
    numbered_heading,
    summary_qualifications,
)
from qualcli_pearson.specialist.units import HEADER_FIELD, UNIT_HEADING, UnitReader, part_of

_ISSUE = lazy_compile(r"^Issue\s+(\d+(?:\.\d+)?)$", re.I)
_UNIT_HEADER_WINDOW = 8
_ANNEXE = lazy_compile(r"^Annexe\s+[A-Z]$", re.I)
_STRUCTURED = ("qualification summary", "qualification structure")  # read into the model, not kept twice


def _starts_new(text: str) -> bool:
    """Headings and header fields never continue the line before them."""
    text = plain_text(text)
    return bool(UNIT_HEADING.match(text) or part_of(text) or HEADER_FIELD.match(text))


class SpecialistParser:
    """Parses the BTEC Specialist specification layout into a SpecDocument (registered by :mod:`qualcli_pearson.plugin`)."""

    def parse(self, source: SourceText) -> SpecDocument:
        """The qualifications, units, unit mappings and change log of the specification."""
        lines = prepare(source, starts_new=_starts_new)
        doc = SpecDocument()
        spans = _unit_spans(lines)
        front = lines[: spans[0][0]] if spans else lines
        in_units = {i for start, end in spans for i in range(start, end)}
        back = [line for i, line in enumerate(lines) if i >= len(front) and i not in in_units]  # between and after
        self._read_front(doc, front)
        listed: dict[str, Unit] = {}
        StructureReader(doc.qualifications, listed).read(_numbered_section(front, "qualification structure"))
        full = [UnitReader(lines[start:end], doc.warnings).read() for start, end in spans]
        doc.units = _merge_units(listed, full, doc.warnings)
        _apply_assessment_methods(front, doc.units)
        titles = {unit.code: unit.title for unit in doc.units}
        doc.mappings = unit_mappings(back, titles)
        doc.version_date = next((d for d in (month_date(line.text) for line in back) if d), None)
        doc.unstructured = _kept_as_printed(front + back)
        return doc

    def _read_front(self, doc: SpecDocument, front: list[LogicalLine]) -> None:
        prose = [plain_text(line.text) for line in front[:15] if table_cells(line) is None]
        if "Specification" in prose:
            doc.title = " / ".join(prose[: prose.index("Specification")]) or None
        elif prose:
            doc.title = prose[0]
        doc.version = next((m.group(1) for m in (_ISSUE.match(text) for text in prose) if m), None)
        doc.version_history = change_log(front, doc.version)
        doc.qualifications = summary_qualifications(_numbered_section(front, "qualification summary") or front)


def _unit_spans(lines: list[LogicalLine]) -> list[tuple[int, int]]:
    """(start, end) of each unit: its heading, when header fields follow it, up to the next."""
    starts = [
        i
        for i, line in enumerate(lines)
        if table_cells(line) is None
        and UNIT_HEADING.match(plain_text(line.text))
        and any(HEADER_FIELD.match(row_text(later)) for later in lines[i + 1 : i + _UNIT_HEADER_WINDOW])
    ]
    spans = []
    for number, start in enumerate(starts):
        limit = starts[number + 1] if number + 1 < len(starts) else len(lines)
        end = next(
            (
                i
                for i in range(start + 1, limit)
                if numbered_heading(lines[i]) or plain_text(lines[i].text).lower().startswith("annexe")
            ),
            limit,
        )
        spans.append((start, end))
    return spans


def _kept_as_printed(lines: list[LogicalLine]) -> list[Unstructured]:
    """The document's other sections (introduction, assessment, centre requirements…), as printed."""
    kept: list[Unstructured] = []
    title, body = "Front matter", []

    def close() -> None:
        if body and not title.lower().startswith(_STRUCTURED):
            text = "\n".join(row_text(line) for line in body)
            kept.append(
                Unstructured(
                    text=text, reason=f"section '{title}' kept as printed", line=body[0].number, page=body[0].page
                )
            )

    for line in lines:
        heading = numbered_heading(line) or (plain_text(line.text) if _ANNEXE.match(plain_text(line.text)) else None)
        if heading is not None and table_cells(line) is None:
            close()
            title, body = heading, []
            continue
        body.append(line)
    close()
    return kept


def _numbered_section(lines: list[LogicalLine], title_start: str) -> list[LogicalLine]:
    """The lines under the numbered heading whose title starts with ``title_start``."""
    inside, found = False, []
    for line in lines:
        title = numbered_heading(line)
        if title is not None:
            inside = title.lower().startswith(title_start)
            continue
        if inside:
            found.append(line)
    return found


def _merge_units(listed: dict[str, Unit], full: list[Unit], warnings: list[str]) -> list[Unit]:
    """Units in the order the structure tables list them, completed from the unit pages."""
    merged = dict(listed)
    for unit in full:
        table = merged.get(unit.code)
        if table is not None:
            for name in ("urn", "level", "credits", "glh"):
                printed, in_table = getattr(unit, name), getattr(table, name)
                if printed is None:
                    setattr(unit, name, in_table)
                elif in_table is not None and str(printed) != str(in_table):
                    warnings.append(
                        f"unit {unit.code}: {name} is {printed} on the unit page but {in_table} in the structure table"
                    )
        merged[unit.code] = unit
    return list(merged.values())


def _apply_assessment_methods(front: list[LogicalLine], units: list[Unit]) -> None:
    """The "Units | Assessment method" table: each unit's method ("All units" for every one)."""
    in_table = False
    for line in front:
        cells = table_cells(line)
        values = filled(cells) if cells is not None else []
        if len(values) == 2 and values[0].lower() == "units" and "assessment" in values[1].lower():
            in_table = True
            continue
        if not in_table or len(values) != 2:
            in_table = False
            continue
        targets = (
            units
            if values[0].lower().startswith("all")
            else [u for u in units if u.code in re.findall(r"\d+", values[0])]
        )
        for unit in targets:
            if values[1] not in unit.assessment:
                unit.assessment.append(values[1])
