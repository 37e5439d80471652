"""The handbook's own change log ("Version and date | Change detail | Section").

Each row becomes a :class:`VersionEntry`. A row with an empty version cell
continues the entry above it (the export splits long cells over rows).

Change cells exported from HTML (``<p>Unit 201/271 Outcome 5 Notes of
guidance:</p> <p>1.5.1:</p> <ul> ○ Deleted … ○ Added …``) are split into one
change per list item, each prefixed with the headings it sits under, so a
change reads on its own: "Unit 201/271 Outcome 5 Notes of guidance: 1.5.1:
Deleted Consumer Protection Regulations". A heading with no items under it
("City & Guilds address updated") is a change itself. Plain cells are one
change each.
"""

from __future__ import annotations

import re
from itertools import pairwise

from qualcli.api import VersionEntry
from qualcli.parsing.fragments import clean_part, has_markup, split_fragment
from qualcli.parsing.refs import parse_date
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.tables import Table, cell

_VERSION = lazy_compile(r"^\s*(?:Version\s+)?(\d+(?:\.\d+)*)\s*(.*)$", re.I)
# Where a heading starts inside a run of fragment text, and its level:
# 0 unit, 1 outcome, 2 criterion.
_HEADING = lazy_compile(
    r"(?P<unit>\bUnits?\s+\d{2,4}\b)"
    r"|(?P<outcome>\bOutcome\s+\d+\b)"
    r"|(?P<criterion>(?:\bupdated\s+)?\b\d+(?:\.\d+)+\s*(?:updated\s*)?(?::|$))"
)


def read_version_history(table: Table) -> list[VersionEntry]:
    """The entries of a version-history table, in printed order."""
    version_col = table.column("version")
    change_col = table.column("change")
    section_col = table.column("section")
    entries: list[VersionEntry] = []
    for row in table.rows:
        raw_cells = row.raw.split("\t")
        raw_change = raw_cells[change_col] if change_col is not None and change_col < len(raw_cells) else ""
        changes = split_changes(raw_change)
        section = cell(row, section_col) or None
        match = _VERSION.match(cell(row, version_col))
        if match:
            version, date_text = match.groups()
            entries.append(
                VersionEntry(version, parse_date(date_text), changes, section, line=row.number, page=row.page)
            )
        elif entries:
            entries[-1].changes.extend(changes)
            entries[-1].section = entries[-1].section or section
    return entries


def split_changes(raw: str) -> list[str]:
    """One change per list item of an HTML change cell, with its headings."""
    if not raw.strip():
        return []
    if not has_markup(raw):
        return [clean_part(raw)]
    changes: list[str] = []
    headings: list[tuple[int, str, bool]] = []  # (level, text, has content under it)

    def open_heading(level: int, text: str) -> None:
        while headings and headings[-1][0] >= level:
            close_heading()
        headings.append((level, text, False))

    def close_heading() -> None:
        _, text, used = headings.pop()
        if not used:
            changes.append(_join([h[1] for h in headings] + [text.rstrip(" :")]))
            _mark_used()

    def _mark_used() -> None:
        for i, (level, text, _) in enumerate(headings):
            headings[i] = (level, text, True)

    for part in split_fragment(raw):
        pieces = _split_headings(part.text)
        if pieces and pieces[0][0] is None and not pieces[0][1].endswith(":"):
            if not part.item:  # a paragraph of its own stands outside the headings above it
                while headings:
                    close_heading()
            changes.append(_join([h[1] for h in headings] + [pieces[0][1]]))
            _mark_used()
            pieces = pieces[1:]
        for level, text in pieces:
            if level is None:
                if text.endswith(":"):
                    open_heading(3, text)
                else:
                    changes.append(_join([h[1] for h in headings] + [text]))
                    _mark_used()
            else:
                open_heading(level, text)
    while headings:
        close_heading()
    return changes


def _split_headings(text: str) -> list[tuple[int | None, str]]:
    """Cut ``text`` where headings start: (level, or None for plain text; text)."""
    bounds = [(0, None)] + [(m.start(), _level(m)) for m in _HEADING.finditer(text)] + [(len(text), None)]
    pieces = []
    for (start, level), (end, _) in pairwise(bounds):
        piece = text[start:end].strip()
        if piece:
            pieces.append((level, piece))
    return pieces


def _level(match: re.Match) -> int:
    return {"unit": 0, "outcome": 1, "criterion": 2}[match.lastgroup]


def _join(parts: list[str]) -> str:
    return " ".join(p for p in parts if p)
