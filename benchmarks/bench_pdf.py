"""PDF reading and parsing, as ratios to poppler's ``pdftotext -layout`` on the same file.

Run: ``uv run python benchmarks/bench_pdf.py [--repeat N]``. Needs
``pdftotext`` (Debian: poppler-utils) and QUALCLI_CORPUS (default
../shared/corpus) for its PDFs. For each PDF, in one run:

- ``pdftotext``: ``pdftotext -layout FILE -`` (whole process, text to stdout);
- ``read``: qualcli's PDF reader alone (whole process: start-up, reader, lines);
- ``reader``: the reader alone in-process, without start-up (median of N reads
  after a warm-up read in one process): the reader-only ratio;
- ``pypdf``: pypdf's ``extract_text`` on every page (whole process), for comparison;
- ``parse``: ``qualcli parse FILE`` (reader, shared preparation, plugin, model, YAML).

Each command is timed N times after a warm-up; the median is reported with
its ratio to pdftotext's median, so numbers from different machines compare.

``--before DIR`` also times the qualcli commands with the code of another
checkout (e.g. ``git worktree add /tmp/before main``): its ``src`` and
``plugins/*/src`` go first on PYTHONPATH, so before and after are measured in
the same run, one line each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from timing import QUALCLI, command_env, corpus_dir, median_seconds

PYPDF = "import sys, pypdf; [page.extract_text() for page in pypdf.PdfReader(sys.argv[1]).pages]"
READ = "import sys; from pathlib import Path; from qualcli.readers.pdf import PdfReader; p = Path(sys.argv[1]); PdfReader().read(p, p.read_bytes())"
READER_ONLY = """
import statistics, sys, time
from pathlib import Path
from qualcli.readers.pdf import PdfReader
path = Path(sys.argv[1]); data = path.read_bytes(); PdfReader().read(path, data)
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter(); PdfReader().read(path, data); times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def reader_seconds(pdf, repeat: int) -> float:
    """Median in-process time of the PDF reader alone (start-up excluded)."""
    result = subprocess.run([sys.executable, "-c", READER_ONLY, str(pdf), str(repeat)], capture_output=True, text=True, env=command_env())
    if result.returncode:
        sys.exit(f"reading {pdf} failed: {result.stderr.strip()}")
    return float(result.stdout)


def code_path(checkout: Path | None) -> None:
    """Make the timed commands run the code of ``checkout`` (None: this one's, as installed)."""
    os.environ.pop("PYTHONPATH", None)
    if checkout is not None:
        os.environ["PYTHONPATH"] = os.pathsep.join(str(p) for p in [checkout / "src", *sorted(checkout.glob("plugins/*/src"))])


def qualcli_ratios(pdf: Path, base: float, repeat: int) -> str:
    """The reader, read and parse columns for ``pdf`` as ratios to ``base`` (pdftotext's median)."""
    reader = reader_seconds(pdf, repeat)
    read = median_seconds([sys.executable, "-c", READ, str(pdf)], repeat)
    parse = median_seconds([*QUALCLI, "parse", str(pdf)], repeat)
    return f"{reader / base:8.1f} {read / base:7.1f} {parse / base:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, metavar="DIR", help="another checkout to time in the same run (before/after)")
    args = parser.parse_args()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        sys.exit("pdftotext not found: install poppler-utils")
    corpus = corpus_dir()
    pdfs = sorted([*corpus.glob("rendered/*.pdf"), *corpus.glob("specs-extra/*.pdf")])
    if not pdfs:
        sys.exit(f"no PDFs under {corpus} (set QUALCLI_CORPUS)")
    print(f"{'file':68} {'pdftotext s':>11} {'reader x':>8} {'read x':>7} {'parse x':>8} {'pypdf x':>8}")
    for pdf in pdfs:
        name = f"{pdf.parent.name}/{pdf.name}"
        base = median_seconds([pdftotext, "-layout", str(pdf), "-"], args.repeat)
        if args.before is not None:
            code_path(args.before)
            print(f"{name + ' (before)':68} {base:11.3f} {qualcli_ratios(pdf, base, args.repeat)}", flush=True)
            code_path(None)
        pypdf = median_seconds([sys.executable, "-c", PYPDF, str(pdf)], args.repeat)
        print(f"{name:68} {base:11.3f} {qualcli_ratios(pdf, base, args.repeat)} {pypdf / base:8.1f}", flush=True)


if __name__ == "__main__":
    main()
