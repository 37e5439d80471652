"""Where each unit printed in full begins, and its title, aim and figures.

A unit page opens with the unit code on a line of its own, next to the title
(before it in recent books, after it in older ones), then the aim and the
figures ("Level", "Credit value", "GLH", "Observation(s)", "External
paper(s)"), each either with its value on the same line or on the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcli.parsing.lines import LogicalLine
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import UNIT_CODE, figure_of, flat, heading_of, is_form_line

_CODE_ONLY = lazy_compile(rf"^(?P<code>{UNIT_CODE})$")
_VERSION = lazy_compile(rf"^(?P<code>{UNIT_CODE})_v(?P<version>\d+)$")
_AIM_START = lazy_compile(r"\b(?:the aim of this unit|this unit is about|this unit)\b", re.I)
LOOKAHEAD = 14  # lines after a code line within which the unit figures must start


@dataclass
class UnitStart:
    """A unit page: the code line, the title as printed and the lines it spans."""

    code: str
    title: str | None
    first: int  # index of the first line of the unit (title or code)
    body: int  # index of the first line after code and title
    version: str | None = None
    aim_prefix: str | None = None  # aim text a PDF ran into the title line


def find_unit_starts(lines: list[LogicalLine], titles: dict[str, str]) -> list[UnitStart]:
    """Every unit page in ``lines``; ``titles`` are the code -> title pairs of the structure tables."""
    starts: list[UnitStart] = []
    for index, line in enumerate(lines):
        match = _CODE_ONLY.match(flat(line.text))
        if not match or line.cells is not None and len([c for c in line.cells if c.strip()]) > 1:
            continue
        code = match.group("code")
        if index > 1 and all(_is_figure_value(lines[i].text) for i in (index - 2, index - 1)):
            continue  # a short NOS code ("GH3") among a figures page's values
        start = _unit_start(lines, index, code, titles.get(code))
        if start is not None and not (starts and starts[-1].code == code):
            starts.append(start)
    return starts


def _is_figure_value(text: str) -> bool:
    """A unit-figure label, or a bare number (the value of one)."""
    return figure_of(text) is not None or flat(text).isdigit()


def _unit_start(lines: list[LogicalLine], index: int, code: str, known_title: str | None) -> UnitStart | None:
    if not _figures_follow(lines, index):
        return None
    before = lines[index - 1] if index > 0 else None
    version = None
    if before is not None and _VERSION.match(flat(before.text)):
        version = _VERSION.match(flat(before.text)).group("version")
        before = lines[index - 2] if index > 1 else None
    if before is not None and _is_title(flat(before.text), known_title):
        first = index - 1 if version is None else index - 2
        return UnitStart(code, flat(before.text), first, index + 1, version)
    after = lines[index + 1] if index + 1 < len(lines) else None
    first = index if version is None else index - 1
    if after is None or heading_of(after.text) or figure_of(after.text):
        return UnitStart(code, known_title, first, index + 1, version)
    text = flat(after.text)
    wrapped = _title_lines(lines, index + 1, known_title)
    if wrapped > 1:
        return UnitStart(code, known_title, first, index + 1 + wrapped, version)
    if known_title and text.lower().startswith(flat(known_title).lower()):
        rest = text[len(flat(known_title)) :].strip()
        return UnitStart(code, text[: len(flat(known_title))], first, index + 2, version, rest or None)
    aim = _AIM_START.search(text)
    if aim and aim.start() > 0:
        return UnitStart(code, text[: aim.start()].strip(), first, index + 2, version, text[aim.start() :])
    if aim:
        return UnitStart(code, known_title, first, index + 1, version)
    return UnitStart(code, text, first, index + 2, version)


def _title_lines(lines: list[LogicalLine], index: int, known_title: str | None) -> int:
    """How many lines from ``index`` on spell out ``known_title`` when it was broken into paragraphs."""
    if not known_title:
        return 0
    wanted = flat(known_title).lower()
    joined = ""
    for count, line in enumerate(lines[index : index + 6], start=1):
        joined = f"{joined} {flat(line.text)}".strip().lower()
        if joined == wanted:
            return count
        if not wanted.startswith(joined):
            return 0
    return 0


def _figures_follow(lines: list[LogicalLine], index: int) -> bool:
    """True when unit figures ("Level", "Credit value" ...) come before another code-only line."""
    for line in lines[index + 1 : index + 1 + LOOKAHEAD]:
        text = flat(line.text)
        if _CODE_ONLY.match(text):
            return False
        if figure_of(text):
            return True
    return False


def _is_title(text: str, known_title: str | None) -> bool:
    if known_title is not None:
        return text.lower() == flat(known_title).lower()
    return bool(text) and len(text) < 120 and not text.endswith(".") and not heading_of(text) and not is_form_line(text)
