"""The qualification facts printed before the units: title, number, credits, TQT, GLH, dates."""

from __future__ import annotations

import re

from qualcli.api import Qualification
from qualcli.parsing.lines import LogicalLine
from qualcli.parsing.refs import find_qualification_number, label_value, parse_date, parse_level
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import flat

_TITLE = lazy_compile(
    r"^(?:VTCT\s+|iTEC\s+)?Level\s+\d+\s+(?:NVQ\s+|VRQ\s+)?"
    r"(?:Award|Certificate|Extended Certificate|Diploma|Subsidiary Diploma|Extended Diploma)\b.*$",
    re.I,
)
_RANGE = lazy_compile(r"^(\d+)\s*[-–]\s*(\d+)$")
# Label -> field; dates go to Qualification.dates under the key given.
_FIGURES = (
    (("credit value", "credits required", "minimum credits"), "credits"),
    (("total qualification time", "tqt"), "tqt"),
    (("guided learning hours", "glh"), "glh"),
    (("qualification number", "qualification accreditation number", "ofqual qualification number"), "number"),
)
_DATES = (
    (("operational start date",), "operational_start"),
    (("accreditation start date",), "accreditation_start"),
    (("operational end date",), "operational_end"),
    (("accreditation end date", "review date"), "accreditation_end"),
    (("certification end date",), "certification_end"),
)


def read_qualification(lines: list[LogicalLine]) -> tuple[Qualification | None, set[int]]:
    """The qualification described by the front matter, and the indices of the lines used.

    ``lines`` are the logical lines before the first unit. The title is the
    first "(VTCT) Level N Award/Certificate/Diploma in ..." line (joined with a
    following "in ..." line when a PDF broke it there); figures come from
    "Label: value" lines, the first of each label winning.
    """
    used: set[int] = set()
    title_index = next((i for i, line in enumerate(lines) if _TITLE.match(flat(line.text))), None)
    if title_index is None:
        return None, used
    title_line = lines[title_index]
    title = flat(title_line.text)
    used.add(title_index)
    follower = lines[title_index + 1] if title_index + 1 < len(lines) else None
    if " in " not in title and follower is not None and flat(follower.text).lower().startswith("in "):
        title = f"{title} {flat(follower.text)}"
        used.add(title_index + 1)
    qualification = Qualification(
        title=title, level=parse_level(title), line=title_line.number, page=title_line.page
    )
    for index, line in enumerate(lines):
        text = flat(line.text)
        for labels, name in _FIGURES:
            value = label_value(text, *labels)
            if not value or getattr(qualification, name) is not None:
                continue
            if name == "number":
                number = find_qualification_number(value)
                if number:
                    qualification.number = number
                    used.add(index)
            elif value[0].isdigit():
                setattr(qualification, name, parse_int(value))
                used.add(index)
                span = _RANGE.match(value)
                if span:  # "458 - 469": the lower figure, and the range as printed
                    qualification.details[f"{name}_range"] = [int(span.group(1)), int(span.group(2))]
        for labels, key in _DATES:
            value = label_value(text, *labels)
            date = parse_date(value) if value else None
            if date and key not in qualification.dates:
                qualification.dates[key] = date
                used.add(index)
    if qualification.number is None:
        for index, line in enumerate(lines[:title_index + 12]):
            number = find_qualification_number(line.text)
            if number and flat(line.text) == number:
                qualification.number = number
                used.add(index)
                break
    return qualification, used
