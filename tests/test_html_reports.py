"""``diff --format html`` and ``map --format html``: content checked against the JSON, and in headless Chromium.

The first tests read the HTML as text (every change / pair is there, bytes are
stable, nothing is fetched, document text is escaped); the browser tests load
the files in Chromium and check the DOM, the page's behaviour (filters, lazy
detail, sticky headers, print layout), console errors, network requests and
a non-blank screenshot. They skip, saying why, only when no Chromium is
installed (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from qualcli.specfile import load_data
from tests.conftest import FIXTURES
from tests.support.browser import Browser, find_chromium, is_blank

DIFF_OLD, DIFF_NEW = FIXTURES / "diff" / "bakery-v1.yaml", FIXTURES / "diff" / "bakery-v2.yaml"
MAP_OLD, MAP_NEW = FIXTURES / "map" / "salon-old.yaml", FIXTURES / "map" / "salon-new.yaml"
# Whole tags (the diff engine drops markup as layout, the map keeps it) and a tag left open (the diff keeps it).
HOSTILE = ("Greet <img src=x onerror=\"document.title='pwned'\"> customers </script><script>document.title='pwned'</script> "
           "warmly <img src=x onerror=document.title='pwned'//")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def having(self, attribute: str, tag: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.tags if attribute in a and (tag is None or t == tag)]


def run_json(qualcli, *args) -> dict:
    result = qualcli(*args, "--format", "json")
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def run_html(qualcli, tmp_path: Path, name: str, *args) -> Path:
    out = tmp_path / name
    result = qualcli(*args, "--format", "html", "-o", out)
    assert result.code == 0, result.stderr
    return out


def variant(tmp_path: Path, source: Path, name: str, edit) -> Path:
    """A parsed spec written as JSON after ``edit(data)``."""
    data = load_data(source)
    edit(data)
    out = tmp_path / name
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def bakery(tmp_path_factory) -> tuple[dict, Path]:
    """The JSON and HTML diffs of the two bakery fixtures, made once with the CLI (the HTML in a
    subprocess, which the determinism test compares with a run in this process: another hash seed)."""
    from tests.conftest import run_qualcli
    from tests.support.inprocess import run_in_process

    folder = tmp_path_factory.mktemp("bakery")
    return run_json(run_in_process, "diff", DIFF_OLD, DIFF_NEW), run_html(run_qualcli, folder, "changes.html", "diff", DIFF_OLD, DIFF_NEW)


@pytest.fixture(scope="module")
def salon_map(tmp_path_factory) -> tuple[dict, Path]:
    """The JSON and HTML maps of the two salon fixtures, made once with the CLI (the HTML in a
    subprocess, which the determinism test compares with a run in this process: another hash seed)."""
    from tests.conftest import run_qualcli
    from tests.support.inprocess import run_in_process

    folder = tmp_path_factory.mktemp("salon")
    return run_json(run_in_process, "map", MAP_OLD, MAP_NEW), run_html(run_qualcli, folder, "map.html", "map", MAP_OLD, MAP_NEW)


def assert_diff_matches_json(elements: Elements, data: dict) -> None:
    articles = elements.having("data-path", "article")
    assert [(a["data-kind"], json.loads(a["data-path"])) for a in articles] == [(c["kind"], c["path"]) for c in data["changes"]]
    counts = {a["data-kind-count"]: None for a in elements.having("data-kind-count")}
    assert set(counts) == set(data["summary"]["by_kind"])
    assert [a["data-unit-count"] for a in elements.having("data-unit-count")] == list(data["summary"]["by_unit"])
    assert elements.having("data-total")[0]["data-total"] == str(data["summary"]["total"])


def assert_map_matches_json(elements: Elements, data: dict) -> None:
    rows = elements.having("data-relation", "tr")
    assert [(r["data-a"], r["data-b"], r["data-relation"]) for r in rows] == [
        (f"{p['a']['document']}:{p['a']['code']}", f"{p['b']['document']}:{p['b']['code']}", p["relation"]) for p in data["pairs"]
    ]


# --- the HTML as text ----------------------------------------------------------------------


def test_diff_html_has_every_change_of_the_json_and_the_same_counts(bakery):
    data, page = bakery
    text = page.read_text(encoding="utf-8")
    elements = Elements(text)
    assert_diff_matches_json(elements, data)
    for kind, count in data["summary"]["by_kind"].items():
        assert re.search(rf'data-kind-count="{kind}">{count}<', text)
    for code, count in data["summary"]["by_unit"].items():
        assert re.search(rf'data-unit-count="{code}">{count}<', text)


def test_diff_html_header_outline_and_change_details(bakery):
    text = bakery[1].read_text(encoding="utf-8")
    plain = " ".join(Elements(text).text)
    assert "Level 2 Certificate in Bakery Service" in plain and "bakery-v1.txt" in plain
    assert "2020-01" in plain and "2022-06" in plain  # dates from the documents' version histories
    # outline: unit › outcome › criterion, with counts
    assert re.search(r'<a href="#c\d+">unit BK01 — Serve customers at the bakery counter</a> <span class="count">\(7\)</span>', text)
    assert re.search(r'>criterion 1\.4</a> <span class="count">\(3\)</span>', text)
    # a word-level change: the inserted word marked, not by colour alone
    assert 'so <ins><span class="sr">inserted: </span>that</ins> they stay fresh' in text
    # a moved element shown once, with from and to
    moved = [m for m in re.findall(r'<article[^>]*data-kind="moved"[^>]*>.*?</article>', text) if "unit BK07" in m]
    assert len(moved) == 1 and "from <span class=\"where\">unit BK04</span> to <span class=\"where\">unit BK07</span>" in moved[0]


def test_diff_html_without_differences(qualcli, tmp_path):
    text = run_html(qualcli, tmp_path, "same.html", "diff", DIFF_OLD, DIFF_OLD).read_text(encoding="utf-8")
    assert 'data-total="0">No differences.' in text and "<article" not in text and "<script" not in text


def test_diff_html_flags_legislation_changes(qualcli, tmp_path):
    def cite_new_act(data):
        criterion = data["units"][1]["learning_outcomes"][0]["criteria"][0]
        criterion["guidance"] = criterion["guidance"].replace("Food Safety Act 1990", "Consumer Rights Act 2015")

    newer = variant(tmp_path, DIFF_OLD, "newer.json", cite_new_act)
    text = run_html(qualcli, tmp_path, "changes.html", "diff", DIFF_OLD, newer).read_text(encoding="utf-8")
    flagged = [a for a in re.findall(r"<article.*?</article>", text) if "§ legislation" in a]
    paths = [json.loads(re.search(r'data-path="([^"]*)"', a)[1].replace("&quot;", '"')) for a in flagged]
    assert ["units", "BK02", "outcomes", "1", "criteria", "1.1", "guidance"] in paths
    assert all("legislation" in p or p[-1] == "guidance" for p in paths)


def test_html_is_deterministic_self_contained_and_printable(qualcli, tmp_path, bakery, salon_map):
    for command, (_, made) in ((["diff", DIFF_OLD, DIFF_NEW], bakery), (["map", MAP_OLD, MAP_NEW], salon_map)):
        first = made.read_bytes()
        assert run_html(qualcli, tmp_path, "again.html", *command).read_bytes() == first
        text = first.decode("utf-8")
        assert not re.search(r'(src|href)="(?!#)', text), "only in-page links, nothing loaded"
        assert "http://" not in text and "https://" not in text
        assert "default-src 'none'" in text and "@media print" in text


def test_map_html_has_every_pair_and_unit_with_titles(salon_map):
    data, page = salon_map
    text = page.read_text(encoding="utf-8")
    elements = Elements(text)
    assert_map_matches_json(elements, data)
    headers = {a["data-unit"]: a["title"] for a in elements.having("data-unit", "div")}
    for path in (MAP_OLD, MAP_NEW):
        for unit in load_data(path)["units"]:
            assert headers[f"{path.name}:{unit['code']}"] == f"{path.name}:{unit['code']} {unit['title']}"
    cells = elements.having("data-tip", "a")
    assert len(cells) == len(data["pairs"])  # two documents: every pair is a cell
    # none: R7/N7 share an Ofqual reference that their criteria contradict, listed for the conflict
    assert all(re.fullmatch(r"(full|full plus new|partial|none), score \d\.\d\d", c["data-tip"]) for c in cells)
    legend = re.search(r'<ul class="legend".*?</ul>', text)[0]
    for words in ("full</b>", "full plus new</b>", "partial</b>", "none</b>"):
        assert words in legend


def test_map_html_groups_units_by_document_and_rule_group(qualcli, tmp_path):
    def group(data):
        data["units"][0]["group"] = "Mandatory"
        data["units"][1]["group"] = "Optional"
        data["units"][2]["group"] = "Mandatory"

    grouped = variant(tmp_path, MAP_OLD, "grouped.json", group)
    text = run_html(qualcli, tmp_path, "map.html", "map", grouped, MAP_NEW).read_text(encoding="utf-8")
    bands = re.findall(r'<div class="rg" style="grid-row:(\d+)/(\d+)" title="([^"]*)"', text)
    assert [b[2] for b in bands[:3]] == ["salon-old.yaml › Mandatory", "salon-old.yaml › Optional", "salon-old.yaml"]
    assert [int(b[1]) - int(b[0]) for b in bands[:2]] == [2, 1]


def test_map_html_to_nos(qualcli, tmp_path):
    data = run_json(qualcli, "map", FIXTURES / "map" / "telephone-nos.yaml", "--to", "nos")
    text = run_html(qualcli, tmp_path, "nos.html", "map", FIXTURES / "map" / "telephone-nos.yaml", "--to", "nos").read_text(encoding="utf-8")
    assert_map_matches_json(Elements(text), data)
    assert "explicit</b>" in text and "inferred</b>" in text


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory) -> list[Path]:
    """Diff and map pages of a spec whose unit title and criterion carry markup and script."""
    from tests.support.inprocess import run_in_process

    def poison(data):
        data["units"][0]["title"] = "<b onmouseover=alert(1)>Serve</b>"
        data["units"][0]["learning_outcomes"][0]["criteria"][0]["text"] = HOSTILE

    folder = tmp_path_factory.mktemp("hostile")
    hostile = variant(folder, DIFF_NEW, "hostile.json", poison)
    return [run_html(run_in_process, folder, f"{command}.html", command, DIFF_OLD, hostile) for command in ("diff", "map")]


def test_hostile_text_is_escaped(hostile_pages):
    for page in hostile_pages:
        text = page.read_text(encoding="utf-8")
        assert "<img" not in text and "<b onmouseover" not in text
        assert text.count("<script") == text.count("</script>")
        assert "&lt;img src=x onerror=document.title=&#x27;pwned&#x27;//" in text or "\\u003cimg src=x onerror=" in text


def test_xlsx_matrix_has_titles_and_a_legend(qualcli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "map.xlsx"
    assert qualcli("map", MAP_OLD, MAP_NEW, "--format", "xlsx", "-o", out).code == 0
    book = load_workbook(out)
    matrix, legend = book["Matrix"], book["Legend"]
    old_titles = {u["code"]: u["title"] for u in load_data(MAP_OLD)["units"]}
    new_first = load_data(MAP_NEW)["units"][0]
    assert matrix["A2"].value == "salon-old.yaml:R1" and matrix["B2"].value == old_titles["R1"]
    assert matrix["C1"].value == f"salon-new.yaml:{new_first['code']} {new_first['title']}"
    assert [[c.value for c in row] for row in legend.iter_rows(min_row=2)][:3] == [
        ["F", "full", "every criterion on each side has a counterpart"],
        ["X", "full plus new", "all of A is covered and B has more"],
        ["P", "partial", "at least a quarter of one side's criteria have a counterpart"],
    ]
    assert legend["A2"].fill.fgColor.rgb.endswith("63BE7B") and legend.cell(legend.max_row, 2).value == "none"


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)")
    with Browser(binary) as running:
        yield running


def settle(page) -> None:
    """Let queued events (hashchange, toggle) run before looking."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))")


def assert_clean(page) -> None:
    assert page.errors() == []
    assert page.requests() == []
    assert not is_blank(page.screenshot())


CHANGES_IN_DOM = """[...document.querySelectorAll('article.change')].map(a => [a.dataset.kind, JSON.parse(a.dataset.path),
    a.querySelector('.where').textContent, a.getBoundingClientRect().height > 0])"""
VISIBLE = "[...document.querySelectorAll('article.change')].filter(a => a.offsetParent !== null).map(a => a.dataset.kind + ' ' + a.dataset.group)"


def assert_browser_diff(page, data: dict) -> None:
    shown = page.evaluate(CHANGES_IN_DOM)
    assert [(kind, path) for kind, path, _, _ in shown] == [(c["kind"], c["path"]) for c in data["changes"]]
    assert all(where.strip() and visible for _, _, where, visible in shown)
    counts = page.evaluate("Object.fromEntries([...document.querySelectorAll('[data-kind-count]')].map(e => [e.dataset.kindCount, +e.textContent]))")
    assert counts == data["summary"]["by_kind"]
    units = page.evaluate("Object.fromEntries([...document.querySelectorAll('[data-unit-count]')].map(e => [e.dataset.unitCount, +e.textContent]))")
    assert units == data["summary"]["by_unit"]


def test_diff_report_in_chromium(browser, bakery):
    data, path = bakery
    page = browser.open(path)
    assert_browser_diff(page, data)
    assert page.evaluate("document.getElementById('filters').hidden") is False
    # filter by kind: hide the moves
    page.evaluate("document.querySelector('input[value=moved]').click()")
    visible = page.evaluate(VISIBLE)
    assert len(visible) == data["summary"]["total"] - data["summary"]["by_kind"]["moved"]
    assert not any(v.startswith("moved ") for v in visible)
    assert page.evaluate("document.getElementById('shown').textContent") == str(len(visible))
    # ... and by unit
    page.evaluate("const s = document.querySelector('#filters select'); s.value = 'unit:BK03'; s.dispatchEvent(new Event('change', {bubbles: true}))")
    assert sorted(page.evaluate(VISIBLE)) == ["changed unit:BK03", "changed unit:BK03", "removed unit:BK03"]
    assert_clean(page)
    # print: no filter form, every change on paper
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, page.session)
    assert page.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"
    assert browser.call("Page.printToPDF", {}, page.session)["data"]


def test_map_report_in_chromium(browser, salon_map):
    data, path = salon_map
    page = browser.open(path)
    rows = page.evaluate("[...document.querySelectorAll('tr[data-relation]')].map(r => [r.dataset.a, r.dataset.b, r.dataset.relation])")
    assert rows == [[f"{p['a']['document']}:{p['a']['code']}", f"{p['b']['document']}:{p['b']['code']}", p["relation"]] for p in data["pairs"]]
    units = page.evaluate("[...document.querySelectorAll('#matrix [data-unit]')].map(e => e.dataset.unit)")
    for path in (MAP_OLD, MAP_NEW):
        assert {f"{path.name}:{u['code']}" for u in load_data(path)["units"]} <= set(units)
    # the score on focus
    tip = page.evaluate("const c = document.querySelector('a.cell'); c.focus(); getComputedStyle(c, '::after').content")
    assert re.fullmatch(r'"(full|full plus new|partial), score \d\.\d\d"', tip)
    # the criterion pairs behind a cell, one click away, built on demand
    explained = next(k for k, p in enumerate(data["pairs"], 1) if any(e.get("criteria") for e in p["evidence"]))
    assert page.evaluate(f"document.querySelector('#p{explained} .detail').children.length") == 0
    page.evaluate(f"document.querySelector('a.cell[href=\"#p{explained}\"]').click()")
    settle(page)
    detail = page.evaluate(f"document.querySelector('#p{explained} details').open && document.querySelector('#p{explained} .detail').innerText")
    pair = data["pairs"][explained - 1]
    criteria = next(e["criteria"] for e in pair["evidence"] if e.get("criteria"))
    texts = {u["code"]: {c["ref"]: c["text"] for o in u.get("learning_outcomes", []) for c in o["criteria"]} for u in load_data(MAP_OLD)["units"]}
    assert texts[pair["a"]["code"]][criteria[0]["a"]] in detail
    assert_clean(page)


def test_map_headers_stay_in_view_while_scrolling(browser, tmp_path):
    """A matrix larger than the window: after scrolling, the first visible headers sit at the edges."""
    from qualcli.mapping.relations import add_criterion_detail, map_units
    from qualcli.mapping.render_html import render_html
    from qualcli.model import Criterion, LearningOutcome, Source, SpecDocument, Unit

    def doc(name: str, prefix: str) -> SpecDocument:  # unit i of one maps to unit i of the other only
        units = [Unit(code=f"{prefix}{i}", title=f"Topic {i} skills",
                      learning_outcomes=[LearningOutcome(ref="1", text="o", criteria=[
                          Criterion(ref="1.1", text=f"Record batch{i} in ledger{i}")])])
                 for i in range(120)]  # fmt: skip
        return SpecDocument(source=Source(path=name, sha256="0" * 64, format="txt"), body="test", units=units)

    result = map_units([doc("a.yaml", "A"), doc("b.yaml", "B")])
    add_criterion_detail(result)
    out = tmp_path / "big.html"
    out.write_text(render_html(result, "units", [{"document": "a.yaml"}, {"document": "b.yaml"}], {}), encoding="utf-8")
    page = browser.open(out)
    edges = page.evaluate("""(() => { const w = document.querySelector('.wrap'); w.scrollTop = 1200; w.scrollLeft = 900;
        const box = w.getBoundingClientRect(), ch = document.querySelector('.ch').getBoundingClientRect(),
              rh = document.querySelector('.rh').getBoundingClientRect(), cells = document.querySelectorAll('a.cell').length;
        return [Math.round(ch.top - box.top), Math.round(rh.left - box.left), w.scrollTop > 0, w.scrollLeft > 0, cells]; })()""")
    top_band, left_band, scrolled_down, scrolled_right, cells = edges
    assert scrolled_down and scrolled_right and cells == len(result.pairs) == 120
    assert 0 < top_band < 40 and 0 < left_band < 40  # just below / beside the sticky group bands
    assert page.errors() == []


def test_hostile_text_is_inert_in_chromium(browser, hostile_pages):
    for path in hostile_pages:
        page = browser.open(path)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        settle(page)
        assert page.evaluate("document.title") != "pwned"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") <= 2  # the report's own script and data
        assert "<img src=x onerror=" in page.evaluate("document.body.innerText")
        assert page.errors() == []


# --- acceptance on the real corpus ---------------------------------------------------------

CORPUS_SPECS = (
    "specs/cityandguilds-4417-customer-service-v2.8.txt",
    "specs/pearson-btec-l1-principles-customer-service-issue2.txt",
    "specs/vtct-cs2d1-l2-diploma-customer-service.txt",
)


@pytest.fixture(scope="module")
def cityandguilds_reports(corpus, tmp_path_factory):
    """JSON and HTML diffs of City & Guilds 4417 v2.8 against an earlier version rebuilt from it.

    The earlier version takes out the guidance additions that the handbook's
    own 2.8 change log lists (as ``tests/test_diff_corpus.py`` does) and
    gives one unit a longer title; nothing from the corpus is stored.
    """
    from tests.support.inprocess import run_in_process
    from tests.test_diff_corpus import CITY_AND_GUILDS, Original, reconstruct_2_7

    original = Original(corpus / CITY_AND_GUILDS)
    if original.doc.body != "cityandguilds":
        pytest.fail(f"the City & Guilds handbook was parsed by {original.doc.source.plugin}")
    unit = original.units_in_full()[1]
    title = re.compile(rf"((?:.*\b{re.escape(unit.code)}\W*\s)?{re.escape(unit.title)})\s*")
    lines = ["\t".join(title.sub(r"\1 at work", cell) if title.fullmatch(cell) else cell for cell in line.split("\t"))
             for line in reconstruct_2_7(original)]  # fmt: skip
    folder = tmp_path_factory.mktemp("cityandguilds")
    older = original.write(folder, lines, "handbook-earlier.txt")
    data = run_json(run_in_process, "diff", older, original.path)
    return data, run_html(run_in_process, folder, "changes.html", "diff", older, original.path)


def test_cityandguilds_earlier_version_html_has_every_json_change(cityandguilds_reports):
    data, page = cityandguilds_reports
    kinds = {c["kind"] for c in data["changes"]}
    assert data["summary"]["total"] >= 10 and kinds == {"changed"}
    assert {c["path"][-1] for c in data["changes"]} == {"guidance", "title"}
    assert_diff_matches_json(Elements(page.read_text(encoding="utf-8")), data)


def test_cityandguilds_earlier_version_in_chromium(cityandguilds_reports, browser):
    data, path = cityandguilds_reports
    page = browser.open(path)
    assert_browser_diff(page, data)
    inserted = page.evaluate("[...document.querySelectorAll('article.change ins')].map(e => e.textContent)")
    assert any("social networking sites" in text for text in inserted)
    assert_clean(page)


@pytest.fixture(scope="module")
def corpus_map(corpus, tmp_path_factory):
    """JSON and HTML maps of the three corpus specifications."""
    from tests.support.inprocess import run_in_process

    specs = [corpus / name for name in CORPUS_SPECS]
    folder = tmp_path_factory.mktemp("map")
    return specs, run_json(run_in_process, "map", *specs), run_html(run_in_process, folder, "map.html", "map", *specs)


def test_corpus_map_html_has_every_pair_and_every_unit(corpus_map):
    from qualcli.loading import load_spec

    specs, data, page = corpus_map
    elements = Elements(page.read_text(encoding="utf-8"))
    assert len(data["pairs"]) >= 10
    assert_map_matches_json(elements, data)
    headers = {a["data-unit"] for a in elements.having("data-unit", "div")}
    for spec in specs:
        doc = load_spec(spec)
        assert {f"{spec.name}:{u.code}" for u in doc.units} <= headers, spec.name


def test_corpus_map_in_chromium(corpus_map, browser):
    specs, data, path = corpus_map
    page = browser.open(path)
    rows = page.evaluate("[...document.querySelectorAll('tr[data-relation]')].map(r => [r.dataset.a, r.dataset.b, r.dataset.relation])")
    assert rows == [[f"{p['a']['document']}:{p['a']['code']}", f"{p['b']['document']}:{p['b']['code']}", p["relation"]] for p in data["pairs"]]
    from qualcli.loading import load_spec

    shown = set(page.evaluate("[...document.querySelectorAll('#matrix [data-unit]')].map(e => e.dataset.unit)"))
    for spec in specs:
        assert {f"{spec.name}:{u.code}" for u in load_spec(spec).units} <= shown, spec.name
    assert_clean(page)
