"""QC008-QC012: unit identity, criteria numbering, empty outcomes and Ofqual number shapes."""

from __future__ import annotations

import re
from typing import Iterator

from qualcli.check.issue import Issue
from qualcli.model import SpecDocument, Unit

QN = re.compile(r"^\d{3}/\d{4}/[0-9X]$")
URN = re.compile(r"^[A-Z]/\d{3}/\d{4}$")
_NUMBERED = re.compile(r"^(\d+)\.(\d+)$")


def check(doc: SpecDocument) -> Iterator[Issue]:
    """Identity, numbering and number-shape issues across the document's units."""
    yield from _duplicates(doc.units, "code", "QC008")
    yield from _duplicates([u for u in doc.units if u.urn], "urn", "QC009")
    for unit in doc.units:
        yield from _numbering(unit)
        if unit.urn and not URN.match(unit.urn):
            yield Issue("QC012", f"unit {unit.code} reference {unit.urn!r} is not an Ofqual unit reference (L/NNN/NNNN)",
                        unit.urn, unit.line, unit.page, {"unit": unit.code})
    for qual in doc.qualifications:
        if qual.number and "/" in qual.number and not QN.match(qual.number):
            yield Issue("QC012", f"qualification number {qual.number!r} is not an Ofqual number (NNN/NNNN/N)",
                        qual.number, qual.line, qual.page, {"qualification": qual.number})


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", title.lower())


def _duplicates(units: list[Unit], attr: str, rule: str) -> Iterator[Issue]:
    first: dict[str, Unit] = {}
    for unit in units:
        key = getattr(unit, attr)
        seen = first.setdefault(key, unit)
        if seen is not unit and _title_key(seen.title) != _title_key(unit.title):
            yield Issue(rule, f"{attr} {key} is '{seen.title}' (line {seen.line}) and '{unit.title}' here",
                        key, unit.line, unit.page, {"unit": unit.code})


def _numbering(unit: Unit) -> Iterator[Issue]:
    has_criteria = any(lo.criteria for lo in unit.learning_outcomes)
    for lo in unit.learning_outcomes:
        where = {"unit": unit.code, "outcome": lo.ref}
        if has_criteria and not lo.criteria:
            yield Issue("QC011", f"outcome {lo.ref} of unit {unit.code} has no criteria", f"{unit.code}/{lo.ref}", lo.line, lo.page, where)
        numbers = [int(m.group(2)) for c in lo.criteria if (m := _NUMBERED.match(c.ref)) and m.group(1) == lo.ref]
        if len(numbers) != len(lo.criteria) or not numbers:
            continue  # lettered or differently numbered criteria: no sequence to check
        expected = list(range(1, max(numbers) + 1))
        missing = [n for n in expected if n not in numbers]
        if missing:
            refs = ", ".join(f"{lo.ref}.{n}" for n in missing)
            yield Issue("QC010", f"unit {unit.code} outcome {lo.ref} has no criterion {refs} (criteria {', '.join(c.ref for c in lo.criteria)})",
                        f"{unit.code}/{lo.ref}", lo.line, lo.page, where)
