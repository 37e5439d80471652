"""The header fields and titled parts of a BTEC First/National unit document.

:class:`UnitParts` follows the document part by part: it fills the unit's
header fields, knows which part the current line belongs to ("intro",
"aims", "content", "grid", or a kept "section"), and keeps the text of the
introduction and of every other part. :func:`flatten` gives the document as
text lines and table rows in every format alike.
"""

from __future__ import annotations

import re

from qualcli.api import Section, SourceText, Unit
from qualcli.parsing.prepare import prepare
from qualcli.parsing import lazy_compile
from qualcli_pearson.btec_unit.content import TextLine
from qualcli_pearson.markup import plain_text

UNIT_TITLE = lazy_compile(r"^Unit\s+(\d{1,3})\s*:\s*(.*)$")
_FIELDS = {
    "level": lazy_compile(r"^Level\s*:\s*(.+)$", re.I),
    "unit_type": lazy_compile(r"^Unit type\s*:\s*(.+)$", re.I),
    "glh": lazy_compile(r"^Guided learning hours\s*:\s*(\d+)", re.I),
    "assessment": lazy_compile(r"^Assessment(?: type| method)?\s*:\s*(.+)$", re.I),
    "urn": lazy_compile(r"^(?:Unit reference number|Unit code|URN|UAN)\s*:\s*([A-Z]/\d{3}/\d{4})", re.I),
}
HEADER_FIELD = lazy_compile(
    r"^(?:Level|Unit type|Guided learning hours|Assessment type|Unit code|Unit reference number)\s*:", re.I
)
_PARTS = [
    (lazy_compile(r"^(?:unit introduction|introduction)$", re.I), "intro"),
    (lazy_compile(r"^learning aims?$", re.I), "aims"),
    (lazy_compile(r"^(?:learning aims and unit content|unit content|content)$", re.I), "content"),
    (lazy_compile(r"^assessment criteria$", re.I), "grid"),
    (
        lazy_compile(
            r"^(?:teacher guidance|resources|assessment guidance|examination format|summary of unit|unit in brief|delivery guidance"
            r"|essential information for (?:assessment decisions|tutors)|assessment activity|links to other units"
            r"|employer involvement|further information for teachers and assessors|essential resources)$",
            re.I,
        ),
        "section",
    ),
]


def flatten(source: SourceText) -> list:
    """The document as TextLines, and table rows as lists of cells (each a list of TextLines)."""
    items: list = []
    for line in prepare(source):
        cells = line.cells
        if cells is None:
            items.append(TextLine(line.text, line.number, line.page))
            continue
        items.append(
            [[TextLine(part, line.number, line.page) for part in cell.splitlines() if part.strip()] for cell in cells]
        )
    return items


class UnitParts:
    """Where the reader is in the unit, and what each part said."""

    def __init__(self, unit: Unit, warnings: list[str] | None = None):
        self.unit = unit
        self.warnings = warnings if warnings is not None else []
        self.listed: list[tuple[str, str]] = []  # (letter printed, letter taken) of each aim listed under "Learning aims"
        self.kind = "header"
        self.title: str | None = None
        self.body: list[TextLine] = []
        self._awaiting_title = False

    def header(self, item: TextLine, text: str) -> bool:
        """Take the unit heading or a header field; False for any other line."""
        unit = self.unit
        if self._awaiting_title:
            self._awaiting_title = False
            unit.title = text
            return True
        match = UNIT_TITLE.match(text)
        if match and unit.code == "?":
            unit.code, unit.title = match.group(1), match.group(2).strip()
            unit.line, unit.page = item.line, item.page
            self._awaiting_title = not unit.title
            return True
        for name, pattern in _FIELDS.items():
            match = pattern.match(text)
            if match and (self.kind == "header" or getattr(unit, name) in (None, [])):
                value = match.group(1).strip()
                if name == "glh":
                    unit.glh = int(value)
                elif name == "assessment":
                    unit.assessment = [value]
                else:
                    setattr(unit, name, value)
                return True
        return False

    def heading(self, item: TextLine, text: str) -> bool:
        """Open the part a heading names; False if ``text`` is no part heading."""
        bare = text.rstrip(":").strip()
        kind = next((kind for pattern, kind in _PARTS if pattern.match(bare)), None)
        if kind is None:
            return False
        self.close()
        self.kind, self.title, self.body = kind, bare, []
        return True

    def listed_aim(self, letter: str) -> str:
        """The letter of the next aim in the "Learning aims" list: its place in the list.

        A list lettered "A, A, B, C, D" by mistake names five aims, A to E; the
        first letter out of place is reported once.
        """
        expected = chr(ord("A") + len(self.listed))
        if letter != expected and all(given == taken for given, taken in self.listed):
            self.warnings.append(
                f"unit {self.unit.code}: learning aim {letter} listed where {expected} was due; aims are lettered by their place in the list"
            )
        self.listed.append((letter, expected))
        return expected

    def text(self, item: TextLine) -> None:
        """A line of the current part's prose."""
        self.body.append(item)

    def add_section(self, title: str, text: str, where: TextLine) -> None:
        """Keep ``text`` as a titled section of the unit."""
        self.unit.sections.append(Section(title=title, text=text, line=where.line, page=where.page))

    def close(self) -> None:
        """Store the prose of the part that ends here."""
        if not self.body:
            return
        text = "\n".join(plain_text(line.text) for line in self.body)
        if self.kind == "intro":
            self.unit.aim = text
        else:
            self.add_section(self.title or "Unit header", text, self.body[0])
        self.body = []
