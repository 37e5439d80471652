"""PDF reading and parsing, as ratios to poppler's ``pdftotext -layout`` on the same file.

Run: ``uv run python benchmarks/bench_pdf.py [--repeat N]``. Needs
``pdftotext`` (Debian: poppler-utils) and QUALCLI_CORPUS (default
../shared/corpus) for its PDFs. For each PDF, in one run:

- ``pdftotext``: ``pdftotext -layout FILE -`` (whole process, text to stdout);
- ``read``: qualcli's PDF reader alone (whole process: start-up, reader, lines);
- ``pypdf``: pypdf's ``extract_text`` on every page (whole process), for comparison;
- ``parse``: ``qualcli parse FILE`` (reader, shared preparation, plugin, model, YAML).

Each command is timed N times after a warm-up; the median is reported with
its ratio to pdftotext's median, so numbers from different machines compare.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from timing import QUALCLI, corpus_dir, median_seconds

PYPDF = "import sys, pypdf; [page.extract_text() for page in pypdf.PdfReader(sys.argv[1]).pages]"
READ = "import sys; from pathlib import Path; from qualcli.readers.pdf import PdfReader; p = Path(sys.argv[1]); PdfReader().read(p, p.read_bytes())"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        sys.exit("pdftotext not found: install poppler-utils")
    corpus = corpus_dir()
    pdfs = sorted([*corpus.glob("rendered/*.pdf"), *corpus.glob("specs-extra/*.pdf")])
    if not pdfs:
        sys.exit(f"no PDFs under {corpus} (set QUALCLI_CORPUS)")
    print(f"{'file':68} {'pdftotext s':>11} {'read x':>7} {'parse x':>8} {'pypdf x':>8}")
    for pdf in pdfs:
        base = median_seconds([pdftotext, "-layout", str(pdf), "-"], args.repeat)
        read = median_seconds([sys.executable, "-c", READ, str(pdf)], args.repeat)
        parse = median_seconds([*QUALCLI, "parse", str(pdf)], args.repeat)
        pypdf = median_seconds([sys.executable, "-c", PYPDF, str(pdf)], args.repeat)
        name = f"{pdf.parent.name}/{pdf.name}"
        print(f"{name:68} {base:11.3f} {read / base:7.1f} {parse / base:8.1f} {pypdf / base:8.1f}")


if __name__ == "__main__":
    main()
