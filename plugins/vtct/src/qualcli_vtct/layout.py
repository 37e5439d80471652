"""The furniture of a VTCT record-of-assessment book: headings, forms, page headers.

A VTCT book is a sequence of short headings ("Learning outcome 1", "You can:",
"Level"), lists and tables. This module knows what those look like so that
wrapped lines can be rejoined (:func:`starts_new`), blank assessment forms and
running page headers can be told from content (:func:`is_form_line`,
:func:`strip_page_furniture`), and the rest of the plugin can ask what a line
is (:func:`heading_of`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from qualcli.api import Line, SourceText
from qualcli.parsing.lines import LogicalLine, logical_lines
from qualcli.parsing.pages import page_furniture

# A VTCT unit code: UBU19, UV20483, CB2D1 (two to four capitals, then digits, maybe a capital and digits).
UNIT_CODE = r"[A-Z]{2,4}\d{1,6}(?:[A-Z]\d{1,3})?"
_CODE_WITH_URN = re.compile(rf"\b({UNIT_CODE})\s+[A-Z]/\d{{3}}/\d{{4}}\b")

# Headings (whole line, case-insensitive) and what they open.
HEADINGS: tuple[tuple[str, str], ...] = (
    (r"learning outcome \d+\b.*", "outcome"),
    (r"(?:evidence requirements\s*)?learning outcomes(?:\s*evidence requirements)?", "outcome-list"),
    (r"on completion of this unit you will:?", "outcome-list-intro"),
    (r"evidence requirements", "evidence"),
    (r"achieving observations?(?: outcomes)?(?: and range)?|observations", "observation"),
    (r"achieving knowledge outcomes|developing knowledge|knowledge", "knowledge"),
    (r"achieving range|range", "range"),
    (r"achieving the external paper", "external-paper"),
    (r"relationship to national occupational standards", "nos"),
    (r"unit content", "content"),
    (r"you can:?(?:\s+portfolio reference.*)?", "you-can"),
    (r"notes", "notes"),
    (r"qualification structure", "structure"),
    (r"unit assessment methods", "methods"),
    (r"unit glossary", "glossary"),
    (r"guidance on assessment|internal assessment.*|external assessment.*|assessment explained", "guidance"),
    (r"creating a portfolio of evidence", "guidance"),
    (r"statement of unit achievement|assessor tracking table", "form-heading"),
    (r"(?:the )?qualification|introduction|prerequisites?|progression", "front"),
    (r"national occupational standards \(nos\)", "front"),
)
_HEADINGS = [(re.compile(rf"^(?:{pattern})$", re.I), kind) for pattern, kind in HEADINGS]

# Unit figures printed as "Label" then the value, or "Label value".
FIGURE_LABELS: dict[str, tuple[str, ...]] = {
    "level": ("level",),
    "credits": ("credit value", "credits"),
    "glh": ("glh", "guided learning hours"),
    "observations": ("observation(s)", "observations"),
    "external_papers": ("external paper(s)", "external papers"),
}
_FIGURE = re.compile(
    r"^(level|credit value|credits|glh|guided learning hours|observation\(s\)|observations|external paper\(s\)|external papers)"
    r"(?:\s+(\d+))?$",
    re.I,
)

# Blank assessment forms: observation records, paper sign-off tables, signature boxes.
_FORM = re.compile(
    r"^(?:observation(?:\s+(?:\d+|optional))+|date achieved|criteria questioned orally|portfolio reference"
    r"|assessor initials|learner signature|paper date achieved assessor initials|\d+ of \d+"
    r"|use this area for notes and diagrams\.?|learner name:?|learner number:?"
    r"|unit code date achieved.*|assessor name assessor signature.*)$",
    re.I,
)
# Labels of the qualification's figures on the cover ("Credit value: .......... 20").
_FRONT_LABEL = re.compile(
    r"^(?:credit value|total qualification time|guided learning hours|qualification number"
    r"|(?:operational|accreditation|certification) (?:start|end) date|review date)\b.*(?::|\.{2,})",
    re.I,
)
_FOOTNOTE = re.compile(r"^\*\s*\S")
_CRITERION = re.compile(r"^(?:[-•]\s*)?(([a-z]{1,2})[.)])\s+\S")
_PAGE_LABEL = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def flat(text: str) -> str:
    """``text`` with tabs and runs of spaces collapsed to one space."""
    return " ".join(text.split())


def heading_of(text: str) -> str | None:
    """The kind of heading ``text`` is (``"outcome"``, ``"nos"``, ``"range"`` ... see HEADINGS), else None."""
    plain = flat(text).rstrip(" :")
    for pattern, kind in _HEADINGS:
        if pattern.match(plain) or pattern.match(plain + ":"):
            return kind
    return None


def figure_of(text: str) -> tuple[str, int | None] | None:
    """``(field, value)`` for a unit-figure label (``"Credit value"``, ``"GLH 27"``), else None."""
    match = _FIGURE.match(flat(text))
    if not match:
        return None
    label = match.group(1).lower()
    name = next(name for name, labels in FIGURE_LABELS.items() if label in labels)
    return name, int(match.group(2)) if match.group(2) else None


def is_form_line(text: str) -> bool:
    """True for the blank forms learners and assessors fill in (no specification content)."""
    return bool(_FORM.match(flat(text)))


def is_footnote(text: str) -> bool:
    """True for a ``*``-footnote such as ``*May be assessed by supplementary evidence.``"""
    return bool(_FOOTNOTE.match(flat(text)))


def criterion_start(text: str) -> re.Match | None:
    """The match of a lettered criterion (``a. Text``, ``- b) Text``), else None.

    Group 1 is the marker as printed (``"b)"``), group 2 its letters (``"b"``).
    """
    return _CRITERION.match(flat(text))


def starts_new(text: str) -> bool:
    """Where a wrapped PDF/DOCX line must not be joined to the one before it."""
    return bool(
        heading_of(text)
        or figure_of(text)
        or is_form_line(text)
        or is_footnote(text)
        or _FRONT_LABEL.match(flat(text))
        or criterion_start(text)
        or _CODE_WITH_URN.match(flat(text))
        or re.match(rf"^{UNIT_CODE}$", flat(text))
        or re.match(r"^(?:mandatory|optional) units\b", flat(text), re.I)
        or re.match(r"^(?:you must|all mandatory units|total credits required)\b", flat(text), re.I)
    )


def listed_codes(source: SourceText) -> list[str]:
    """Unit codes that the document prints next to an Ofqual unit reference (structure tables)."""
    found = _CODE_WITH_URN.findall(flat(source.text))
    return list(dict.fromkeys(found))


def strip_page_furniture(lines: list[Line], codes: Iterable[str]) -> list[Line]:
    """Drop running page headers/footers, page numbers and unit-code running headers.

    Page furniture is found by :func:`qualcli.parsing.pages.page_furniture`,
    except that a bare number right after a unit-figure label ("Level" / "2"
    at the top of a figures page) is the figure's value, not a page number.
    Unit-code running headers such as ``UV20483 13``, ``18 UV20483`` or
    ``UV2048314`` (code and page number run together) are dropped wherever they are.
    """
    furniture = page_furniture(lines)
    code_header = _code_header_pattern(codes)
    kept: list[Line] = []
    previous = ""
    for line in lines:
        text = flat(line.text)
        is_value = figure_of(previous) is not None and text.isdigit()
        if (line.number in furniture and not is_value) or (code_header and code_header.match(text)):
            continue
        kept.append(line)
        if text:
            previous = text
    return kept


def _code_header_pattern(codes: Iterable[str]) -> re.Pattern | None:
    alternatives = "|".join(re.escape(code) for code in codes)
    if not alternatives:
        return None
    return re.compile(rf"^(?:{alternatives})\s?\d{{1,3}}$|^\d{{1,3}}\s?(?:{alternatives})$")


def ends_block(text: str) -> bool:
    """A line that stands alone: a heading, a unit figure label, a unit code, a form field or a group heading.

    What follows it is never its continuation, even when the reader put both
    in one block (plain text wrapped by hand, PDF text without paragraph gaps).
    """
    plain = flat(text)
    if re.match(r"^learning outcome \d+\s*:\s*\S", plain, re.I):
        return False  # a unit-content heading that repeats the outcome: it may wrap
    return bool(
        heading_of(plain)
        or figure_of(plain)
        or is_form_line(plain)
        or re.match(rf"^{UNIT_CODE}(?:_v\d+)?$", plain)
        or re.match(r"^(?:mandatory|optional) units\b", plain, re.I)
    )


def split_after_standalone_lines(lines: list[Line]) -> list[Line]:
    """Renumber blocks so that a line following a standalone line (see :func:`ends_block`) opens a new block.

    A line starting in lower case still continues it ("Achieving observations" / "and range").
    """
    out: list[Line] = []
    block = 0
    previous: Line | None = None
    for line in lines:
        text = line.text.strip()
        if previous is None or line.block != previous.block or (text and not text[0].islower() and ends_block(previous.text)):
            block += 1
        out.append(replace(line, block=block))
        if line.text.strip():
            previous = line
    return out


def prepare(source: SourceText) -> list[LogicalLine]:
    """The document as logical lines: furniture removed, wrapped lines rejoined, tabs kept in rows."""
    lines = split_after_standalone_lines(strip_page_furniture(source.lines, listed_codes(source)))
    return [replace(line, text=line.text.strip()) for line in logical_lines(lines, starts_new=starts_new)]


def cells_of(line: LogicalLine) -> list[str]:
    """The non-empty cells of a row (or the whole text as one cell)."""
    if line.cells is not None:
        raw = line.cells
    else:
        raw = line.text.split("\t")
    return [flat(cell) for cell in raw if cell.strip()]


def is_page_label(text: str) -> bool:
    """A bare page number or "Page N" left in the text."""
    return bool(_PAGE_LABEL.match(flat(text)))
