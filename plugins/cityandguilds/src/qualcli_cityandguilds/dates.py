"""Dates as handbooks print them ("January 2024", "October 2012")."""

from __future__ import annotations

import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")


def month_year(text: str | None) -> str | None:
    """``"October 2012"`` -> ``"2012-10"``; a bare year -> ``"2012"``; else None."""
    if not text:
        return None
    for match in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return f"{match.group(2)}-{month:02d}"
    year = re.search(r"\b(19|20)\d{2}\b", text)
    return year.group() if year else None
