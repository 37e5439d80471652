"""Suggested assignment outlines of a BTEC unit, one section each.

Pearson prints them as a table ("Criteria covered | Assignment | Scenario |
Assessment evidence"); its unit XML has a ``<suggestedassignment>`` element
per outline. Each becomes a unit section titled "Suggested assignment:
<title>" whose text starts with the criteria it covers. The refs in an
outline point at criteria of the grid; they are not criteria themselves.
"""

from __future__ import annotations

from qualcli.api import Section
from qualcli.parsing import lazy_compile

from qualcli_pearson.btec_unit.grid import read_ref

TITLE_PREFIX = "Suggested assignment: "
_SEPARATOR = lazy_compile(r"[,;\s]+")


def covered_refs(cell: str) -> list[str] | None:
    """The grid refs of a "criteria covered" cell ("1A.1, 2A.P1 ..."), or None if it holds anything else."""
    parts = [part for part in _SEPARATOR.split(cell.strip()) if part]
    refs = [read_ref(part) for part in parts]
    if not parts or any(ref is None or ref.ref != part for ref, part in zip(refs, parts)):
        return None
    return parts


def assignment_section(title: str, refs: list[str], text: list[str], line: int | None, page: int | None = None) -> Section:
    """One outline as a section: "Criteria covered: …" then the scenario and evidence lines."""
    body = [f"Criteria covered: {', '.join(refs)}", *(part for part in text if part)]
    return Section(title=f"{TITLE_PREFIX}{title}", text="\n".join(body), line=line, page=page)
