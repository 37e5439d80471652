"""QC001-QC003: size names, credit values and hours against the RQF conventions (see ``rules``)."""

from __future__ import annotations

import re
from typing import Iterator

from qualcli.check.issue import Issue
from qualcli.model import Qualification, SpecDocument

BANDS = (("Award", 1, 120), ("Certificate", 121, 369), ("Diploma", 370, None))
_SIZE_WORD = re.compile(r"\b(Award|Certificate|Diploma)\b", re.IGNORECASE)


def size_for(hours: int) -> str:
    """The RQF size name for a TQT in hours."""
    for name, low, high in BANDS:
        if hours >= low and (high is None or hours <= high):
            return name
    return "Award"


def check(doc: SpecDocument) -> Iterator[Issue]:
    """Size, credit and hour issues of every qualification and unit."""
    for qual in doc.qualifications:
        yield from _qualification(qual)
    for unit in doc.units:
        if unit.glh is not None and unit.credits and unit.glh > unit.credits * 10:
            yield Issue("QC003", f"unit {unit.code} has {unit.glh} GLH, more than the {unit.credits * 10} hours its {unit.credits} credits imply",
                        unit.code, unit.line, unit.page, {"unit": unit.code})


def _qualification(qual: Qualification) -> Iterator[Issue]:
    where = {"qualification": qual.number or qual.title}
    subject = qual.number or qual.title
    words = _SIZE_WORD.findall(qual.title)
    hours, basis = (qual.tqt, "TQT") if qual.tqt is not None else ((qual.credits * 10, "credits x 10") if qual.credits else (None, ""))
    if words and hours:
        named, expected = words[-1].title(), size_for(hours)
        if named != expected:
            yield Issue("QC001", f"'{qual.title}' is named a {named} but {basis} {hours} hours is a{'n' if expected == 'Award' else ''} {expected} under the RQF bands",
                        subject, qual.line, qual.page, where)
    if qual.tqt is not None and qual.credits is not None and qual.credits != qual.tqt // 10:
        yield Issue("QC002", f"credit value {qual.credits} is not TQT {qual.tqt} / 10 = {qual.tqt // 10}", subject, qual.line, qual.page, where)
    if qual.tqt is not None and qual.glh is not None and qual.glh > qual.tqt:
        yield Issue("QC003", f"GLH {qual.glh} is more than TQT {qual.tqt}", subject, qual.line, qual.page, where)
