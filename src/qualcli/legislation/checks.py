"""Checking a reference against the currency table as of a date.

:func:`check_reference` turns one :class:`~qualcli.legislation.finder.Reference`
into zero or more :class:`Verdict` objects, each with a stable rule id (see
:mod:`qualcli.legislation.rules`), a severity and a message that names the
successor, the date and the scope of the change.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from functools import lru_cache

from qualcli.legislation.context import is_historical, part_for
from qualcli.legislation.finder import Reference, resolve
from qualcli.legislation.rules import RULES
from qualcli.legislation.table import (DEFAULT_JURISDICTION, JURISDICTION_NAMES, NATIONS, Instrument, Part, StatusChange, Table,
                                       nations_code)

TYPE_CHECKING = False  # typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from qualcli.legislation.context import Headings

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


class Verdict(namedtuple("Verdict", "rule severity message instrument successor suggestion", defaults=(None, None))):
    """What a check says about one reference (a named tuple): the ``rule`` id, its ``severity``, the
    ``message``, the ``instrument`` id (None when unknown), the ``successor`` id, and the ``suggestion``
    (what to cite instead, when there is a plain replacement)."""

    __slots__ = ()


@lru_cache(maxsize=4096)
def long_date(day: dt.date) -> str:
    """``2015-10-01`` -> ``1 October 2015``."""
    return f"{day.day} {day:%B %Y}"


def check_reference(
    ref: Reference,
    text: str,
    table: Table,
    as_of: dt.date,
    jurisdiction: str = DEFAULT_JURISDICTION,
    headings: Headings | None = None,
) -> list[Verdict]:
    """Every verdict on ``ref`` (found in ``text``) as of ``as_of`` in ``jurisdiction``; [] when current.

    ``headings`` says which lines of ``text`` are headings when a reader read it (see
    :func:`~qualcli.legislation.context.is_historical`).
    """
    if ref.instrument is None:
        return [_verdict("QL005", f"'{ref.text}' is not in the currency table, so its currency was not checked", None)]
    family = [inst for inst in (table.get(c) for c in ref.candidates or (ref.instrument,)) if inst is not None]
    if not family:
        return []
    inst = resolve(family, ref.year, as_of, jurisdiction)
    part = part_for(inst.parts, text, ref.start, ref.end)
    status, change = inst.status_on(as_of, jurisdiction, part)
    extends = inst.extends_to(jurisdiction)
    historical = (not extends or (change is not None and change.status != "renamed")) and is_historical(text, ref.start, ref.end, headings)
    # The rest follows from these and the reference as written: the same citation gets the same verdicts.
    key = (id(table), ref.instrument, ref.candidates, ref.year, ref.form, ref.name, id(part), historical, as_of, jurisdiction)
    known = _VERDICTS.get(key)
    if known is None or known[0] is not table:
        if len(_VERDICTS) >= _VERDICTS_MAX:
            _VERDICTS.clear()
        known = _VERDICTS[key] = (table, _verdicts(ref, table, as_of, jurisdiction, family, inst, part, status, change, extends, historical))
    return list(known[1])


_VERDICTS: dict[tuple, tuple[Table, list[Verdict]]] = {}  # (the table, so its id stays its own while remembered)
_VERDICTS_MAX = 4096


def _verdicts(ref: Reference, table: Table, as_of: dt.date, jurisdiction: str, family: list[Instrument], inst: Instrument,
              part: Part | None, status: str, change: StatusChange | None, extends: bool, historical: bool) -> list[Verdict]:
    """:func:`check_reference`'s verdicts once the instrument, its status and what the text around it says are known."""
    verdicts: list[Verdict] = []
    if not extends and not historical:
        verdicts.append(_extent_verdict(inst, table, jurisdiction))
    elif change is not None:
        if change.status != "renamed" and historical:
            verdicts.append(_verdict(
                "QL006",
                f"historical mention: {_subject(inst, part)} {_was(inst, part)} {_STATUS_WORDS[status]} on {long_date(change.date)}"
                f"{_by(table, change)}, and the text around it says so",
                inst, change.successor))
        else:
            verdicts.append(_status_verdict(ref, inst, change, table, jurisdiction, part, as_of))
    elif status == "not_yet_in_force":
        verdicts.append(_verdict(
            "QL007", f"the {inst.title} {_was(inst)} not in force on {long_date(as_of)}: it applies from {long_date(inst.in_force_from)}", inst))
    if ref.year is not None and ref.year != str(inst.year):
        verdicts.append(_verdict("QL003", _wrong_year(ref, inst, family), inst, suggestion=f"{ref.name} {inst.year}"))
    if ref.form == "incorrect":
        verdicts.append(_verdict("QL004", f"'{ref.name}' is not the instrument's name: the title is the {inst.title}", inst,
                                 suggestion=inst.title))
    elif ref.form == "misnamed":
        verdicts.append(_verdict("QL004", f"'{ref.name}' is not a known title: the {inst.title} is probably meant", inst,
                                 suggestion=inst.title))
    return verdicts


def _extent_verdict(inst: Instrument, table: Table, jurisdiction: str) -> Verdict:
    """QL008: ``inst`` is not law in ``jurisdiction``; name the local instruments when the table knows them."""
    local = [table.get(i) for code, ids in inst.equivalents.items() if NATIONS[code] & NATIONS[jurisdiction] for i in ids]
    names = [f"the {other.title}" for other in dict.fromkeys(local) if other is not None]
    message = (f"the {inst.title} does not extend to {JURISDICTION_NAMES[jurisdiction]} "
               f"(its extent is {JURISDICTION_NAMES[inst.jurisdiction]})")
    if names:
        message += "; there the law is " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])
    else:
        message += "; the table records no local equivalent, so check the law there"
    first = next((o for o in local if o is not None), None)
    return _verdict("QL008", message, inst, first.id if first else None,
                    suggestion=first.title if first and len(names) == 1 else None)


def _verdict(rule: str, message: str, inst: Instrument | None, successor: str | None = None,
             severity: str | None = None, suggestion: str | None = None) -> Verdict:
    return Verdict(rule, severity or RULES[rule].severity, message, inst.id if inst else None, successor, suggestion)


def _plural(inst: Instrument) -> bool:
    return inst.kind == "regulations"


def _was(inst: Instrument, part: Part | None = None) -> str:
    return "were" if _plural(inst) and part is None else "was"


def _subject(inst: Instrument, part: Part | None) -> str:
    """``the X Act 1987`` or ``Part III of the X Act 1987 (misleading price indications)``."""
    return f"{part.label} of the {inst.title} ({part.title})" if part else f"the {inst.title}"


def _by(table: Table, change: StatusChange) -> str:
    successor = table.get(change.successor)
    return f" by the {successor.title}" if successor else ""


def current_successor(table: Table, change: StatusChange, as_of: dt.date, jurisdiction: str) -> Instrument | None:
    """The instrument that governs now: ``change``'s successor, followed on while it too has been replaced."""
    successor = table.get(change.successor)
    seen = set()
    while successor is not None and successor.id not in seen:
        seen.add(successor.id)
        status, later = successor.status_on(as_of, jurisdiction)
        if status not in ("repealed", "revoked", "superseded") or later is None or table.get(later.successor) is None:
            break
        successor = table.get(later.successor)
    return successor


def _status_verdict(ref: Reference, inst: Instrument, change: StatusChange, table: Table, jurisdiction: str,
                    part: Part | None, as_of: dt.date) -> Verdict:
    successor = table.get(change.successor)
    narrower = NATIONS[change.where] < NATIONS[inst.jurisdiction]
    where = f" in {JURISDICTION_NAMES[change.where]}" if narrower else ""
    when = long_date(change.date)
    if change.status == "renamed":
        message = (f"'{ref.name}' is outdated: in {change.scope or 'UK law'} it is the {successor.title if successor else 'new name'}"
                   f" (since {when})")
    else:
        began = _status_since(inst, change, jurisdiction, part)
        message = f"{_subject(inst, part)} {_was(inst, part)} {_STATUS_WORDS[change.status]}{where} on {long_date(began)}"
        since = f" since {when}" if began != change.date else ""
        if successor and change.status in ("superseded", "partly_superseded"):
            message += f": the {successor.title} governs{since}"
            message += f" {change.scope}" if change.scope else " in its place"
        elif successor:
            message += f"; replaced{since} by the {successor.title}"
            message += f" for {change.scope}" if change.scope else ""
        elif change.scope:
            message += f" ({change.scope})"
    now = current_successor(table, change, as_of, jurisdiction)
    if now is not None and now is not successor:
        message += f" (itself since replaced: the law now is the {now.title})"
    if change.note:
        message += f"; {change.note}"
    message += _other_nations(inst, change, table, as_of)
    return _verdict(_STATUS_RULE[change.status], message, inst, now.id if now else None, change.severity,
                    now.title if now else None)


def _other_nations(inst: Instrument, change: StatusChange, table: Table, as_of: dt.date) -> str:
    """What the table knows about the nations of the instrument's extent that ``change`` does not cover.

    Only a recorded fact is reported: "still applies" when the entry says so, the
    other nation's own change when there is one, else that nothing is recorded.
    """
    rest = NATIONS[inst.jurisdiction] - NATIONS[change.where]
    if not rest:
        return ""
    elsewhere = [c for c in inst.changes if c.date <= as_of and NATIONS[c.where] & rest and not NATIONS[c.where] & NATIONS[change.where]]
    covered = frozenset().union(*(NATIONS[c.where] for c in elsewhere)) & rest
    text = ""
    for other in elsewhere:
        successor = table.get(other.successor)
        text += (f"; in {JURISDICTION_NAMES[other.where]} {'they' if _plural(inst) else 'it'} {_was(inst)} "
                 f"{_STATUS_WORDS[other.status]} on {long_date(other.date)}"
                 + (f" (replaced by the {successor.title})" if successor else ""))
    left = nations_code(rest - covered)
    if left is None:
        return text
    if inst.still_applies_in and NATIONS[left] <= NATIONS[inst.still_applies_in]:
        return text + f"; {'they' if _plural(inst) else 'it'} still {'apply' if _plural(inst) else 'applies'} in {JURISDICTION_NAMES[left]}"
    return text + f"; the table records no change for {JURISDICTION_NAMES[left]}"


def _status_since(inst: Instrument, change: StatusChange, jurisdiction: str, part: Part | None = None) -> dt.date:
    """When the instrument first took ``change``'s status (a later change may only name a new successor)."""
    began = change.date
    changes = part.changes if part is not None else inst.changes
    for earlier in reversed([c for c in changes if c.date < change.date and c.applies_in(jurisdiction)]):
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
