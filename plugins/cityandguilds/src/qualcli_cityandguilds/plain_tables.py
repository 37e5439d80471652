"""Tables printed without rules: a header line of column names, then rows of plain words.

Older handbooks set their qualification, structure and hours tables without
ruling, so a PDF gives no cells: each row is a line of words, and a reader
may even run the header and rows into one paragraph ("UAN City & Guilds unit
number Unit title Level GLH Credit T/650/0201 201 Safe use … 2 30 4 …"). The
header names the columns in order, and each column has a value shape (a UAN,
a three-digit unit number, a whole number, free text), so rows are read by
that order and turned into the cell rows the table readers expect.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qualcli_cityandguilds.handbook_lines import HandbookLine

_FREE = r".+?"
# column name (as printed) -> shape of its values; free text is matched as little as the other columns allow
COLUMNS: tuple[tuple[str, str], ...] = (
    ("City & Guilds unit number", r"\d{3}"),
    ("City & Guilds number", r"\d{4}-\d{2}"),
    ("Accreditation number", r"\d{3}/\d{4}/[\dX]"),
    ("Title and level", _FREE),
    ("Unit title", _FREE),
    ("UAN", r"[A-Z]/\d{3}/\d{4}"),
    ("Level", r"\d|Entry \d"),
    ("GLH", r"\d+"),
    ("TQT", r"\d+"),
    ("Credit value", r"\d+"),
    ("Credit", r"\d+"),
    ("Assessment method", _FREE),
    ("Assessed by", _FREE),
    ("Assessment", _FREE),
)
_MIN_COLUMNS = 3


def header_of(text: str) -> tuple[list[str], str] | None:
    """The column names a line starts with, and the rest of the line; None unless it names three or more."""
    names: list[str] = []
    rest = text.strip()
    while rest:
        # a name followed by a figure starts a row ("Level 2 Certificate in …"), not the header
        name = next((n for n, _ in COLUMNS if re.match(rf"{re.escape(n)}(?:\s+(?!\d)|$)", rest, re.I) and n not in names), None)
        if name is None:
            break
        names.append(name)
        rest = rest[len(name) :].strip()
    return (names, rest) if len(names) >= _MIN_COLUMNS else None


def rows_of(names: list[str], text: str) -> list[tuple[str, ...]]:
    """The rows in ``text``, each as its cells in the header's order (empty if the text does not fit)."""
    shapes = [dict(COLUMNS)[name] for name in names]
    groups = [f"({shape})" for shape in shapes]
    first = shapes[0] if shapes[0] != _FREE else r"\S"
    row = re.compile(r"\s+".join(groups) + rf"(?=\s+(?:{first})\b|\s*$)")
    rows, position = [], 0
    text = text.strip()
    while position < len(text):
        match = row.match(text, position)
        if match is None:
            return []
        rows.append(tuple(cell.strip() for cell in match.groups()))
        position = match.end()
        while position < len(text) and text[position].isspace():
            position += 1
    return rows


def with_plain_tables(lines: list[HandbookLine]) -> list[HandbookLine]:
    """``lines`` with every unruled table (header line, then row lines) turned into cell rows."""
    out: list[HandbookLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = None if line.is_row else header_of(line.text)
        if header is None:
            out.append(line)
            index += 1
            continue
        names, rest = header
        texts = [rest] if rest else []
        following = index + 1
        while not rest and following < len(lines) and not lines[following].is_row and rows_of(names, lines[following].text):
            texts.append(lines[following].text)
            following += 1
        rows = [row for text in texts for row in rows_of(names, text)]
        if not rows:
            out.append(line)
            index += 1
            continue
        out.append(replace(line, text="\t".join(names), cells=tuple(names)))
        out.extend(replace(line, text="\t".join(cells), cells=cells) for cells in rows)
        index = following
    return out
