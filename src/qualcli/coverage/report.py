"""Coverage output: text, json, csv and xlsx (criteria × files)."""

from __future__ import annotations

import json


def render_json(result: dict) -> str:
    """The result as indented JSON (``schemas/coverage.schema.json``)."""
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def _where(item: dict) -> str:
    place = f"slide {item['slide']}" if "slide" in item else (f"page {item['page']}" if "page" in item else f"line {item['line']}")
    return f"{item['path']} {place} ({item['score']:.2f})"


def render_text(result: dict) -> str:
    """Per unit: covered/total, then each criterion with ✓ (and where, best first) or ✗."""
    lines = []
    for unit in result["units"]:
        lines.append(f"{unit['unit']} {unit['title']}: {unit['covered']}/{unit['total']} criteria covered")
        for c in (c for c in result["criteria"] if c["unit"] == unit["unit"]):
            mark = "✓" if c["status"] == "covered" else "✗"
            where = f"  — {'; '.join(_where(e) for e in c['evidence'][:3])}" if c["evidence"] else ""
            lines.append(f"  {mark} {c['ref']} {c['text']}{where}")
    return "\n".join(lines) + "\n"


CSV_HEADER = ["unit", "ref", "status", "score", "path", "line", "page", "slide", "text"]


def rows(result: dict) -> list[list]:
    """One row per criterion and piece of evidence (one row, empty evidence, when uncovered)."""
    out = [CSV_HEADER]
    for c in result["criteria"]:
        for e in c["evidence"] or [{}]:
            out.append([c["unit"], c["ref"], c["status"], e.get("score", ""), e.get("path", ""), e.get("line", ""),
                        e.get("page", ""), e.get("slide", ""), c["text"]])
    return out


def render_csv(result: dict) -> str:
    """CSV of :func:`rows`."""
    from qualcli.mapping.exporters import to_csv

    return to_csv(rows(result))


def render_xlsx(result: dict) -> bytes:
    """A workbook: sheet "Coverage" is criteria × files (best score of each file's passages), sheet "Evidence" the CSV rows."""
    import datetime
    import io

    from openpyxl import Workbook

    from qualcli.mapping.exporters import _deterministic_zip

    book = Workbook()
    sheet = book.active
    sheet.title = "Coverage"
    sheet.append(["unit", "ref", "criterion", "status", *result["files"]])
    for c in result["criteria"]:
        best = {}
        for e in c["evidence"]:
            best.setdefault(e["path"], e["score"])
        sheet.append([c["unit"], c["ref"], c["text"], c["status"], *(best.get(f) for f in result["files"])])
    sheet.freeze_panes = "E2"
    evidence = book.create_sheet("Evidence")
    for row in rows(result):
        evidence.append(row)
    book.properties.created = datetime.datetime(2000, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic_zip(buffer.getvalue())


RENDERERS = {"text": render_text, "json": render_json, "csv": render_csv, "xlsx": render_xlsx}
