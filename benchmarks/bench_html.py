"""Scale benchmark for ``map --format html``: N x N synthetic units (``bench_map``'s documents).

Run: ``uv run python benchmarks/bench_html.py [--sizes 200 2000]``.

For each size: the time to render the HTML page as a ratio to rendering the
JSON of the same map (both in this process, same run), the page's size as a
ratio to the JSON's, and, when Chromium is installed, loading the page in
headless Chromium: the load time, the DOM element count, and the time to
scroll the matrix to its far corner and paint, as a ratio to the load time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_map import synthetic_documents  # noqa: E402

from tests.support.browser import Browser, find_chromium  # noqa: E402

SCROLL = """new Promise(done => { const w = document.querySelector('.wrap'), t = performance.now();
  w.scrollTop = w.scrollHeight; w.scrollLeft = w.scrollWidth;
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t))); })"""


def _timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def run(n: int, folder: Path, browser: Browser | None) -> dict:
    """Map one size, render it both ways and (with a browser) load it."""
    from qualcli.mapping.exporters import to_json
    from qualcli.mapping.relations import add_criterion_detail, map_units
    from qualcli.mapping.render_html import render_html

    docs = synthetic_documents(n)
    result = map_units(docs)
    add_criterion_detail(result)
    documents = [{"document": d.source.path} for d in docs]
    json_text, json_seconds = _timed(to_json, result, "units", documents, None)
    html_text, html_seconds = _timed(render_html, result, "units", documents, {})
    row = {
        "units": f"{n} x {n}",
        "pairs": len(result.pairs),
        "html MB": len(html_text.encode()) / 1e6,
        "size / json": len(html_text.encode()) / len(json_text.encode()),
        "render / json": html_seconds / json_seconds,
    }
    if browser is not None:
        page_path = folder / f"map-{n}.html"
        page_path.write_text(html_text, encoding="utf-8")
        page, load_seconds = _timed(browser.open, page_path)
        row["load s"] = load_seconds
        row["elements"] = page.evaluate("document.getElementsByTagName('*').length")
        row["scroll+paint / load"] = page.evaluate(SCROLL) / 1000 / load_seconds
        row["errors"] = len(page.errors())
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    args = parser.parse_args()
    binary = find_chromium()
    if binary is None:
        print("no Chromium on PATH: page load not measured", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        if binary is None:
            rows = [run(n, Path(folder), None) for n in args.sizes]
        else:
            with Browser(binary) as browser:
                rows = [run(n, Path(folder), browser) for n in args.sizes]
    for row in rows:
        print("  ".join(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
