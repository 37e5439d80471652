"""VTCT record books: parse time as ratios, and whether it grows linearly with the book.

Run: ``uv run python benchmarks/bench_vtct_books.py [--repeat N]``.
Needs QUALCLI_CORPUS (default ../shared/corpus, next to the repository).

1. In-process parse (reader excluded: the PDF is read once) of the 140-page
   NVQ book AB20026 and the 120-page AB30133, as ratios to the parse of the
   CS2D1 text, next to the ratio of their sizes in lines.
2. Linearity: AB20026's unit pages repeated 1x, 2x and 4x (each copy with its
   own unit codes), parsed in-process; the time ratio to 1x is printed next to
   the size ratio. A parser that stays linear keeps the two close.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from dataclasses import replace
from pathlib import Path

from timing import corpus_dir

CS2D1 = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"
BOOKS = {
    "AB20026 NVQ (140 pp)": "specs-extra/vtct-AB20026-l2-nvq-diploma-beauty-therapy-general.pdf",
    "AB30133 (120 pp)": "specs-extra/vtct-AB30133-l3-diploma-beauty-therapy-treatments.pdf",
}


def parse_seconds(source, repeat: int) -> float:
    """Median in-process parse time of an already read document."""
    from qualcli_vtct.parser import VtctParser

    parser = VtctParser()
    parser.parse(source)  # warm-up: imports and caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parser.parse(source)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def repeated(source, copies: int):
    """``source`` with its lines after the front matter repeated, unit codes renamed per copy."""
    first = next(i for i, line in enumerate(source.lines) if re.fullmatch(r"[A-Z]{2}\d{3}[A-Z]\d", line.text.strip()))
    body = source.lines[first:]
    lines = list(source.lines)
    for copy in range(1, copies):
        pages = max(line.page or 0 for line in lines)
        for line in body:
            text = re.sub(r"\b(U[A-Z])(\d)", rf"\g<1>{copy}\2", line.text)
            lines.append(replace(line, text=text, number=len(lines) + 1, page=(line.page or 0) + pages))
    return replace(source, lines=lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from qualcli.loading import read_source

    corpus = corpus_dir()
    base_source = read_source(corpus / CS2D1)
    base = parse_seconds(base_source, args.repeat)
    print(f"{'document':28} {'lines':>7} {'x lines':>8} {'x parse time':>13}")
    print(f"{'CS2D1 text (42 KB)':28} {len(base_source.lines):7d} {1.0:8.1f} {1.0:13.1f}")
    sources = {}
    for name, path in BOOKS.items():
        source = sources[name] = read_source(corpus / path)
        seconds = parse_seconds(source, args.repeat)
        print(f"{name:28} {len(source.lines):7d} {len(source.lines) / len(base_source.lines):8.1f} {seconds / base:13.1f}")
    print()
    print(f"{'AB20026 unit pages':28} {'x size':>7} {'x time':>8}")
    nvq = sources["AB20026 NVQ (140 pp)"]
    one = parse_seconds(nvq, args.repeat)
    for copies in (1, 2, 4):
        grown = repeated(nvq, copies)
        seconds = parse_seconds(grown, args.repeat) if copies > 1 else one
        print(f"{copies}x{'':27} {len(grown.lines) / len(nvq.lines):7.1f} {seconds / one:8.1f}")


if __name__ == "__main__":
    main()
