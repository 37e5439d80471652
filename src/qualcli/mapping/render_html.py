"""The mapping as one self-contained HTML page (``map --format html``).

- A matrix with unit codes and titles on both axes, units grouped by document
  and rule group, cells coloured by relation *and* lettered (F/X/P, E/I for
  NOS), a legend spelling each out, the score on hover and keyboard focus.
  It is a CSS grid holding only the mapped cells (plus the headers, which
  stay in view while scrolling), so 2,000 x 2,000 units stays a few
  megabytes instead of four million table cells.
- A pairs table below: each pair with its relation, score and evidence; the
  criterion pairs behind it (what ``--explain`` prints) open one click away,
  built on demand from one JSON block, so large maps load fast.

Each header carries ``data-unit`` (``document:code``) and each pair row
``data-a``/``data-b``/``data-relation``, so the page can be checked against
``--format json``.
"""

from __future__ import annotations

from typing import Any

from qualcli.htmlreport import attrs, esc, json_block, page, table
from qualcli.mapping.evidence import Evidence
from qualcli.mapping.exporters import CELL, FILLS, LEGEND, NO_RELATION, heading, relations
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.units import UnitRef
from qualcli.model import SpecDocument

SQUARE = 1.7  # em, one matrix cell
BAND = 1.6  # em, the group band above / beside the headers
ROW_HEAD = 20  # em, width of the row headers
COLUMN_HEAD = 11  # em, height of the column headers
CSS = "".join(f".r-{relation}{{background:#{FILLS[letter]}}}" for relation, letter in CELL.items()) + f"""
.swatch{{display:inline-block;width:1.6em;height:1.45em;vertical-align:middle;text-align:center;font-weight:700;border:1px solid #777;margin-right:.3em}}
.wrap{{overflow:auto;max-height:85vh;border:1px solid var(--line);position:relative}}
.matrix{{display:grid;width:max-content;grid-template-columns:{BAND}em {ROW_HEAD}em;
grid-template-rows:{BAND}em {COLUMN_HEAD}em;grid-auto-columns:{SQUARE}em;grid-auto-rows:{SQUARE}em;
background-image:linear-gradient(to right,var(--line) 1px,transparent 1px),linear-gradient(to bottom,var(--line) 1px,transparent 1px);
background-size:{SQUARE}em {SQUARE}em;background-position:{BAND + ROW_HEAD}em {BAND + COLUMN_HEAD}em;font-size:13px}}
.matrix>div{{background:#fff;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}}
.corner{{grid-area:1/1/3/3;position:sticky;left:0;top:0;z-index:4;padding:.3em;border-right:2px solid #777;border-bottom:2px solid #777}}
.cg{{position:sticky;top:0;z-index:2;grid-row:1;background:var(--soft)!important;border-left:2px solid #777;padding:0 .3em;font-weight:600}}
.ch{{position:sticky;top:{BAND}em;z-index:2;grid-row:2;writing-mode:vertical-rl;transform:rotate(180deg);
border-right:1px solid var(--line);border-bottom:2px solid #777;padding:.2em 0;line-height:{SQUARE}em}}
.rg{{position:sticky;left:0;z-index:2;grid-column:1;writing-mode:vertical-rl;transform:rotate(180deg);
background:var(--soft)!important;border-top:2px solid #777;font-weight:600;text-align:center}}
.rh{{position:sticky;left:{BAND}em;z-index:2;grid-column:2;border-right:2px solid #777;border-bottom:1px solid var(--line);padding:0 .3em;line-height:{SQUARE}em}}
.code{{font-family:ui-monospace,Consolas,monospace;font-weight:700;margin-inline-end:.4em}}
a.cell{{display:block;text-align:center;line-height:{SQUARE}em;color:#000;text-decoration:none;font-weight:700;border:1px solid #fff;position:relative}}
a.cell:hover,a.cell:focus{{outline:2px solid #000;z-index:3}}
a.cell:focus::after,a.cell:hover::after{{content:attr(data-tip);position:absolute;left:100%;top:100%;z-index:5;padding:.2em .4em;
background:#222;color:#fff;font-weight:400;white-space:nowrap}}
tr:target{{outline:3px solid #1a5fb4}}table.pairs>tbody>tr>td:nth-child(5){{text-align:center;font-weight:700}}
.evidence{{margin:0;padding-left:1.1em}}.detail table{{margin:.3rem 0}}
@media print{{.wrap{{max-height:none;overflow:visible}}.ch,.rh,.cg,.rg,.corner{{position:static}}}}
"""

SCRIPT = """(function(){
var data=JSON.parse(document.getElementById('map-data').textContent);
function el(tag,text){var e=document.createElement(tag);if(text!==undefined){e.textContent=text;}return e;}
function text(label,ref){var u=data.units[label];return u&&u[ref]!==undefined?u[ref]:'';}
function fill(d){var box=d.querySelector('.detail');if(box.dataset.done){return;}box.dataset.done='1';
var p=data.pairs[d.dataset.pair],a=d.dataset.a,b=d.dataset.b;
if(p.criteria.length){var t=el('table'),h=el('tr');['A criterion','','B criterion','','score'].forEach(function(s){h.appendChild(el('th',s));});
t.appendChild(h);p.criteria.forEach(function(c){var r=el('tr');[c[0],text(a,c[0]),c[1],text(b,c[1]),c[2].toFixed(2)].forEach(function(s){r.appendChild(el('td',s));});t.appendChild(r);});
box.appendChild(t);}
[['only in A',p.only_a,a],['only in B',p.only_b,b]].forEach(function(s){if(!s[1].length){return;}var q=el('p');q.appendChild(el('b',s[0]+': '));
var l=el('ul');s[1].forEach(function(ref){l.appendChild(el('li',ref+' '+text(s[2],ref)));});box.appendChild(q);box.appendChild(l);});}
document.querySelectorAll('details[data-pair]').forEach(function(d){d.addEventListener('toggle',function(){if(d.open){fill(d);}});});
function reveal(){var id=location.hash.slice(1),row=id&&document.getElementById(id),d=row&&row.querySelector('details[data-pair]');if(d){d.open=true;}}
window.addEventListener('hashchange',reveal);reveal();})();"""


def unit_groups(docs: list[SpecDocument], labels: list[str]) -> dict[tuple[str, str], str]:
    """``(document label, unit code)`` → the unit's group: its own, else the first rule group listing it."""
    groups: dict[tuple[str, str], str] = {}
    for doc, label in zip(docs, labels):
        for qualification in doc.qualifications:
            for rule in qualification.rules:
                for code in rule.units:
                    groups.setdefault((label, code), rule.name)
        for unit in doc.units:
            if unit.group:
                groups[(label, unit.code)] = unit.group
    return groups


def render_html(result: UnitMap, to: str, documents: list[dict[str, Any]], groups: dict[tuple[str, str], str]) -> str:
    """The whole mapping as an HTML document."""
    kind = "unit to unit" if to == "units" else "unit to NOS"
    rows, columns = _grouped(result.rows, groups), _grouped(result.columns, groups)
    body = [
        f"<header><h1>Mapping ({esc(kind)})</h1>",
        _documents(documents),
        "</header><main>",
        _legend(to),
        _matrix(result, rows, columns, groups),
        _pairs(result),
        json_block("map-data", _detail_data(result)),
        "</main>",
    ]
    return page(f"Mapping ({kind})", "\n".join(body), CSS, SCRIPT)


def _documents(documents: list[dict[str, Any]]) -> str:
    rows = [[f"<code>{esc(d['document'])}</code>", esc(d.get("body")), esc(d.get("title")), esc(d.get("version")), esc(d.get("path"))]
            for d in documents]  # fmt: skip
    return table(["Document", "Awarding body", "Title", "Version", "Source file"], rows, class_="documents")


def _legend(to: str) -> str:
    items = [
        f'<li><span class="swatch r-{k}">{CELL[k]}</span><b>{esc(LEGEND[k][0])}</b>: {esc(LEGEND[k][1])}</li>'
        for k in relations(to)
    ]
    items.append(f'<li><span class="swatch"> </span><b>{NO_RELATION[0]}</b>: {NO_RELATION[1]}</li>')
    return f'<h2>Legend</h2><ul class="legend" id="legend">{"".join(items)}</ul>'


def _grouped(refs: list[UnitRef], groups: dict[tuple[str, str], str]) -> list[UnitRef]:
    """Units by document, then by rule group in order of first appearance (document order within)."""

    def group(ref: UnitRef) -> tuple[str, str]:
        return ref.document, groups.get((ref.document, ref.code), "")

    doc_rank: dict[str, int] = {}
    group_rank: dict[tuple[str, str], int] = {}
    for ref in refs:
        doc_rank.setdefault(ref.document, len(doc_rank))
        group_rank.setdefault(group(ref), len(group_rank))
    return sorted(refs, key=lambda ref: (doc_rank[ref.document], group_rank[group(ref)]))  # stable: document order within


def _bands(refs: list[UnitRef], groups: dict[tuple[str, str], str]) -> list[tuple[str, int, int]]:
    """(label, first, last + 1) runs of consecutive units in the same document and group (0-based)."""
    runs: list[tuple[str, int, int]] = []
    for k, ref in enumerate(refs):
        group = groups.get((ref.document, ref.code))
        label = f"{ref.document} › {group}" if group else ref.document
        if runs and runs[-1][0] == label and runs[-1][2] == k:
            runs[-1] = (label, runs[-1][1], k + 1)
        else:
            runs.append((label, k, k + 1))
    return runs


def _matrix(result: UnitMap, rows: list[UnitRef], columns: list[UnitRef], groups: dict[tuple[str, str], str]) -> str:
    first_row, first_col = 3, 3  # grid lines: band and header come first
    parts = [f'<div class="corner">{len(rows)} × {len(columns)} units<br>A: rows, B: columns</div>']
    for label, start, stop in _bands(columns, groups):
        parts.append(f'<div class="cg" style="grid-column:{first_col + start}/{first_col + stop}" title="{esc(label)}">{esc(label)}</div>')
    for k, ref in enumerate(columns):
        parts.append(_header("ch", f"grid-column:{first_col + k}", ref))
    for label, start, stop in _bands(rows, groups):
        parts.append(f'<div class="rg" style="grid-row:{first_row + start}/{first_row + stop}" title="{esc(label)}">{esc(label)}</div>')
    for k, ref in enumerate(rows):
        parts.append(_header("rh", f"grid-row:{first_row + k}", ref))
    row_of = {ref: k for k, ref in enumerate(rows)}
    column_of = {ref: k for k, ref in enumerate(columns)}
    for number, pair in enumerate(result.pairs, 1):
        if pair.a in row_of and pair.b in column_of:
            parts.append(_cell(pair, first_row + row_of[pair.a], first_col + column_of[pair.b], number))
    grid = "\n".join(parts)
    return f'<h2>Matrix</h2>\n<div class="wrap" tabindex="0"><div class="matrix" id="matrix">\n{grid}\n</div></div>'


def _header(kind: str, place: str, ref: UnitRef) -> str:
    """A row or column heading: code and title, the whole heading on hover."""
    return (f'<div class="{kind}" style="{place}"{attrs(title=heading(ref), data_unit=ref.label())}>'
            f'<span class="code">{esc(ref.code)}</span>{esc(ref.title)}</div>')  # fmt: skip


def _cell(pair: Pair, row: int, column: int, number: int) -> str:
    letter, meaning = CELL.get(pair.relation, ""), _meaning(pair)
    tip = f"{pair.a.label()} ↔ {pair.b.label()}: {meaning}, score {pair.score:.2f}"
    return (f'<a class="cell r-{esc(pair.relation)}" href="#p{number}" style="grid-area:{row}/{column}"'
            f'{attrs(title=tip, aria_label=tip, data_tip=f"{meaning}, score {pair.score:.2f}")}>{esc(letter)}</a>')  # fmt: skip


def _meaning(pair: Pair) -> str:
    return LEGEND.get(pair.relation, (pair.relation,))[0]


def _pairs(result: UnitMap) -> str:
    if not result.pairs:
        return '<h2>Pairs</h2><p id="pairs">No pairs map.</p>'
    rows = []
    for number, pair in enumerate(result.pairs, 1):
        letter, meaning = CELL.get(pair.relation, ""), _meaning(pair)
        evidence = "".join(f"<li><b>{esc(e.kind)}</b>: {esc(e.detail)}</li>" for e in pair.evidence)
        row = attrs(id=f"p{number}", data_a=pair.a.label(), data_b=pair.b.label(), data_relation=pair.relation,
                    data_score=f"{pair.score:.3f}")  # fmt: skip
        rows.append(
            f"<tr{row}><td>{number}</td><td>{_unit_cell(pair.a)}</td><td>{_unit_cell(pair.b)}</td>"
            f'<td><span class="swatch r-{esc(pair.relation)}">{esc(letter)}</span>{esc(meaning)}</td>'
            f'<td>{pair.score:.2f}</td><td><ul class="evidence">{evidence}</ul>{_detail(pair, number)}</td></tr>'
        )
    head = "<tr><th>#</th><th>A</th><th>B</th><th>Relation</th><th>Score</th><th>Evidence</th></tr>"
    return f'<h2>Pairs</h2>\n<table class="pairs" id="pairs"><thead>{head}</thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>"


def _unit_cell(ref: UnitRef) -> str:
    return f'<span class="muted">{esc(ref.document)}</span><br><span class="code">{esc(ref.code)}</span>{esc(ref.title)}'


def _behind(pair: Pair) -> Evidence | None:
    """The evidence that lists the criterion pairs behind a pair, if any."""
    return next((e for e in pair.evidence if e.criteria or e.unmatched_a or e.unmatched_b), None)


def _detail(pair: Pair, number: int) -> str:
    behind = _behind(pair)
    if behind is None:
        return ""
    summary = (f"criterion pairs: {len(behind.criteria)} matched, {len(behind.unmatched_a)} only in A, "
               f"{len(behind.unmatched_b)} only in B")  # fmt: skip
    marks = attrs(data_pair=str(number), data_a=pair.a.label(), data_b=pair.b.label())
    return f'<details{marks}><summary>{esc(summary)}</summary><div class="detail"></div></details>'


def _detail_data(result: UnitMap) -> dict[str, Any]:
    """Criterion texts of the units in pairs with detail, and each pair's criterion pairs (for the script)."""
    texts = {u.ref.label(): dict(u.criteria) for u in result.units}
    units: dict[str, dict[str, str]] = {}
    pairs: dict[str, Any] = {}
    for number, pair in enumerate(result.pairs, 1):
        behind = _behind(pair)
        if behind is None:
            continue
        pairs[str(number)] = {
            "criteria": [[c["a"], c["b"], c["score"]] for c in behind.criteria],
            "only_a": behind.unmatched_a,
            "only_b": behind.unmatched_b,
        }
        for ref in (pair.a, pair.b):
            if ref.label() in texts:
                units.setdefault(ref.label(), texts[ref.label()])
    return {"units": units, "pairs": pairs}
