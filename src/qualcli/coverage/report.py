"""Coverage output: text, json, csv, xlsx (criteria × files) and html (the shared report look)."""

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

    from qualcli.mapping.exporters import deterministic_zip

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
    return deterministic_zip(buffer.getvalue())




_HTML_CSS = """
.yes{color:#0b5d0b}.no{color:#8e1111}td q{color:var(--muted);font-size:.9em}
"""


def render_html(result: dict) -> str:
    """A self-contained page in the diff/map report style: a summary per unit, then each unit's criteria with evidence."""
    from qualcli.htmlreport import esc, page, table

    summary = table(["unit", "title", "covered", "total"],
                    [[f'<a href="#u-{esc(u["unit"])}">{esc(u["unit"])}</a>', esc(u["title"]), str(u["covered"]), str(u["total"])]
                     for u in result["units"]], numeric=frozenset({2, 3}))
    sections = []
    for unit in result["units"]:
        rows = []
        for c in (c for c in result["criteria"] if c["unit"] == unit["unit"]):
            mark = '<span class="yes">✓ covered</span>' if c["status"] == "covered" else '<span class="no">✗ uncovered</span>'
            evidence = "<br>".join(f"{esc(_where(e))}: <q>{esc(e['snippet'])}</q>" for e in c["evidence"])
            rows.append([f'<span class="ref">{esc(c["ref"])}</span>', mark, esc(c["text"]), evidence])
        sections.append(f'<h2 id="u-{esc(unit["unit"])}">{esc(unit["unit"])} {esc(unit["title"])}: {unit["covered"]}/{unit["total"]}</h2>\n'
                        + table(["ref", "status", "criterion", "evidence (best first)"], rows))
    files = "".join(f"<li><code>{esc(f)}</code></li>" for f in result["files"])
    body = (f"<h1>Coverage of {esc(result['spec'])}</h1>\n<h2>Summary</h2>\n{summary}\n"
            + "\n".join(sections) + f"\n<h2>Materials read</h2>\n<ul>{files}</ul>")
    return page(f"Coverage of {result['spec']}", body, css=_HTML_CSS)


RENDERERS = {"text": render_text, "json": render_json, "csv": render_csv, "xlsx": render_xlsx, "html": render_html}
