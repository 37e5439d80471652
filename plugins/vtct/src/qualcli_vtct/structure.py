"""Rules of combination: the structure tables, their group headings and the rule sentence.

A VTCT book prints, under "Qualification structure", one table per group of
units ("Mandatory units - 19 credits", "Optional units Group C - 16 credits
(minimum)") with a row per unit (code, Ofqual unit reference, title, credit
value, GLH, level), and a sentence that says how the groups combine ("a
minimum of 3 credits from Optional Group B ... A maximum of 7 credits can
come from Optional Group D"). Rows are found in the joined text of each
group, so they read the same whether the reader kept cells, tabs, spaces or
one cell per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualcli.api import RuleGroup, Unit
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.pages import is_page_number
from qualcli.parsing.refs import find_urn, parse_level
from qualcli.parsing.rows import JoinedText, column_order, row_cells
from qualcli.parsing.text import clean, parse_int
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import UNIT_CODE, flat

_GROUP = lazy_compile(
    r"^(?P<kind>mandatory|optional)\s+units?(?:\s+group\s+(?P<letter>[A-Z])\b)?(?:\s*[-–—:]\s*(?P<rest>.*))?$", re.I
)
_URN = r"[A-Z]/\d{3}/\d{4}"
_TEXT_LEVEL = r"[LE]\d"  # a level column printed as text before the title: "L1", "E3" (Entry 3)
_URN_PATTERN, _TEXT_LEVEL_PATTERN, _UNIT_CODE = lazy_compile(_URN), lazy_compile(_TEXT_LEVEL), lazy_compile(UNIT_CODE)
_ROW = lazy_compile(
    rf"\b(?P<code>{UNIT_CODE})\s+(?P<urn>{_URN})\s+(?:(?P<level>{_TEXT_LEVEL})\s+)?(?P<title>.+?)\s+(?P<numbers>\d+(?:\s+\d+)*)"
    rf"(?=\s+{UNIT_CODE}\s+{_URN}|\s*$)"
)
_CLAUSE = lazy_compile(
    r"(?:(?P<bound>minimum|maximum|at least|up to|no more than)\s+(?:of\s+)?)?(?P<credits>\d+)\s+credits?"
    r"\s+(?:can\s+|must\s+|may\s+)?(?:come\s+|be\s+(?:taken|achieved)\s+)?from\s+(?:the\s+)?"
    r"(?P<kind>mandatory|optional)?\s*group\s+(?P<letter>[A-Z])\b",
    re.I,
)
_RULE_TEXT = lazy_compile(
    r"\b(?:must|minimum|maximum|required)\b.*\bcredits?\b|\bcredits?\b.*\b(?:must|minimum|maximum|required)\b"
    r"|\bunits? must be (?:completed|achieved|taken)\b",
    re.I,
)
_FOOTNOTE = lazy_compile(r"^(?:[*†‡]|notes?\s*:)", re.I)  # a note printed under a table's last row
_HEADER = lazy_compile(r"\bcode\b.*\btitle\b|\btitle\b.*\bcode\b", re.I)  # a table's header row
COLUMNS = {
    "credits": ("credit value", "credits"),
    "glh": ("glh", "guided learning hours"),
    "level": ("level",),
    "tqt": ("tqt",),
}
DEFAULT_COLUMNS = ["credits", "glh", "level"]
# header cell -> field, for tables that kept their cells (checked in this order)
CELL_COLUMNS = {
    "urn": r"ofqual|unit reference|\burn\b|\buan\b",
    "code": r"\bcode\b",
    "title": r"\btitle\b",
    "credits": r"\bcredit",
    "glh": r"\bglh\b|guided learning",
    "level": r"\blevel\b",
}
_CELL_COLUMN_PATTERNS = {name: lazy_compile(titles, re.I) for name, titles in CELL_COLUMNS.items()}


@dataclass
class Structure:
    """What the structure section gives: the units listed, the groups and the rule text."""

    units: list[Unit] = field(default_factory=list)
    rules: list[RuleGroup] = field(default_factory=list)
    rules_text: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


@dataclass
class _Group:
    heading: LogicalLine | None
    kind: str | None = None
    letter: str | None = None
    bound: tuple[str, int] | None = None
    lines: list[LogicalLine] = field(default_factory=list)


def read_structure(lines: list[LogicalLine], offset: int = 0) -> Structure:
    """Units, rule groups and rule sentences from the lines of the structure section.

    ``offset`` is the index of ``lines[0]`` in the whole document, so that
    :attr:`Structure.used` holds document-wide indices.
    """
    result = Structure()
    groups: list[_Group] = [_Group(heading=None)]
    for index, line in enumerate(lines):
        text = flat(line.text)
        match = _GROUP.match(text)
        if match and not _URN_PATTERN.search(text):
            groups.append(_group_from_heading(line, match))
            result.used.add(offset + index)
        elif _RULE_TEXT.search(text) and not _URN_PATTERN.search(text) and "\t" not in line.text.strip():
            if clean(text) not in result.rules_text:
                result.rules_text.append(clean(text))
            result.used.add(offset + index)
        elif _FOOTNOTE.match(text):
            continue  # not a row: left for the front matter, where it is kept
        elif not (is_page_number(text) and index > 0 and lines[index - 1].page != line.page):
            groups[-1].lines.append(line)
            if _URN_PATTERN.search(text) or _HEADER.search(text):
                result.used.add(offset + index)
    clauses = [clause for text in result.rules_text for clause in _CLAUSE.finditer(text)]
    _letter_groups(groups, clauses)
    for group in groups:
        units = _rows(group)
        if group.heading is None and not units:
            continue
        result.units.extend(units)
        if group.heading is not None:
            result.rules.append(_rule(group, units, clauses))
    return result


def _group_from_heading(line: LogicalLine, match: re.Match) -> _Group:
    rest = match.group("rest") or ""
    credits = parse_int(rest)
    bound = None
    if credits is not None:
        lowered = rest.lower()
        bound = ("max" if "max" in lowered or "up to" in lowered else "min", credits)
    return _Group(heading=line, kind=match.group("kind").lower(), letter=match.group("letter"), bound=bound)


def _letter_groups(groups: list[_Group], clauses: list[re.Match]) -> None:
    """Give a letter to a group heading that has none when the rule sentence names exactly one of its kind."""
    for kind in ("mandatory", "optional"):
        unlettered = [g for g in groups if g.heading is not None and g.kind == kind and g.letter is None]
        named = {c.group("letter") for c in clauses if (c.group("kind") or "").lower() == kind}
        named -= {g.letter for g in groups if g.letter}
        if len(unlettered) == 1 and len(named) == 1:
            unlettered[0].letter = named.pop()


def _rows(group: _Group) -> list[Unit]:
    """The unit rows of a group: read by header cells when the table kept its cells, else from the joined text."""
    return _cell_rows(group) or _text_rows(group)


def _cell_rows(group: _Group) -> list[Unit]:
    """Rows of a table whose cells survived (tabs or reader cells), in whatever order its header gives."""
    columns: dict[str, int] | None = None
    units = []
    for line in group.lines:
        if line.cells is None and "\t" not in line.text:
            if columns is not None and units and line.text[:1].islower():  # the rest of a wrapped title, tabs trimmed
                _continue_row(units[-1], {"title": flat(line.text)})
            continue
        cells = row_cells(line)
        if columns is None:
            columns = _header_columns(cells)
            continue
        code = cells[columns["code"]] if columns["code"] < len(cells) else ""
        value = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        if not code and units and value["title"]:  # a title wrapped onto a second row
            _continue_row(units[-1], value)
            continue
        if not _UNIT_CODE.fullmatch(code):
            continue
        units.append(
            Unit(
                code=code,
                urn=find_urn(value.get("urn", "")),
                title=value["title"],
                level=_level(value.get("level")),
                credits=parse_int(value.get("credits")),
                glh=parse_int(value.get("glh")),
                group=_name(group),
                line=line.number,
                page=line.page,
            )
        )
    return units


def _level(text: str | None) -> str | None:
    """A level cell: "2", "Level 2", or as text "L2" -> "2", "E3" -> "E3"."""
    if text and _TEXT_LEVEL_PATTERN.fullmatch(text.strip()):
        return text.strip()[1] if text.strip()[0] == "L" else text.strip()
    return parse_level(text)


def _continue_row(unit: Unit, value: dict[str, str]) -> None:
    """Add a wrapped row's title text, and any figure the first row left empty, to ``unit``."""
    unit.title = f"{unit.title} {value['title']}".strip()
    for name in ("credits", "glh"):
        if getattr(unit, name) is None:
            setattr(unit, name, parse_int(value.get(name)))
    if unit.level is None:
        unit.level = _level(value.get("level"))


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions named by a header row, if it names at least the unit code and title."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = next((name for name, titles in _CELL_COLUMN_PATTERNS.items() if titles.search(cell)), None)
        if name and name not in columns:
            columns[name] = index
    return columns if {"code", "title"} <= columns.keys() else None


def _text_rows(group: _Group) -> list[Unit]:
    joined = JoinedText.of(group.lines)
    matches = list(_ROW.finditer(joined.text))
    if not matches:
        return []
    order = column_order(joined.text[: matches[0].start()], COLUMNS) or DEFAULT_COLUMNS
    units = []
    for match in matches:
        line = joined.item_at(match.start())
        columns = [name for name in order if name != "level"] if match.group("level") else order
        # zip stops at the header's columns: a page number run into the last row is not a figure
        figures = dict(zip(columns, (int(n) for n in match.group("numbers").split())))
        if match.group("level"):
            figures["level"] = _level(match.group("level"))
        units.append(
            Unit(
                code=match.group("code"),
                urn=match.group("urn"),
                title=match.group("title").strip(),
                level=str(figures["level"]) if "level" in figures else None,
                credits=figures.get("credits"),
                glh=figures.get("glh"),
                group=_name(group),
                line=line.number,
                page=line.page,
            )
        )
    return units


def _name(group: _Group) -> str | None:
    if group.kind is None:
        return None
    name = group.kind.capitalize()
    return f"{name} Group {group.letter}" if group.letter else name


def _rule(group: _Group, units: list[Unit], clauses: list[re.Match]) -> RuleGroup:
    rule = RuleGroup(
        name=_name(group) or "Units",
        mandatory=group.kind == "mandatory",
        units=[unit.code for unit in units],
        line=group.heading.number if group.heading else None,
        page=group.heading.page if group.heading else None,
    )
    bound = group.bound
    for clause in clauses:
        if group.letter and clause.group("letter") == group.letter:
            word = (clause.group("bound") or "").lower()
            bound = ("max" if word in ("maximum", "up to", "no more than") else "min", int(clause.group("credits")))
    if bound is not None:
        if bound[0] == "max":
            rule.max_credits = bound[1]
        else:
            rule.min_credits = bound[1]
    return rule
