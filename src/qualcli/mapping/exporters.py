"""Writing a mapping: long CSV, wide CSV matrix, XLSX, JSON and Markdown (HTML: :mod:`.render_html`).

Long CSV columns (one row per pair, in pair order)::

    a_body, a_document, a_code, a_title, b_body, b_document, b_code, b_title,
    relation, score, evidence

``relation`` is F/X/P/review/none for units (explicit/inferred for NOS), ``score``
has three decimals, ``evidence`` joins each evidence's ``kind: detail`` with
`` | ``. The wide matrix has one row per A unit and one column per B unit
(``document:code``); a cell holds the relation, ``?`` for review, empty for none (``E``/``I``
for explicit/inferred NOS). The XLSX matrix adds each unit's title (column B;
column headers ``document:code title``), and a Legend sheet spells out the
relations. JSON follows ``schemas/map.schema.json``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.units import UnitRef

FORMATS = ("csv", "csv-matrix", "xlsx", "json", "markdown", "html")
LONG_COLUMNS = (
    "a_body", "a_document", "a_code", "a_title", "b_body", "b_document", "b_code", "b_title",
    "relation", "score", "evidence",
)  # fmt: skip
CELL = {"F": "F", "X": "X", "P": "P", "review": "?", "explicit": "E", "inferred": "I"}
FILLS = {"F": "63BE7B", "X": "9BC2E6", "P": "FFD966", "?": "D9D9D9", "E": "63BE7B", "I": "FFD966"}
LEGEND = {
    "F": ("full", "every criterion on each side has a counterpart"),
    "X": ("full plus new", "all of A is covered and B has more"),
    "P": ("partial", "at least a quarter of one side's criteria have a counterpart"),
    "review": ("review (?)", "a unit printed without criteria whose best title match is too weak to map: for a person to decide"),
    "explicit": ("explicit", "the document names this NOS for the unit"),
    "inferred": ("inferred", "the standard resembles the unit's criteria: a suggestion to review"),
}  # what each relation means, for the XLSX legend sheet and the HTML legend
NO_RELATION = ("none", "no relation found (empty cell)")


def relations(to: str) -> tuple[str, ...]:
    """The relations a map can have: F/X/P between units (``to`` units), explicit/inferred to NOS."""
    return ("F", "X", "P", "review") if to == "units" else ("explicit", "inferred")


def heading(ref: UnitRef) -> str:
    """A matrix heading: ``document:code title``."""
    return f"{ref.label()} {ref.title or ''}".rstrip()


def long_rows(result: UnitMap) -> list[list[str]]:
    """One row per pair, in the documented column order."""
    rows = []
    for p in result.pairs:
        rows.append([
            p.a.body or "", p.a.document, p.a.code, p.a.title or "",
            p.b.body or "", p.b.document, p.b.code, p.b.title or "",
            p.relation, f"{p.score:.3f}", " | ".join(e.summary() for e in p.evidence),
        ])  # fmt: skip
    return rows


def matrix(result: UnitMap) -> tuple[list[str], list[list[str]]]:
    """The header (``""`` then column labels) and one row per A unit (label then cells)."""
    cells: dict[tuple[str, str], str] = {}
    for p in result.pairs:
        if p.relation in CELL:
            cells[(p.a.label(), p.b.label())] = CELL[p.relation]
    header = ["", *(c.label() for c in result.columns)]
    body = [[r.label(), *(cells.get((r.label(), c.label()), "") for c in result.columns)] for r in result.rows]
    return header, body


def to_csv(rows: list[list[str]]) -> str:
    """CSV text with ``\\n`` line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def to_json(result: UnitMap, to: str, documents: list[dict[str, Any]], min_score: float | None) -> str:
    """The mapping as JSON (``schemas/map.schema.json``)."""
    data: dict[str, Any] = {"to": to, "documents": documents}
    if min_score is not None:
        data["min_score"] = min_score
    data["pairs"] = [p.to_dict() for p in result.pairs]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _name(ref: UnitRef) -> str:
    return f"{ref.document} {ref.code} {ref.title or ''}".rstrip()


def to_markdown(result: UnitMap, to: str) -> str:
    """A Markdown table of the pairs with their evidence."""
    lines = [f"# Mapping ({'unit to unit' if to == 'units' else 'unit to NOS'})", ""]
    if not result.pairs:
        return "\n".join(lines + ["No pairs map.", ""])
    lines += ["| A | B | relation | score | evidence |", "|---|---|---|---|---|"]
    for p in result.pairs:
        evidence = "<br>".join(_md(e.summary()) for e in p.evidence)
        lines.append(f"| {_md(_name(p.a))} | {_md(_name(p.b))} | {p.relation} | {p.score:.2f} | {evidence} |")
    return "\n".join(lines) + "\n"


def to_xlsx(result: UnitMap, to: str = "units") -> bytes:
    """A workbook: a coloured matrix sheet with unit titles, a pairs sheet and a legend sheet.

    Headers are frozen and filtered; the legend spells out each relation of a
    ``to`` map (units or nos).

    Written in openpyxl's write-only mode, so a 2,000 x 2,000 matrix streams
    out instead of being held as cell objects.
    """
    import datetime

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    fills = {key: PatternFill("solid", fgColor=colour) for key, colour in FILLS.items()}
    centred, rotated, bold = Alignment(horizontal="center"), Alignment(text_rotation=90), Font(bold=True)

    def styled(sheet, value, fill=None, alignment=None, font=None):
        cell = WriteOnlyCell(sheet, value=value)
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        if font is not None:
            cell.font = font
        return cell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Matrix")
    header, body = matrix(result)
    sheet.column_dimensions["A"].width = max((len(r[0]) for r in body), default=10) + 2
    sheet.column_dimensions["B"].width = 40
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header) + 1)}{len(body) + 1}"
    sheet.append([header[0], styled(sheet, "title", font=bold),
                  *(styled(sheet, heading(ref), alignment=rotated, font=bold) for ref in result.columns)])  # fmt: skip
    for ref, row in zip(result.rows, body):
        cells = [styled(sheet, row[0], font=bold), ref.title or None]
        cells += [styled(sheet, value, fills[value], centred) if value in fills else value or None for value in row[1:]]
        sheet.append(cells)

    pairs = book.create_sheet("Pairs")
    rows = long_rows(result)
    for index, width in enumerate((12, 24, 8, 40, 12, 24, 10, 40, 9, 7, 80), 1):
        pairs.column_dimensions[get_column_letter(index)].width = width
    pairs.freeze_panes = "A2"
    pairs.auto_filter.ref = f"A1:{get_column_letter(len(LONG_COLUMNS))}{len(rows) + 1}"
    pairs.append([styled(pairs, name, font=bold) for name in LONG_COLUMNS])
    for row in rows:
        relation = styled(pairs, row[8], fills.get(CELL.get(row[8], "")))
        pairs.append([*row[:8], relation, float(row[9]), row[10]])

    legend = book.create_sheet("Legend")
    legend.column_dimensions["B"].width = 16
    legend.column_dimensions["C"].width = 70
    legend.append([styled(legend, name, font=bold) for name in ("cell", "relation", "meaning")])
    for relation in relations(to):
        name, meaning = LEGEND[relation]
        legend.append([styled(legend, CELL[relation], fills[CELL[relation]], centred), name, meaning])
    legend.append([None, *NO_RELATION])
    book.properties.created = datetime.datetime(2000, 1, 1)  # deterministic bytes: no wall-clock timestamps
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic_zip(buffer.getvalue())


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite the workbook with fixed timestamps (zip members and the "modified"
    property openpyxl stamps at save time), so equal workbooks are equal bytes."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def render(result: UnitMap, fmt: str, to: str, documents: list[dict[str, Any]], min_score: float | None) -> str | bytes:
    """The mapping in ``fmt`` (one of :data:`FORMATS` but ``html``, which :mod:`.render_html` writes)."""
    if fmt == "csv":
        return to_csv([list(LONG_COLUMNS), *long_rows(result)])
    if fmt == "csv-matrix":
        header, body = matrix(result)
        return to_csv([header, *body])
    if fmt == "xlsx":
        return to_xlsx(result, to)
    if fmt == "json":
        return to_json(result, to, documents, min_score)
    return to_markdown(result, to)


def keep(pairs: list[Pair], min_score: float | None) -> list[Pair]:
    """Pairs at or above ``min_score`` (all when None); curated decisions always stay."""
    if min_score is None:
        return pairs
    return [p for p in pairs if p.score >= min_score or any(e.kind == "override" for e in p.evidence)]
