"""PDF reading and parsing, as ratios to poppler's ``pdftotext -layout`` on the same file.

Run: ``uv run python benchmarks/bench_pdf.py [--repeat N]``. Needs
``pdftotext`` (Debian: poppler-utils) and QUALCLI_CORPUS (default
../shared/corpus) for its PDFs. For each PDF, in one run:

- ``pdftotext``: ``pdftotext -layout FILE -`` (whole process, text to stdout);
- ``read``: qualcli's PDF reader alone (whole process: start-up, reader, lines);
- ``reader``: the reader alone in-process, without start-up (one timed read
  after a warm-up read in the same process): the reader-only ratio;
- ``pypdf``: pypdf's ``extract_text`` on every page (whole process), for comparison;
- ``parse``: ``qualcli parse FILE`` (reader, shared preparation, plugin, model, YAML).

Each command is timed N times after a warm-up; the median is reported with
its ratio to pdftotext's median, so numbers from different machines compare.

``--before DIR`` also times the qualcli commands with the code of another
checkout (e.g. ``git worktree add /tmp/before main``): its ``src`` and
``plugins/*/src`` go first on PYTHONPATH, and its runs alternate with this
checkout's, so before and after are measured in the same run, one line each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
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


def checkout_env(checkout: Path | None) -> dict[str, str]:
    """The timed commands' environment, running the code of ``checkout`` (None: this one's, as installed)."""
    env = command_env()
    env.pop("PYTHONPATH", None)
    if checkout is not None:
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in [checkout / "src", *sorted(checkout.glob("plugins/*/src"))])
    return env


def qualcli_seconds(pdf: Path, repeat: int, checkouts: list[Path | None]) -> dict[Path | None, list[float]]:
    """Median seconds of the reader in-process, the read process and ``qualcli parse`` for each checkout.

    The checkouts' runs alternate, one repetition at a time, so load on the
    machine weighs on before and after alike.
    """
    commands = {
        "reader": [sys.executable, "-c", READER_ONLY, str(pdf), "1"],
        "read": [sys.executable, "-c", READ, str(pdf)],
        "parse": [*QUALCLI, "parse", str(pdf)],
    }
    times: dict = {(checkout, name): [] for checkout in checkouts for name in commands}
    for round_ in range(repeat + 1):  # the first round warms up
        for checkout in checkouts:
            env = checkout_env(checkout)
            for name, argv in commands.items():
                start = time.perf_counter()
                result = subprocess.run(argv, capture_output=True, text=True, env=env)
                elapsed = time.perf_counter() - start
                if result.returncode:
                    sys.exit(f"{name} of {pdf} failed: {result.stderr.strip()}")
                if round_:
                    times[checkout, name].append(float(result.stdout) if name == "reader" else elapsed)
    return {checkout: [statistics.median(times[checkout, name]) for name in commands] for checkout in checkouts}


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
    checkouts = [args.before, None] if args.before is not None else [None]
    for pdf in pdfs:
        name = f"{pdf.parent.name}/{pdf.name}"
        base = median_seconds([pdftotext, "-layout", str(pdf), "-"], args.repeat)
        pypdf = median_seconds([sys.executable, "-c", PYPDF, str(pdf)], args.repeat)
        for checkout, seconds in qualcli_seconds(pdf, args.repeat, checkouts).items():
            label = name if checkout is None else f"{name} (before)"
            ratios = " ".join(f"{value / base:{width}.1f}" for value, width in zip(seconds, (8, 7, 8)))
            print(f"{label:68} {base:11.3f} {ratios}" + (f" {pypdf / base:8.1f}" if checkout is None else ""), flush=True)


if __name__ == "__main__":
    main()
