"""Text for ``qualcli legislation list|show|check``."""

from __future__ import annotations

import datetime as dt

from qualcli.errors import QualcliError
from qualcli.legislation.checks import Verdict, check_reference, long_date
from qualcli.legislation.rules import RULES
from qualcli.legislation.table import JURISDICTION_NAMES, Instrument, Table

_STATUS_LABEL = {
    "in_force": "in force",
    "not_yet_in_force": "not yet in force",
    "partly_superseded": "superseded in part",
    "superseded": "superseded",
    "largely_repealed": "largely repealed",
    "repealed": "repealed",
    "revoked": "revoked",
    "renamed": "renamed",
    "outside_extent": "not law there",
}


def status_on(inst: Instrument, as_of: dt.date, jurisdiction: str):
    """(status, change) as of a date; ``outside_extent`` when the instrument is not law in ``jurisdiction``."""
    if not inst.extends_to(jurisdiction):
        return "outside_extent", None
    return inst.status_on(as_of, jurisdiction)


def status_label(inst: Instrument, as_of: dt.date, jurisdiction: str) -> str:
    """``in force`` / ``repealed 2010-10-01`` ... as of a date."""
    status, change = status_on(inst, as_of, jurisdiction)
    return _STATUS_LABEL[status] + (f" {change.date.isoformat()}" if change else "")


def list_lines(table: Table, as_of: dt.date, jurisdiction: str) -> list[str]:
    """One line per instrument: id, status as of the date, title."""
    instruments = sorted(table, key=lambda i: i.id)
    width = max(len(i.id) for i in instruments)
    status_width = max(len(status_label(i, as_of, jurisdiction)) for i in instruments)
    return [f"{i.id:<{width}}  {status_label(i, as_of, jurisdiction):<{status_width}}  {i.title}" for i in instruments]


def list_records(table: Table, as_of: dt.date, jurisdiction: str) -> list[dict]:
    """One record per instrument, for ``--json``: id, title, year, number, extent, status, since (ISO date or null), successor, source."""
    records = []
    for inst in sorted(table, key=lambda i: i.id):
        status, change = status_on(inst, as_of, jurisdiction)
        records.append({"id": inst.id, "title": inst.title, "year": inst.year, "number": inst.number,
                        "jurisdiction": inst.jurisdiction, "status": status,
                        "since": change.date.isoformat() if change else None,
                        "successor": change.successor if change else None, "source": inst.source})
    return records


def rule_lines() -> list[str]:
    """One line per lint rule: id, name, default severity, summary."""
    return [f"{r.id}  {r.name:<19} {r.severity:<8} {r.summary}" for r in RULES.values()]


def find_instrument(table: Table, name: str) -> Instrument:
    """The instrument called ``name`` (id, title, alias, abbreviation, optionally with its year)."""
    found = table.lookup(name)
    if len(found) == 1:
        return found[0]
    if not found:
        raise QualcliError(f"no instrument called {name!r} in the currency table; see qualcli legislation list")
    options = ", ".join(f"{i.id} ({i.year})" for i in found)
    raise QualcliError(f"{name!r} could mean {options}; give the id or add the year")


def show_lines(table: Table, inst: Instrument, as_of: dt.date, jurisdiction: str) -> list[str]:
    """Everything the table says about one instrument."""
    lines = [f"{inst.title}", f"  id: {inst.id}", f"  year: {inst.year}", f"  kind: {inst.kind}"]
    if inst.number:
        lines.append(f"  number: {inst.number}")
    lines.append(f"  extent: {JURISDICTION_NAMES[inst.jurisdiction]}")
    for code, ids in inst.equivalents.items():
        lines.append(f"  in {JURISDICTION_NAMES[code]}: " + "; ".join(table.get(i).title for i in ids if table.get(i)))
    for label, names in (("also written", inst.aliases), ("abbreviations", inst.abbreviations),
                         ("wrong names seen", inst.incorrect_names)):
        if names:
            lines.append(f"  {label}: {', '.join(names)}")
    if inst.in_force_from:
        lines.append(f"  in force from: {long_date(inst.in_force_from)}")
    for change in inst.changes:
        successor = table.get(change.successor)
        text = f"  {long_date(change.date)}: {_STATUS_LABEL[change.status]}"
        if change.where != inst.jurisdiction:
            text += f" in {JURISDICTION_NAMES[change.where]}"
        if successor:
            text += f" -> {successor.title}"
        if change.scope:
            text += f" ({change.scope})"
        lines.append(text)
        if change.note:
            lines.append(f"      {change.note}")
    for part in inst.parts:
        for change in part.changes:
            successor = table.get(change.successor)
            lines.append(f"  {long_date(change.date)}: {part.label} ({part.title}) {_STATUS_LABEL[change.status]}"
                         + (f" -> {successor.title}" if successor else ""))
    lines.append(f"  status on {long_date(as_of)} in {JURISDICTION_NAMES[jurisdiction]}: {status_label(inst, as_of, jurisdiction)}")
    if inst.notes:
        lines.append(f"  notes: {inst.notes}")
    if inst.uncertain:
        lines.append(f"  not confirmed: {inst.uncertain}")
    lines.append(f"  source: {inst.source}")
    return lines


def check_text(text: str, table: Table, as_of: dt.date, jurisdiction: str) -> tuple[list[str], list[Verdict]]:
    """One line per reference in ``text`` with its verdicts (or "current"), and all verdicts."""
    from qualcli.legislation.finder import finder_for

    lines: list[str] = []
    verdicts: list[Verdict] = []
    for ref in finder_for(table).find(text):
        found = check_reference(ref, text, table, as_of, jurisdiction)
        verdicts.extend(found)
        if not found:
            lines.append(f"{ref.text}: current ({ref.instrument})")
        for v in found:
            lines.append(f"{ref.text}: {v.rule} {v.severity}: {v.message}")
    return lines, verdicts
