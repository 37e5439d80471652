"""The furniture of a VTCT record-of-assessment book: headings, forms, page headers.

A VTCT book is a sequence of short headings ("Learning outcome 1", "You can:",
"Level"), lists and tables. This module knows what those look like so that
wrapped lines can be rejoined (:func:`starts_new`), blank assessment forms and
running page headers can be told from content (:func:`is_form_line`,
:func:`furniture`), and the rest of the plugin can ask what a line
is (:func:`heading_of`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Iterable, Sequence

from qualcli.api import Line, SourceText
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.prepare import prepare as shared_prepare
from qualcli.parsing import lazy_compile

# A VTCT unit code: UBU19, UV20483, CB2D1, UG31G20, UN10GH3 (two to four capitals, digits, maybe one or two capitals and digits).
UNIT_CODE = r"[A-Z]{2,4}\d{1,6}(?:[A-Z]{1,2}\d{1,3})?"
_CODE_WITH_URN = lazy_compile(rf"\b({UNIT_CODE})\s+[A-Z]/\d{{3}}/\d{{4}}\b")

# Headings (whole line, case-insensitive) and what they open.
HEADINGS: tuple[tuple[str, str], ...] = (
    (r"learning outcome \d+\b.*", "outcome"),
    (r"outcome \d+(?:\s*\(continued\))?", "outcome"),  # NVQ books: a bar "Outcome N" alone
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
# One pattern for them all, tried in order, each on the line with and without a closing colon.
_HEADING = lazy_compile("^(?:" + "|".join(f"(?P<h{i}>{pattern})" for i, (pattern, _) in enumerate(HEADINGS)) + "):?$", re.I)

# Unit figures printed as "Label" then the value, or "Label value".
FIGURE_LABELS: dict[str, tuple[str, ...]] = {
    "level": ("level",),
    "credits": ("credit value", "credits"),
    "glh": ("glh", "guided learning hours"),
    "observations": ("observation(s)", "observations"),
    "external_papers": ("external paper(s)", "external papers"),
    "nos": ("nos",),
}
_FIGURE = lazy_compile(
    r"^(level|credit value|credits|glh|guided learning hours|observation\(s\)|observations|external paper\(s\)|external papers|nos)"
    r"(?:\s+(\d+|[A-Z]{1,4}\d{1,3}[A-Za-z]?))?$",
    re.I,
)

# Blank assessment forms: observation records, paper sign-off tables, signature boxes.
_FORM = lazy_compile(
    r"^(?:observation(?:\s+(?:\d+|optional))+|date achieved|criteria questioned orally|portfolio reference"
    r"|assessor initials|learner signature|paper date achieved assessor initials|\d+ of \d+"
    r"|use this area for notes and diagrams\.?|learner name:?|learner number:?"
    r"|unit code date achieved.*|assessor name assessor signature.*)$",
    re.I,
)
# Labels of the qualification's figures on the cover ("Credit value: .......... 20").
_FRONT_LABEL = lazy_compile(
    r"^(?:credit value|total qualification time|guided learning hours|qualification number"
    r"|(?:operational|accreditation|certification) (?:start|end) date|review date)\b.*(?::|\.{2,})",
    re.I,
)
_NOS_FIGURE = lazy_compile(r"[A-Z]{1,4}\d{1,3}[A-Za-z]?")
_FOOTNOTE = lazy_compile(r"^\*\s*\S")
_CRITERION = lazy_compile(r"^(?:[-•]\s*)?(([a-z]{1,2})[.)])\s+\S")
_UNIT_CODE_LINE = lazy_compile(rf"^{UNIT_CODE}$")
_VERSIONED_CODE_LINE = lazy_compile(rf"^{UNIT_CODE}(?:_v\d+)?$")
_UNIT_GROUP = lazy_compile(r"^(?:mandatory|optional) units\b", re.I)
_RULE_SENTENCE = lazy_compile(r"^(?:you must|all mandatory units|total credits required)\b", re.I)
_OUTCOME_REPEAT = lazy_compile(r"^learning outcome \d+\s*:\s*\S", re.I)


@functools.lru_cache(maxsize=4096)
def flat(text: str) -> str:
    """``text`` with tabs and runs of spaces collapsed to one space (each line is asked about several times)."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def heading_of(text: str) -> str | None:
    """The kind of heading ``text`` is (``"outcome"``, ``"nos"``, ``"range"`` ... see HEADINGS), else None.

    Remembered by text, as :func:`flat` is: the rejoining, the furniture and
    the unit reader ask about the same lines.
    """
    match = _HEADING.match(flat(text).rstrip(" :") + ":")
    return None if match is None else HEADINGS[int(match.lastgroup[1:])][1]  # the alternative's group closes last


@functools.lru_cache(maxsize=4096)
def figure_of(text: str) -> tuple[str, int | str | None] | None:
    """``(field, value)`` for a unit-figure label (``"Credit value"``, ``"GLH 27"``, ``"NOS G20"``), else None.

    The value is an int, a NOS code (for ``"nos"`` only) or None when the label stands alone.
    Remembered by text, as :func:`heading_of` is.
    """
    match = _FIGURE.match(flat(text))
    if not match:
        return None
    label = match.group(1).lower()
    name = next(name for name, labels in FIGURE_LABELS.items() if label in labels)
    value = figure_value(name, match.group(2)) if match.group(2) else None
    if match.group(2) and value is None:
        return None
    return name, value


def figure_value(name: str, text: str) -> int | str | None:
    """The value of figure ``name`` printed as ``text``: a number, or a short NOS code (``G20``, ``B4``) for ``nos``."""
    text = flat(text)
    if text.isdigit():
        return int(text) if name != "nos" else None
    if name == "nos" and _NOS_FIGURE.fullmatch(text):
        return text
    return None


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


def letter_number(letters: str) -> int:
    """Position of a criterion letter: a -> 1, z -> 26, aa -> 27."""
    number = 0
    for char in letters.lower():
        number = number * 26 + ord(char) - ord("a") + 1
    return number


def starts_new(text: str) -> bool:
    """Where a wrapped PDF/DOCX line must not be joined to the one before it."""
    plain = flat(text)  # the patterns below match flat text directly
    return bool(
        heading_of(plain)
        or figure_of(plain)
        or _FORM.match(plain)
        or _FOOTNOTE.match(plain)
        or _FRONT_LABEL.match(plain)
        or _CRITERION.match(plain)
        or _CODE_WITH_URN.match(plain)
        or _UNIT_CODE_LINE.match(plain)
        or _UNIT_GROUP.match(plain)
        or _RULE_SENTENCE.match(plain)
    )


def listed_codes(source: SourceText) -> list[str]:
    """Unit codes that the document prints next to an Ofqual unit reference (structure tables)."""
    found = _CODE_WITH_URN.findall(flat(source.text))
    return list(dict.fromkeys(found))


def furniture(lines: Sequence[Line], shared: set[int], codes: Iterable[str]) -> dict[int, bool]:
    """The book's own page furniture, by index into ``lines`` (see :func:`qualcli.parsing.prepare.prepare`).

    Unit-code running headers such as ``UV20483 13``, ``18 UV20483`` or
    ``UV2048314`` (code and page number run together) are furniture wherever
    they are; a bare number right after a unit-figure label ("Level" / "2")
    is the figure's value, not a page number (``shared`` furniture between
    the two, such as a page break's header, is looked through).
    """
    code_header = _code_header_pattern(codes)
    verdicts: dict[int, bool] = {}
    labels = 0  # figure labels on this page still waiting for their values (a figures page stacks labels, then values)
    page = None
    previous = ""  # the last content line, looking through shared furniture (a page break between label and value)
    for index, line in enumerate(lines):
        text = flat(line.text)
        if line.page != page:
            labels, page = 0, line.page
        if code_header and code_header.match(text):
            verdicts[index] = True
            continue
        if text.isdigit() and (labels > 0 or figure_of(previous) is not None):
            verdicts[index] = False  # a figure's value, not a page number
        elif index in shared:
            continue
        if not text:
            continue
        previous = text
        figure = figure_of(text)
        if figure is not None and figure[1] is None:
            labels += 1
        elif labels and (text.isdigit() or figure_value("nos", text)):
            labels -= 1
        elif len(text.split()) > 3:  # prose (a glossary explaining the labels): no values follow
            labels = 0
    return verdicts


def _code_header_pattern(codes: Iterable[str]) -> re.Pattern | None:
    alternatives = "|".join(re.escape(code) for code in codes)
    if not alternatives:
        return None
    return re.compile(rf"^(?:{alternatives})\s?\d{{1,3}}$|^\d{{1,3}}\s?(?:{alternatives})$")


def ends_block(text: str) -> bool:
    """A line that stands alone: a heading, a unit figure label, a unit code, a form field or a group heading.

    What follows it is never its continuation (unless it starts in lower
    case: "Achieving observations" / "and range"), even when the reader put
    both in one block (plain text wrapped by hand, PDF text without paragraph gaps).
    """
    plain = flat(text)
    if _OUTCOME_REPEAT.match(plain):
        return False  # a unit-content heading that repeats the outcome: it may wrap
    return bool(
        heading_of(plain)
        or figure_of(plain)
        or _FORM.match(plain)
        or _VERSIONED_CODE_LINE.match(plain)
        or _UNIT_GROUP.match(plain)
    )


def prepare(source: SourceText) -> list[LogicalLine]:
    """The document as logical lines (:func:`qualcli.parsing.prepare.prepare` with this layout's rules)."""
    codes = listed_codes(source)
    lines = shared_prepare(source, starts_new=starts_new, ends=ends_block, furniture=lambda ls, shared: furniture(ls, shared, codes))
    return [line if line.text == line.text.strip() else replace(line, text=line.text.strip()) for line in lines]


def cells_of(line: LogicalLine) -> list[str]:
    """The non-empty cells of a row (or the whole text as one cell)."""
    if line.cells is not None:
        raw = line.cells
    else:
        raw = line.text.split("\t")
    return [flat(cell) for cell in raw if cell.strip()]
