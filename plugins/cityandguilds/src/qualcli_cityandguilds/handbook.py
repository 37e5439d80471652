"""The City & Guilds handbook parser: from lines to a :class:`SpecDocument`."""

from __future__ import annotations

import re

from qualcli.api import SourceText, SpecDocument, Unit
from qualcli.parsing.refs import parse_date
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.handbook_lines import HandbookLine, handbook_lines
from qualcli_cityandguilds.plain_tables import with_plain_tables
from qualcli_cityandguilds.qualifications import apply_hours, apply_prose_hours, apply_rules, read_qualifications
from qualcli_cityandguilds.structure import (
    apply_assessment_tables,
    apply_key_skills_signposting,
    assessment_method,
    units_from_structure,
)
from qualcli_cityandguilds.tables import find_tables, tables_with
from qualcli_cityandguilds.test_specs import apply_test_specs, read_test_specs
from qualcli_cityandguilds.unit_blocks import split_units
from qualcli_cityandguilds.unit_reader import UnitContent, UnitReader
from qualcli_cityandguilds.version_history import read_version_history

_VERSION = lazy_compile(r"\bVersion\s+(\d+(?:\.\d+)*)\b", re.I)
_FRONT_LINES = 12  # the cover: title, date and version


def parse_handbook(source: SourceText) -> SpecDocument:
    """Parse a City & Guilds qualification handbook."""
    lines = with_plain_tables(handbook_lines(source))
    doc = SpecDocument()
    doc.title = lines[0].text if lines else None
    doc.version, doc.version_date = _cover_version(lines[:_FRONT_LINES])

    tables = find_tables(lines)
    for table in tables_with(tables, "version", "change"):
        doc.version_history.extend(read_version_history(table))
    doc.qualifications = read_qualifications(tables_with(tables, "title", "accreditation"))
    apply_hours(doc.qualifications, tables_with(tables, "title", "tqt"))
    apply_prose_hours(doc.qualifications, lines)
    apply_rules(doc.qualifications, lines)

    doc.units = units_from_structure(tables_with(tables, "uan", "unit number"))
    apply_assessment_tables(doc.units, tables_with(tables, "unit", "assessment method"))
    apply_key_skills_signposting(doc.units, tables_with(tables, "unit", "communication"))
    for block in split_units(lines):
        content = UnitReader(block).read()
        doc.warnings.extend(content.warnings)
        _merge(doc, content)
    apply_test_specs(doc.units, read_test_specs(tables_with(tables, "outcome", "questions"), lines))
    if not doc.units:
        doc.warnings.append("no units found: no structure table and no 'Unit NNN' heading followed by Level/UAN")
    return doc


def _cover_version(lines: list[HandbookLine]) -> tuple[str | None, str | None]:
    for line in lines:
        match = _VERSION.search(line.text)
        if match:
            return match.group(1), parse_date(line.text)
    return None, None


def _merge(doc: SpecDocument, content: UnitContent) -> None:
    """Fill the listed units a block describes; the first code holds the content."""
    first, *others = content.codes
    primary = _unit(doc, first, content)
    primary.learning_outcomes = content.outcomes
    primary.sections.extend(content.sections)
    for code in others:
        twin = _unit(doc, code, content)
        twin.same_content_as = first


def _unit(doc: SpecDocument, code: str, content: UnitContent) -> Unit:
    """The unit ``code`` (created when no table lists it), with the block's shared facts."""
    unit = doc.unit(code)
    if unit is None:
        unit = Unit(code=code, title=content.title, line=content.line, page=content.page)
        doc.units.append(unit)
        doc.warnings.append(f"unit {code} is printed but not listed in a structure table")
    facts = content.facts
    unit.title = unit.title or content.title
    unit.urn = unit.urn or facts.get("uan") or None
    unit.level = unit.level or facts.get("level") or None
    unit.credits = unit.credits if unit.credits is not None else parse_int(facts.get("credits"))
    unit.glh = unit.glh if unit.glh is not None else parse_int(facts.get("glh"))
    unit.aim = unit.aim or content.aim
    unit.nos = unit.nos or list(content.nos)
    for key, value in content.details.items():
        unit.details.setdefault(key, value)
    if not unit.assessment:  # not in a structure table: the unit's own "Assessment:" line
        unit.assessment = [m for m in map(assessment_method, content.details.get("assessment_text", [])) if m]
    return unit
