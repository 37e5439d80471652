"""PDF reading and parsing, as ratios to poppler's ``pdftotext -layout`` on the same file.

Run: ``uv run python benchmarks/bench_pdf.py [--repeat N] [--cpu] [--before DIR] [PDF ...]``. Needs
``pdftotext`` (Debian: poppler-utils) and QUALCLI_CORPUS (default
../shared/corpus) for its PDFs. For each PDF, in one run:

- ``pdftotext``: ``pdftotext -layout FILE -`` (whole process, text to stdout);
- ``read``: qualcli's PDF reader alone (whole process: start-up, reader, lines);
- ``reader``: the reader alone in-process, without start-up (one timed read
  after a warm-up read in the same process): the reader-only ratio;
- ``pypdf``: pypdf's ``extract_text`` on every page (whole process), for comparison;
- ``parse``: ``qualcli parse FILE`` (reader, shared preparation, plugin, model, YAML).

Each command is timed N times after a warm-up, the commands' runs
alternating; the median is reported with its ratio to pdftotext's median, so
numbers from different machines compare. ``--cpu`` times the processes' CPU
(user+system) instead of wall time: steadier when the machine is shared.

``--before DIR`` also times the qualcli commands with the code of another
checkout (e.g. ``git worktree add /tmp/before main``, then ``uv sync`` there to
give it its own ``.venv``; without one its ``src`` and ``plugins/*/src`` go
first on PYTHONPATH), and its runs alternate with this
checkout's, so before and after are measured in the same run, one line each
(pypdf is timed once, with this checkout's line).

Results (issue 16 round 3, s5-pdf, ``--cpu --repeat 5``, one run per
"before", the shared 2-core machine at load 1.0-2.3; ``parse`` as a ratio to
pdftotext, before -> after, after = s5-pdf merged with main e31c535):

- against c4a3bab (main at the start of round 3): AB20117 3.2 -> 2.9,
  AB20026 2.9 -> 2.9, AB30133 3.2 -> 3.0, rendered CS2D1 6.8 -> 5.8;
- against main e31c535 (this branch's own share): 3.1 -> 2.9, 2.6 -> 2.4,
  3.1 -> 2.9, 6.6 -> 6.0 (with every cache folder off on both sides,
  AB20117 3.8 -> 3.7);
- against 47e947e (issue 16's before): 4.8 -> 3.0, 4.0 -> 2.3, 3.9 -> 2.2,
  11.8 -> 6.0.
- wall time (no ``--cpu``, ``--repeat 7``), AB20117 against c4a3bab: 3.1 -> 2.8.

The goal (AB20117 <= 3x) is met in these runs, with little room:
PDFium's page and text loading alone is about 1.1x pdftotext's whole run,
the reader's Python about 0.5x and start-up with imports about 0.5x.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import checkout_python, corpus_dir

#: Stands for the interpreter of the checkout a command is timed with.
PYTHON = "<python>"

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


def timed(argv: list[str], env: dict[str, str], cpu: bool) -> tuple[float, str]:
    """Seconds ``argv`` took (wall, or with ``cpu`` the child's user+system CPU time) and its stdout."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=env)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"{' '.join(argv[:3])} … failed: {result.stderr.strip()}")
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (used if cpu else wall), result.stdout


def medians(commands: dict, repeat: int, checkouts: list[Path | None], cpu: bool) -> dict:
    """Median seconds of each (checkout, command), the runs alternating one repetition at a time.

    Alternating lets load on the machine weigh on every command alike; the
    first round warms up. The ``reader`` command prints its own in-process time.
    """
    times: dict = {(checkout, name): [] for checkout in checkouts for name in commands}
    for round_ in range(repeat + 1):
        for checkout in checkouts:
            python, env = checkout_python(checkout)
            for name, argv in commands.items():
                argv = [python if part == PYTHON else part for part in argv]
                seconds, out = timed(argv, env, cpu)
                if round_:
                    times[checkout, name].append(float(out) if name == "reader" else seconds)
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, metavar="DIR", help="another checkout to time in the same run (before/after)")
    parser.add_argument("--cpu", action="store_true", help="time CPU (user+system) instead of wall: steadier on a busy machine")
    parser.add_argument("pdfs", nargs="*", type=Path, metavar="PDF", help="PDFs to time (default: the corpus PDFs)")
    args = parser.parse_args()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        sys.exit("pdftotext not found: install poppler-utils")
    corpus = corpus_dir()
    pdfs = args.pdfs or sorted([*corpus.glob("rendered/*.pdf"), *corpus.glob("specs-extra/*.pdf")])
    if not pdfs:
        sys.exit(f"no PDFs under {corpus} (set QUALCLI_CORPUS)")
    print("goal (issue 16): parse of the 147 KB-text handbook (AB20117) <= 3x pdftotext -layout")
    print(f"{'file':68} {'pdftotext s':>11} {'reader x':>8} {'read x':>7} {'parse x':>8} {'pypdf x':>8}")
    checkouts = [args.before, None] if args.before is not None else [None]
    reader = READER_ONLY.replace("perf_counter", "process_time") if args.cpu else READER_ONLY
    for pdf in pdfs:
        name = f"{pdf.parent.name}/{pdf.name}"
        commands = {
            "pdftotext": [pdftotext, "-layout", str(pdf), "-"],
            "pypdf": [PYTHON, "-c", PYPDF, str(pdf)],
            "reader": [PYTHON, "-c", reader, str(pdf), "1"],
            "read": [PYTHON, "-c", READ, str(pdf)],
            "parse": [PYTHON, "-m", "qualcli", "parse", str(pdf)],
        }
        times = medians(commands, args.repeat, checkouts, args.cpu)
        base = times[None, "pdftotext"]
        for checkout in checkouts:
            label = name if checkout is None else f"{name} (before)"
            ratios = " ".join(f"{times[checkout, command] / base:{width}.1f}" for command, width in (("reader", 8), ("read", 7), ("parse", 8)))
            pypdf = f" {times[checkout, 'pypdf'] / base:8.1f}" if checkout is None else ""
            print(f"{label:68} {base:11.3f} {ratios}{pypdf}", flush=True)


if __name__ == "__main__":
    main()
