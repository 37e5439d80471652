"""Reference numbers, levels, dates and labelled figures as awarding bodies print them.

Every body prints the same kinds of facts in slightly different ways; these
helpers read them without caring about the layout around them:

- :data:`URN` / :func:`find_urn`: Ofqual unit reference numbers (URN/UAN) such
  as ``A/506/2130`` (one letter, three digits, four digits).
- :data:`QUALIFICATION_NUMBER` / :func:`find_qualification_number`: Ofqual
  qualification numbers such as ``601/4882/2`` or ``500/6329/7``.
- :func:`parse_level`: ``"Level 2"``, ``"L3"``, ``"Entry 3"`` -> ``"2"``, ``"3"``, ``"E3"``.
- :func:`parse_date`: ``"1st November 2014"``, ``"1 August 2010"``,
  ``"01/11/2014"``, ``"November 2014"`` -> ISO ``"2014-11-01"`` / ``"2014-11"``.
- :func:`label_value`: ``"Credit value: 45"``, ``"Credit value: ....... 20"``,
  ``"Total credits required - 45 (minimum)"`` -> the value after a known label.
"""

from __future__ import annotations

import functools
import re

from qualcli.lazyre import compile_kept, lazy_compile

URN = lazy_compile(r"\b[A-Z]/\d{3}/\d{4}\b")
QUALIFICATION_NUMBER = lazy_compile(r"\b\d{3}/\d{4}/[0-9X]\b")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = lazy_compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = lazy_compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_YEAR = lazy_compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.I)
_NUMERIC = lazy_compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")  # UK order: day/month/year
_ISO = lazy_compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_LEVEL = lazy_compile(r"\b(?:Level|L)\s*(\d+)\b|\bEntry(?:\s+Level)?\s*(\d)\b", re.I)
_LEADERS = lazy_compile(r"^[\s.:\-–—…]+")


def find_urn(text: str) -> str | None:
    """The first Ofqual unit reference (``A/506/2130``) in ``text``, or None."""
    match = URN.search(text)
    return match.group() if match else None


def find_qualification_number(text: str) -> str | None:
    """The first Ofqual qualification number (``601/4882/2``) in ``text``, or None."""
    match = QUALIFICATION_NUMBER.search(text)
    return match.group() if match else None


def parse_level(text: str | None) -> str | None:
    """The level named in ``text`` as a string: ``"Level 2"`` -> ``"2"``, ``"Entry 3"`` -> ``"E3"``.

    A bare number (``"2"``, a table cell) is returned as it is.
    """
    if not text:
        return None
    stripped = text.strip()
    if stripped.isdigit():
        return stripped
    match = _LEVEL.search(stripped)
    if not match:
        return None
    return match.group(1) if match.group(1) else f"E{match.group(2)}"


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` without a day).

    Reads ``1st November 2014``, ``1 August 2010``, ``November 1, 2014``,
    ``01/11/2014`` (day first, as in the UK), ``2014-11-01`` and ``November 2014``.
    Returns None when there is no date or the day/month is impossible.
    """
    if not text:
        return None
    for pattern, order in ((_ISO, "ymd"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_NUMERIC, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        year = int(parts["y"])
        month = _month_number(parts["m"])
        if parts.get("d") is None:
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
        day = int(parts["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    match = _MONTH_YEAR.search(text)
    if match:
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}"
    return None


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def label_value(text: str, *labels: str) -> str | None:
    """The text after the first of ``labels`` that starts ``text``, with leaders removed.

    Labels match case-insensitively and ignore spacing, so ``label_value("Credit
    value: ......... 20", "credit value")`` is ``"20"`` and ``label_value("Guided
    Learning Hours (GLH): 162", "guided learning hours")`` is ``"162"``. Returns
    None when no label starts the text, and ``""`` when the label has no value.
    """
    flat = " ".join(text.split())
    match = _labels_pattern(labels).match(flat)
    if match is None:
        return None
    tail = _LABEL_TAIL.match(flat, match.end())
    return _LEADERS.sub("", flat[tail.end() :]).strip()


#: What may follow a label before its value: a bracketed note, then a separator or leaders.
_LABEL_TAIL = lazy_compile(r"(?:\s*\([^)]*\))?\s*(?:[:\-–—]|\.{2,}|…)?")


@functools.lru_cache(maxsize=256)
def _labels_pattern(labels: tuple[str, ...]) -> re.Pattern:
    """Any of ``labels`` at the start of a text, tried in order, spacing ignored: one small pattern per
    set of labels (compiling patterns is most of what reading a book's front matter costs)."""
    return compile_kept("|".join(r"\s*".join(re.escape(word) for word in label.split()) for label in labels), re.I)
