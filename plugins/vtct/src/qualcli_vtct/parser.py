"""The VTCT parser: a record-of-assessment book (txt, md, pdf, docx, html) to a SpecDocument.

Reading order:

1. :func:`qualcli_vtct.layout.prepare` turns the reader's lines into logical
   lines (page headers removed, wrapped lines rejoined).
2. The unit pages are located (:mod:`qualcli_vtct.units`); everything before
   the first one is the qualification's front matter.
3. From the front matter: the qualification header (:mod:`.header`), the
   structure tables and rule sentence (:mod:`.structure`) and the unit
   assessment methods table (:mod:`.methods`). Front matter that none of them
   uses is kept in ``SpecDocument.unstructured``.
4. Each unit page is read by :class:`qualcli_vtct.unitpage.UnitPageReader`
   into the unit listed in the tables (or a new unit if it is not listed).
5. The publisher's address and copyright after the last unit are back matter;
   the month printed with the copyright line is the book's ``version_date``.
"""

from __future__ import annotations

from qualcli.model import SpecDocument, Source, Unit, Unstructured
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.pages import is_page_number
from qualcli.parsing.refs import parse_date
from qualcli.plugins import Confidence
from qualcli.readers import SourceText

from qualcli_vtct import __version__
from qualcli_vtct.confidence import score
from qualcli_vtct.header import read_qualification
from qualcli_vtct.layout import flat, heading_of, is_form_line, prepare
from qualcli_vtct.methods import read_methods
from qualcli_vtct.structure import Structure, read_structure
from qualcli_vtct.unitpage import UnitPageReader
from qualcli_vtct.units import find_unit_starts

_FRONT_END = {"methods", "glossary", "guidance", "structure"}


class VtctParser:
    """Parses VTCT record-of-assessment books (see the module docstring)."""

    name = "vtct"
    body = "vtct"
    formats = ("txt", "md", "pdf", "docx", "html")
    version = __version__

    def confidence(self, source: SourceText) -> Confidence:
        """How sure we are that ``source`` is a VTCT record-of-assessment book, and why."""
        return score(source.text)

    def parse(self, source: SourceText) -> SpecDocument:
        """The document in the common model."""
        lines = prepare(source)
        doc = SpecDocument(source=Source(path=source.path, sha256=source.sha256, format=source.format), body=self.body)
        used: set[int] = set()

        structure = _read_structure(lines, len(lines))
        starts = find_unit_starts(lines, {unit.code: unit.title for unit in structure.units})
        front_end = starts[0].first if starts else len(lines)
        if structure.used and front_end < len(lines):  # the section ran on into the unit pages: read it again without them
            structure = _read_structure(lines, front_end)

        qualification, header_used = read_qualification(lines[:front_end])
        used |= header_used | structure.used
        listed = _unique(structure.units, doc.warnings)
        if qualification is not None:
            qualification.rules = _distinct_rules(structure.rules)
            qualification.rules_text = structure.rules_text
        if qualification is not None:
            doc.qualifications.append(qualification)
            doc.title = qualification.title
        else:
            doc.warnings.append("no qualification title (\"Level N Award/Certificate/Diploma in ...\") found")

        methods_span = _section(lines, "methods", front_end)
        if methods_span:
            methods = read_methods(lines[methods_span[0] : methods_span[1]], {u.code: u.title for u in listed})
            used |= {i for i in range(*methods_span) if not _is_prose(lines[i])}
            _apply_methods(listed, methods, doc.warnings)

        units = {unit.code: unit for unit in listed}
        for position, start in enumerate(starts):
            end = starts[position + 1].first if position + 1 < len(starts) else len(lines)
            unit = units.get(start.code)
            if unit is None:
                unit = Unit(code=start.code, title=start.title or start.code)
                units[start.code] = unit
                listed.append(unit)
                doc.warnings.append(f"{start.code}: printed in full but not in the structure tables")
            first = lines[start.first]
            unit.line, unit.page = first.number, first.page
            if start.title and flat(start.title).lower() != flat(unit.title).lower():
                doc.warnings.append(f"{start.code}: titled {start.title!r} on its page but {unit.title!r} in the tables")
            if start.version:
                unit.details["version"] = start.version
            UnitPageReader(unit, doc.warnings).read(lines[start.body : end], start.aim_prefix)
        doc.units = listed
        doc.unstructured = _front_matter(lines[:front_end], used)
        if starts:
            back = _back_matter(units[starts[-1].code])
            doc.unstructured.extend(back)
            doc.version_date = next((parse_date(block.text) for block in back if parse_date(block.text)), None)
        return doc


def _read_structure(lines: list[LogicalLine], end: int) -> Structure:
    """The structure section (tables, groups, rule text) found before line index ``end``."""
    span = _section(lines, "structure", end)
    if span is None:
        return Structure()
    structure = read_structure(lines[span[0] : span[1]], span[0])
    structure.used.add(span[0])
    return structure


def _section(lines: list[LogicalLine], kind: str, end: int) -> tuple[int, int] | None:
    """``(first, last+1)`` of the front-matter section opened by a heading of ``kind``."""
    for index in range(end):
        if heading_of(lines[index].text) == kind:
            for stop in range(index + 1, end):
                other = heading_of(lines[stop].text)
                if other in _FRONT_END and other != kind:
                    return index, stop
            return index, end
    return None


def _is_prose(line: LogicalLine) -> bool:
    """A sentence rather than a table row or heading."""
    return line.cells is None and "\t" not in line.text and flat(line.text).endswith(".")


def _unique(units: list[Unit], warnings: list[str]) -> list[Unit]:
    """Each code once; a second listing that differs is warned about (an exact copy, such as a table
    repeated in the text layer behind its image, is not)."""
    seen: dict[str, Unit] = {}
    for unit in units:
        if unit.code in seen:
            if _listing(unit) != _listing(seen[unit.code]):
                warnings.append(f"{unit.code}: listed twice in the structure tables (line {unit.line})")
            continue
        seen[unit.code] = unit
    return list(seen.values())


def _distinct_rules(rules: list) -> list:
    """The rule groups without exact repeats (a structure table printed twice)."""
    kept: list = []
    for rule in rules:
        if all((rule.name, rule.units, rule.min_credits, rule.max_credits) != (k.name, k.units, k.min_credits, k.max_credits) for k in kept):
            kept.append(rule)
    return kept


def _listing(unit: Unit) -> tuple:
    return unit.urn, flat(unit.title), unit.level, unit.credits, unit.glh, unit.group


def _apply_methods(units: list[Unit], methods: dict, warnings: list[str]) -> None:
    for unit in units:
        row = methods.get(unit.code)
        if row is None:
            continue
        unit.assessment = row.methods
        if row.question_papers is not None:
            unit.external_papers = row.question_papers
        if row.unread:
            warnings.append(f"{unit.code}: assessment-methods marks not readable for {', '.join(row.unread)} (line {row.line})")


def _back_matter(last: Unit) -> list[Unstructured]:
    """The publisher's address and copyright after the last unit: taken out of that unit."""
    if last.sections and ("©" in last.sections[-1].text or "copyright" in last.sections[-1].text.lower()):
        section = last.sections.pop()
        return [Unstructured(text=section.text, reason="back matter", line=section.line, page=section.page)]
    return []


def _front_matter(lines: list[LogicalLine], used: set[int]) -> list[Unstructured]:
    """Front-matter text no reader used, one block per heading, as printed."""
    blocks: list[Unstructured] = []
    title = "cover"  # text before the first heading
    for index, line in enumerate(lines):
        text = flat(line.text)
        if heading_of(text):
            title = text
            continue
        if index in used or not text or is_form_line(text) or is_page_number(text):
            continue
        if blocks and blocks[-1].reason == f"front matter: {title}":
            blocks[-1].text += "\n" + text
        else:
            blocks.append(Unstructured(text=text, reason=f"front matter: {title}", line=line.number, page=line.page))
    return blocks
