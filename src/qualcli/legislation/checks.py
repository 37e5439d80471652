"""Checking a reference against the currency table as of a date.

:func:`check_reference` turns one :class:`~qualcli.legislation.finder.Reference`
into zero or more :class:`Verdict` objects, each with a stable rule id (see
:mod:`qualcli.legislation.rules`), a severity and a message that names the
successor, the date and the scope of the change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qualcli.legislation.context import is_historical
from qualcli.legislation.finder import Reference, resolve
from qualcli.legislation.rules import RULES
from qualcli.legislation.table import DEFAULT_JURISDICTION, JURISDICTION_NAMES, NATIONS, Instrument, StatusChange, Table

_STATUS_WORDS = {
    "superseded": "superseded",
    "partly_superseded": "superseded in part",
    "largely_repealed": "largely repealed",
    "repealed": "repealed",
    "revoked": "revoked",
    "renamed": "renamed",
}
_STATUS_RULE = {
    "superseded": "QL001",
    "partly_superseded": "QL001",
    "largely_repealed": "QL002",
    "repealed": "QL002",
    "revoked": "QL002",
    "renamed": "QL004",
}


@dataclass(frozen=True)
class Verdict:
    """What a check says about one reference."""

    rule: str
    severity: str
    message: str
    instrument: str | None
    successor: str | None = None
    suggestion: str | None = None  # what to cite instead, when there is a plain replacement


def long_date(day: dt.date) -> str:
    """``2015-10-01`` -> ``1 October 2015``."""
    return f"{day.day} {day:%B %Y}"


def check_reference(
    ref: Reference,
    text: str,
    table: Table,
    as_of: dt.date,
    jurisdiction: str = DEFAULT_JURISDICTION,
) -> list[Verdict]:
    """Every verdict on ``ref`` (found in ``text``) as of ``as_of`` in ``jurisdiction``; [] when current."""
    if ref.instrument is None:
        return [_verdict("QL005", f"'{ref.text}' is not in the currency table, so its currency was not checked", None)]
    family = [inst for inst in (table.get(c) for c in ref.candidates or (ref.instrument,)) if inst is not None]
    if not family:
        return []
    inst = resolve(family, ref.year, as_of, jurisdiction)
    verdicts: list[Verdict] = []
    status, change = inst.status_on(as_of, jurisdiction)
    if change is not None:
        if change.status != "renamed" and is_historical(text, ref.start, ref.end):
            verdicts.append(_verdict(
                "QL006",
                f"historical mention: the {inst.title} {_was(inst)} {_STATUS_WORDS[status]} on {long_date(change.date)}"
                f"{_by(table, change)}, and the sentence says so",
                inst, change.successor))
        else:
            verdicts.append(_status_verdict(ref, inst, change, table, jurisdiction))
    elif status == "not_yet_in_force":
        verdicts.append(_verdict(
            "QL007", f"the {inst.title} {_was(inst)} not in force on {long_date(as_of)}: it applies from {long_date(inst.in_force_from)}", inst))
    if ref.year is not None and ref.year != str(inst.year):
        verdicts.append(_verdict("QL003", _wrong_year(ref, inst, family), inst, suggestion=f"{ref.name} {inst.year}"))
    if ref.form == "incorrect":
        verdicts.append(_verdict("QL004", f"'{ref.name}' is not the instrument's name: the title is the {inst.title}", inst,
                                 suggestion=inst.title))
    return verdicts


def _verdict(rule: str, message: str, inst: Instrument | None, successor: str | None = None,
             severity: str | None = None, suggestion: str | None = None) -> Verdict:
    return Verdict(rule, severity or RULES[rule].severity, message, inst.id if inst else None, successor, suggestion)


def _plural(inst: Instrument) -> bool:
    return inst.kind == "regulations"


def _was(inst: Instrument) -> str:
    return "were" if _plural(inst) else "was"


def _by(table: Table, change: StatusChange) -> str:
    successor = table.get(change.successor)
    return f" by the {successor.title}" if successor else ""


def _status_verdict(ref: Reference, inst: Instrument, change: StatusChange, table: Table, jurisdiction: str) -> Verdict:
    successor = table.get(change.successor)
    narrower = NATIONS[change.where] < NATIONS[inst.jurisdiction]
    where = f" in {JURISDICTION_NAMES[change.where]}" if narrower else ""
    when = long_date(change.date)
    if change.status == "renamed":
        message = (f"'{ref.name}' is outdated: in {change.scope or 'UK law'} it is the {successor.title if successor else 'new name'}"
                   f" (since {when})")
    else:
        began = _status_since(inst, change, jurisdiction)
        message = f"the {inst.title} {_was(inst)} {_STATUS_WORDS[change.status]}{where} on {long_date(began)}"
        since = f" since {when}" if began != change.date else ""
        if successor and change.status in ("superseded", "partly_superseded"):
            message += f": the {successor.title} governs{since}"
            message += f" {change.scope}" if change.scope else " in its place"
        elif successor:
            message += f"; replaced{since} by the {successor.title}"
            message += f" for {change.scope}" if change.scope else ""
        elif change.scope:
            message += f" ({change.scope})"
    if change.note:
        message += f"; {change.note}"
    differs = inst.differing_nations(change)
    if differs and jurisdiction not in (change.where,):
        message += f"; the law differs in {JURISDICTION_NAMES[differs]}, where it still applies"
    return _verdict(_STATUS_RULE[change.status], message, inst, change.successor, change.severity,
                    successor.title if successor else None)


def _status_since(inst: Instrument, change: StatusChange, jurisdiction: str) -> dt.date:
    """When the instrument first took ``change``'s status (a later change may only name a new successor)."""
    began = change.date
    for earlier in reversed([c for c in inst.changes if c.date < change.date and c.applies_in(jurisdiction)]):
        if earlier.status != change.status:
            break
        began = earlier.date
    return began


def _wrong_year(ref: Reference, inst: Instrument, family: list[Instrument]) -> str:
    years = sorted({i.year for i in family})
    if len(years) > 1:
        known = ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"
        return f"no {inst.name} of {ref.year} is known: the table has the {inst.name} of {known}; check the year"
    message = f"wrong year: the {inst.title} {'are' if _plural(inst) else 'is'} of {inst.year}, not {ref.year}"
    if inst.in_force_from and str(inst.in_force_from.year) == ref.year:
        message += f" ({'they' if _plural(inst) else 'it'} came into force on {long_date(inst.in_force_from)})"
    return message
