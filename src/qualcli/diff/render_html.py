"""The diff as one self-contained HTML page, for people (``diff --format html``).

Layout: a header naming both documents (title, version, date, body, source
file), the summary (counts per kind and per unit), an outline (unit ›
outcome › criterion, with counts, each entry linking to its first change),
then every change with its location. Wording changes are shown word by word
as ``<del>``/``<ins>`` (struck through / underlined and labelled for screen
readers, so not by colour alone); a moved element is shown once, from → to;
changes to the legislation a unit cites, elements added or removed that cite
an Act, and wording that now cites different Acts are flagged. A small
inline script filters by kind and unit; without it every change shows. Each change carries ``data-kind`` and ``data-path``
(the JSON path), so the page can be checked against ``--format json``.
"""

from __future__ import annotations

import json
from typing import Any

from qualcli.diff.changes import KINDS, Change, DiffReport
from qualcli.diff.describe import LABELS, brief, is_wording, location
from qualcli.diff.words import Segment, elide, is_replacement, render, word_diff
from qualcli.htmlreport import attrs, esc, page, table
from qualcli.model import SpecDocument

MARKS = {"added": "+ added", "removed": "− removed", "changed": "~ changed", "moved": "↷ moved"}
DOCUMENT_GROUP = "document"

CSS = """
.k-added .badge{color:var(--add-fg);background:var(--add)}.k-removed .badge{color:var(--del-fg);background:var(--del)}
.k-changed .badge{color:#6b4e00;background:var(--chg)}.k-moved .badge{color:#0d3c6e;background:var(--mov)}
article.change{border-left:4px solid var(--line);padding:.3rem .7rem;margin:.5rem 0}
article.k-added{border-left-style:double}article.k-removed{border-left-style:dashed}article.k-moved{border-left-style:dotted}
.where{font-weight:600}.flag{margin-left:.5em;padding:0 .3em;border:1px solid #7a4d00;border-radius:.2em;font-size:.85em}
.words{margin:.3rem 0}.outline ul{margin:.1rem 0;padding-left:1.3rem}.count{color:var(--muted)}
dl.value{margin:.2rem 0 .2rem 1rem}dl.value dt{font-weight:600}dl.value dd{margin:0 0 .2rem 1rem}
@media print{article.change{border-left-width:2px}}
"""

SCRIPT = """(function(){
var f=document.getElementById('filters');f.hidden=false;
function apply(){var kinds={},shown=0,group=f.querySelector('select').value;
f.querySelectorAll('input[name=kind]').forEach(function(b){kinds[b.value]=b.checked;});
document.querySelectorAll('article.change').forEach(function(a){
var ok=kinds[a.dataset.kind]&&(group===''||a.dataset.group===group);a.hidden=!ok;if(ok){shown++;}});
document.querySelectorAll('section.changes').forEach(function(s){s.hidden=!s.querySelector('article.change:not([hidden])');});
document.getElementById('shown').textContent=String(shown);}
f.addEventListener('change',apply);apply();})();"""


def render_html(report: DiffReport, old: SpecDocument, new: SpecDocument) -> str:
    """The whole report as an HTML document (``old``/``new`` give the header's titles and dates)."""
    titles = {u.code: u.title for doc in (old, new) for u in doc.units}
    anchors = {id(change): f"c{k}" for k, change in enumerate(report.changes, 1)}
    heading = f"Changes: {new.title or new.source.path}"
    parts = [f"<header><h1>{esc(heading)}</h1>", _documents(old, new), "</header>", "<main>", _summary(report, titles)]
    if report.changes:
        parts += [_outline(report, titles, anchors), _filters(report), _changes(report, titles, anchors)]
    parts.append("</main>")
    return page(heading, "\n".join(parts), CSS, SCRIPT if report.changes else "")


def _documents(old: SpecDocument, new: SpecDocument) -> str:
    rows = [
        ["Title", esc(old.title), esc(new.title)],
        ["Version", esc(old.version), esc(new.version)],
        ["Date", esc(_date(old)), esc(_date(new))],
        ["Awarding body", esc(old.body), esc(new.body)],
        ["Source file", _source(old), _source(new)],
    ]
    return table(["", "Old", "New"], rows, class_="documents")


def _date(doc: SpecDocument) -> str | None:
    """The version date, else the date the document's own version history gives its version."""
    if doc.version_date:
        return doc.version_date
    return next((str(v.date) for v in doc.version_history if v.version == doc.version and v.date), None)


def _source(doc: SpecDocument) -> str:
    return f"<code>{esc(doc.source.path)}</code> <span class=\"muted\">({esc(doc.source.format)})</span>"


def _summary(report: DiffReport, titles: dict[str, str]) -> str:
    total = len(report.changes)
    if not total:
        return '<section id="summary"><h2>Summary</h2><p data-total="0">No differences.</p></section>'
    counts = report.counts_by_kind()
    kinds = table(
        ["Kind", "Changes"],
        [[f'<span class="k-{k}"><span class="badge">{esc(MARKS[k])}</span></span>', f'<span data-kind-count="{k}">{counts[k]}</span>'] for k in KINDS]
        + [["<b>Total</b>", f'<b data-total="{total}">{total}</b>']],
        numeric=frozenset({1}),
        class_="k-summary",
    )
    per_unit: dict[str, dict[str, int]] = {}
    for change in report.changes:
        if change.unit is not None:
            per_unit.setdefault(change.unit, dict.fromkeys(KINDS, 0))[change.kind] += 1
    rows = [
        [f'<a href="#u{number}">{esc(code)}</a>', esc(titles.get(code)),
         *(str(by_kind[k]) for k in KINDS), f'<span data-unit-count="{esc(code)}">{sum(by_kind.values())}</span>']
        for number, (code, by_kind) in enumerate(per_unit.items(), 1)
    ]  # fmt: skip
    units = table(["Unit", "Title", *KINDS, "Total"], rows, numeric=frozenset(range(2, 7)), class_="u-summary") if rows else ""
    return f'<section id="summary"><h2>Summary</h2>\n{kinds}\n{units}\n</section>'


def _steps(path: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (collection, key) steps of a path, leaving out a trailing field name."""
    return [(path[i], path[i + 1]) for i in range(0, len(path) - 1, 2) if path[i] in LABELS]


def _outline(report: DiffReport, titles: dict[str, str], anchors: dict[int, str]) -> str:
    tree: dict[Any, Any] = {}
    for change in report.changes:
        node = tree
        for step in _steps(change.path):
            entry = node.setdefault(step, {"count": 0, "first": anchors[id(change)], "children": {}})
            entry["count"] += 1
            node = entry["children"]
    return f'<nav class="outline" id="outline"><h2>Outline</h2>\n{_outline_list(tree, titles, top=True)}\n</nav>'


def _outline_list(tree: dict, titles: dict[str, str], top: bool = False) -> str:
    items = []
    for (name, key), entry in tree.items():
        title = titles.get(key) if top and name == "units" else None
        label = f"{LABELS[name]} {key}" + (f" — {title}" if title else "")
        inner = _outline_list(entry["children"], titles) if entry["children"] else ""
        items.append(f'<li><a href="#{entry["first"]}">{esc(label)}</a> <span class="count">({entry["count"]})</span>{inner}</li>')
    return "<ul>" + "".join(items) + "</ul>"


def _filters(report: DiffReport) -> str:
    counts = report.counts_by_kind()
    boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}" checked> {esc(k)} ({counts[k]})</label>' for k in KINDS if counts[k]
    )
    options = ['<option value="">all units</option>']
    if any(c.unit is None for c in report.changes):
        options.append(f'<option value="{DOCUMENT_GROUP}">document-level changes</option>')
    options += [f'<option value="unit:{esc(code)}">unit {esc(code)}</option>' for code in report.counts_by_unit()]
    return (
        '<form id="filters" class="filters noprint" hidden><b>Show</b> '
        f'{boxes}<label>in <select name="unit">{"".join(options)}</select></label>'
        f'<span class="muted"><span id="shown">{len(report.changes)}</span> of {len(report.changes)} shown</span></form>'
    )


def _changes(report: DiffReport, titles: dict[str, str], anchors: dict[int, str]) -> str:
    sections = []
    document = [c for c in report.changes if c.unit is None]
    if document:
        items = "\n".join(_change(c, 0, anchors) for c in document)
        sections.append(f'<section class="changes" id="document"><h2>Document</h2>\n{items}\n</section>')
    by_unit: dict[str, list[Change]] = {}
    for change in report.changes:
        if change.unit is not None:
            by_unit.setdefault(change.unit, []).append(change)
    for number, (code, changes) in enumerate(by_unit.items(), 1):
        items = "\n".join(_change(c, 2, anchors) for c in changes)
        title = f"Unit {code}" + (f" — {titles[code]}" if titles.get(code) else "")
        sections.append(f'<section class="changes" id="u{number}"><h2>{esc(title)}</h2>\n{items}\n</section>')
    return "<h2>Changes</h2>\n" + "\n".join(sections)


def _change(change: Change, skip: int, anchors: dict[int, str]) -> str:
    where = location(change.path, skip) or location(change.path)
    group = DOCUMENT_GROUP if change.unit is None else f"unit:{change.unit}"
    flag = '<span class="flag">§ legislation</span>' if _cites_law(change) else ""
    head = (
        f'<p class="loc"><span class="badge">{esc(MARKS[change.kind])}</span> '
        f'<span class="where">{esc(where)}</span>{flag}</p>'
    )
    article = attrs(id=anchors[id(change)], class_=f"change k-{change.kind}", data_kind=change.kind, data_group=group,
                    data_path=json.dumps(list(change.path), ensure_ascii=False))  # fmt: skip
    return f"<article{article}>{head}{_detail(change)}</article>"


def _detail(change: Change) -> str:
    if change.kind == "moved":
        return (f'<p>from <span class="where">{esc(location(change.old_path))}</span> '
                f'to <span class="where">{esc(location(change.path))}</span></p>')  # fmt: skip
    if is_wording(change):
        segments = word_diff(change.old, change.new)
        if not is_replacement(segments):
            whole = (f"<details><summary>whole wording</summary><p><b>Before:</b> {esc(change.old)}</p>"
                     f"<p><b>After:</b> {esc(change.new)}</p></details>")  # fmt: skip
            return f'<p class="words">{_inline(elide(segments))}</p>{whole}'
    if change.kind == "changed":
        return f'<p class="words">{_deleted(esc(_brief(change.old)))} → {_inserted(esc(_brief(change.new)))}</p>'
    value = change.new if change.kind == "added" else change.old
    text = brief(value)
    if text == change.path[-1]:  # e.g. a unit code added to a rule group: the location says it all
        return ""
    detail = f"<p>{esc(text)}</p>"
    if isinstance(value, dict) and len(value) > 1:
        detail += f"<details><summary>whole {esc(_label(change))}</summary>{_value(value)}</details>"
    return detail


def _label(change: Change) -> str:
    steps = _steps(change.path)
    return LABELS[steps[-1][0]] if steps else "element"


def _brief(value: Any) -> str:
    return "(none)" if value is None else brief(value)


def _deleted(markup: str) -> str:
    """Escaped text marked as deleted: struck through, and labelled for screen readers."""
    return f'<del><span class="sr">deleted: </span>{markup}</del>'


def _inserted(markup: str) -> str:
    """Escaped text marked as inserted: underlined, and labelled for screen readers."""
    return f'<ins><span class="sr">inserted: </span>{markup}</ins>'


def _inline(segments: list[Segment]) -> str:
    return render([s._replace(text=esc(s.text)) for s in segments], _deleted, _inserted)


def _value(value: Any) -> str:
    """An added or removed element in full: fields as a definition list, lists as bullets."""
    if isinstance(value, dict):
        rows = "".join(f"<dt>{esc(key)}</dt><dd>{_value(item)}</dd>" for key, item in value.items())
        return f'<dl class="value">{rows}</dl>'
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_value(item)}</li>" for item in value) + "</ul>"
    return esc(value)


def _cites_law(change: Change) -> bool:
    """True for a change to the legislation a unit cites, an element added or removed that
    cites an Act, or wording that now cites different Acts."""
    if "legislation" in change.path[::2]:
        return True
    if change.kind in ("added", "removed"):
        return bool(_cited(change.new if change.kind == "added" else change.old))
    return is_wording(change) and _cited(change.old) != _cited(change.new)


def _cited(value: Any) -> set[str]:
    """The instruments cited anywhere in a value's text."""
    from qualcli.legislation import find_references

    if isinstance(value, dict):
        return set().union(*map(_cited, value.values()))
    if isinstance(value, list):
        return set().union(*map(_cited, value))
    if isinstance(value, str):
        return {ref.instrument or ref.text for ref in find_references(value)}
    return set()
