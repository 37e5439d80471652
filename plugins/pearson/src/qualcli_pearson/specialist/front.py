"""The front of a BTEC Specialist specification: summary tables, structures, changes.

- "Qualification summary and key information": one two-column table per
  qualification, opened by its "Qualification title" row.
- "Qualification structures": per qualification (a heading with its title),
  the credit rules (prose lines and "Minimum number of credits … | 13" rows)
  and the unit table, whose "Optional units" row starts the optional group.
- "Summary of changes": the issue's change log, one row per change.
"""

from __future__ import annotations

import re
from datetime import datetime

from qualcli.api import Qualification, RuleGroup, Unit, VersionEntry
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.refs import parse_date, parse_level
from qualcli.parsing.text import normalise_space, parse_int
from qualcli.parsing import lazy_compile
from qualcli_pearson.cells import filled, table_cells
from qualcli_pearson.markup import plain_text

_GROUP_HEADING = lazy_compile(r"\b(?:mandatory|optional)\b[\w\s]*\bunits?\b", re.I)
_URN = lazy_compile(r"^[A-Z]/\d{3}/\d{4}$")
_NUMBERED_HEADING = lazy_compile(r"^(\d{1,2})\s+([A-Z][^.:;]{2,90})$")

# Summary-table labels: (pattern on the first cell, what the second cell gives)
_SUMMARY_FIELDS = [
    (lazy_compile(r"^qualification number|^\bQN\b", re.I), "number"),
    (lazy_compile(r"^accreditation start", re.I), "accreditation_start"),
    (lazy_compile(r"^operational start", re.I), "operational_start"),
    (lazy_compile(r"^credit value", re.I), "credits"),
    (lazy_compile(r"^total qualification time", re.I), "tqt"),
    (lazy_compile(r"^guided learning", re.I), "glh"),
]


def numbered_heading(line: LogicalLine) -> str | None:
    """The title of a numbered section heading ("3 Qualification structures")."""
    if table_cells(line) is not None:
        return None
    match = _NUMBERED_HEADING.match(plain_text(line.text))
    return match.group(2) if match else None


def month_date(text: str) -> str | None:
    """``April 2017`` as ``2017-04``; None for anything else."""
    try:
        return datetime.strptime(normalise_space(text), "%B %Y").strftime("%Y-%m")
    except ValueError:
        return None


def summary_qualifications(lines: list[LogicalLine]) -> list[Qualification]:
    """Qualifications from the summary tables (a "Qualification title" row opens one)."""
    found: list[Qualification] = []
    for line in lines:
        cells = table_cells(line)
        if cells is None or len(filled(cells)) < 2:
            continue
        label, value = filled(cells)[0], plain_text(" ".join(filled(cells)[1:]))
        if re.match(r"^qualification title", label, re.I):
            found.append(Qualification(title=value, level=parse_level(value), line=line.number, page=line.page))
            continue
        if not found:
            continue
        _set_summary_field(found[-1], label, value)
    return found


def _set_summary_field(qualification: Qualification, label: str, value: str) -> None:
    for pattern, name in _SUMMARY_FIELDS:
        if pattern.search(label):
            if name in ("credits", "tqt", "glh"):
                setattr(qualification, name, parse_int(value))
            elif name == "number":
                qualification.number = value
            else:
                date = parse_date(value)
                if date:
                    qualification.dates[name] = date
                else:
                    qualification.details[name] = value
            return
    key = re.sub(r"[^a-z0-9]+", "_", plain_text(label).lower()).strip("_")
    qualification.details[key] = value


class StructureReader:
    """Rules of combination and the units each qualification's tables list."""

    def __init__(self, qualifications: list[Qualification], units: dict[str, Unit]):
        self.qualifications = qualifications
        self.units = units
        self.current: Qualification | None = None
        self.group: RuleGroup | None = None
        self.pending_credits: dict[str, int] = {}

    def read(self, lines: list[LogicalLine]) -> None:
        """Read the structure section's lines in order."""
        for line in lines:
            cells = table_cells(line)
            if cells is None:
                self._prose(line)
            else:
                self._row(line, cells)

    def _qualification_named(self, text: str) -> Qualification | None:
        key = normalise_space(text).lower()
        return next((q for q in self.qualifications if q.title.lower() == key), None)

    def _prose(self, line: LogicalLine) -> None:
        text = plain_text(line.text)
        named = self._qualification_named(text)
        if named is None and re.match(r"^(?:Pearson\s+)?BTEC\b.*\b(?:Award|Certificate|Diploma|Extended)\b", text):
            named = Qualification(title=text, level=parse_level(text), line=line.number, page=line.page)
            self.qualifications.append(named)
        if named is not None:
            self.current, self.group, self.pending_credits = named, None, {}
            return
        if self.current is not None and _GROUP_HEADING.fullmatch(text):
            self._open_group(text, line)  # a row of one cell, which some exports print as a line
            return
        if self.current is not None and re.search(r"\bcredits?\b", text, re.I) and re.search(r"\bmust\b", text, re.I):
            self.current.rules_text.append(text)
            self._credit_rule(text, parse_int(text))

    def _credit_rule(self, label: str, credits: int | None) -> None:
        """Note a credit rule; the group it names gets it once the table opens that group."""
        lowered = label.lower()
        if credits is None:
            return
        if "optional" in lowered:
            self.pending_credits["optional"] = credits
        elif "mandatory" in lowered:
            self.pending_credits["mandatory"] = credits
        elif "minimum" in lowered or "total" in lowered:
            self.current.credits = credits
        for group in self.current.rules:
            self._apply_credits(group)

    def _apply_credits(self, group: RuleGroup) -> None:
        kind = "mandatory" if group.mandatory else "optional"
        if kind in self.pending_credits:
            group.min_credits = self.pending_credits[kind]

    def _row(self, line: LogicalLine, cells: list[str]) -> None:
        if self.current is None:
            return
        values = filled(cells)
        if len(values) == 2 and "credit" in values[0].lower() and parse_int(values[1]) is not None:
            self.current.rules_text.append(f"{values[0]} {values[1]}")
            self._credit_rule(values[0], parse_int(values[1]))
            return
        if len(values) == 1 or (cells and cells[0].lower() == "unit"):
            heading = next((v for v in values if _GROUP_HEADING.search(v)), None)
            if heading:
                self._open_group(heading, line)
            return
        if len(values) >= 3 and _URN.match(values[1]) and values[0].isdigit():
            self._unit_row(values, line)

    def _open_group(self, heading: str, line: LogicalLine) -> None:
        mandatory = "mandatory" in heading.lower()
        self.group = RuleGroup(name=heading, mandatory=mandatory, line=line.number, page=line.page)
        self._apply_credits(self.group)
        self.current.rules.append(self.group)

    def _unit_row(self, values: list[str], line: LogicalLine) -> None:
        code, urn, title = values[0], values[1], plain_text(values[2])
        level, credits, glh = (values[3:] + [None, None, None])[:3]
        if self.group is None:
            self._open_group("Units", line)
        self.group.units.append(code)
        if code not in self.units:
            self.units[code] = Unit(
                code=code,
                title=title,
                urn=urn,
                level=parse_level(level),
                credits=parse_int(credits),
                glh=parse_int(glh),
                line=line.number,
                page=line.page,
            )


def change_log(lines: list[LogicalLine], version: str | None) -> list[VersionEntry]:
    """The "Summary of changes" table as one entry for this issue."""
    entry: VersionEntry | None = None
    for line in lines:
        cells = table_cells(line)
        if cells is None:
            if entry is not None:
                break
            continue
        values = filled(cells)
        if entry is None:
            if values and re.match(r"^summary of changes", values[0], re.I):
                entry = VersionEntry(version=version or "current", line=line.number, page=line.page)
            continue
        if values:
            change = plain_text(values[0])
            where = plain_text(" ".join(values[1:]))
            entry.changes.append(f"{change} ({where})" if where else change)
    return [entry] if entry and entry.changes else []
