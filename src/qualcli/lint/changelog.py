"""Recognising a document's own change log, whose rows record changes rather than cite law.

Works on source lines, by structure: a table whose header row names versions
or issues and changes ("Version and date / Change detail", "Summary of
changes ..."), a heading such as "Version history" followed by a table or
list, and any table row that starts with a version number and a date.
"""

from __future__ import annotations

import re

_HEADER_ROW = re.compile(
    r"\b(?:version|issue|revision)s?\b.*\b(?:changes?|amendments?|details?)\b|\bsummary of changes\b",
    re.IGNORECASE,
)
_HISTORY_TITLE = re.compile(
    r"^\W*(?:(?:version|revision|document|amendment|change|issue)\s+(?:history|log|record)|changelog|summary of changes"
    r"|changes (?:made )?(?:in|to) this (?:version|issue))\b",
    re.IGNORECASE,
)
#: Words every history title has one of: a quick first look.
HISTORY_WORDS = ("history", "log", "record", "changes")
_VERSION_ROW = re.compile(
    r"^\s*\|?\s*(?:v(?:ersion)?\.?\s*|issue\s*)?\d+(?:\.\d+)*\s*[,|\t–-]?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
    re.IGNORECASE,
)
_RULE_ROW = re.compile(r"^\s*\|?[\s:|-]*-{2,}[\s:|\t-]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•○]\s|\d+[.)]\s)")


def _is_row(text: str) -> bool:
    stripped = text.strip()
    return "\t" in text or stripped.startswith("|") or bool(_RULE_ROW.match(text))


def may_have_changelog(text: str) -> bool:
    """False when ``text`` (a file's text, or its lines joined) has no table row and no history title:
    then :func:`changelog_lines` finds no line in it."""
    if "\t" in text or "|" in text:
        return True
    lowered = text.lower()
    return any(word in lowered for word in HISTORY_WORDS)


def changelog_lines(lines: dict[int, str]) -> set[int]:
    """Line numbers that belong to a change log."""
    found: set[int] = set()
    if not may_have_changelog("\n".join(lines.values())):
        return found  # a change log starts at a table row or a history title: none here
    region = False
    for number in sorted(lines):
        text = lines[number]
        stripped = text.strip()
        if _VERSION_ROW.match(text) and (_is_row(text) or region):
            found.add(number)
            region = True
            continue
        if _is_row(text) and _HEADER_ROW.search(text):
            found.add(number)
            region = True
            continue
        if len(stripped) < 80 and _HISTORY_TITLE.match(stripped):
            found.add(number)
            region = True
            continue
        if region:
            if not stripped or _is_row(text) or _LIST_ITEM.match(text):
                found.add(number)
                continue
            region = False
    return found
