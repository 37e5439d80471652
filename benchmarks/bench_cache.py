"""The cache of parsed documents: a parse against a reload from the cache, as ratios measured in one run.

Run: ``uv run python benchmarks/bench_cache.py [--repeat N]``. Uses the
examples and, from QUALCLI_CORPUS (default ../shared/corpus), the specs and
rendered PDFs. Two tables:

- in-process: ``load_spec`` with the cache off (read + parse) and on (a
  reload after the first run), median milliseconds and their ratio;
- whole process: ``qualcli parse`` and ``qualcli diff`` with ``--no-cache``
  and with the cache, as ratios to ``python -c pass``.

The cache lives in a temporary folder (QUALCLI_CACHE_DIR), never the user's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from timing import PYTHON_BASELINE, QUALCLI, REPO, corpus_dir, print_ratios


def documents() -> list[Path]:
    """The documents timed: examples, corpus specs and rendered/extra PDFs."""
    corpus = corpus_dir()
    found = sorted((REPO / "examples").glob("*.txt"))
    found += sorted((corpus / "specs").glob("*.txt")) + sorted((corpus / "rendered").glob("*.pdf"))
    return found + sorted((corpus / "specs-extra").glob("*.pdf"))[:1]


def in_process_ms(path: Path, cache: bool, repeat: int) -> float:
    """Median milliseconds of ``load_spec(path)`` (after one warm-up call)."""
    from qualcli.loading import load_spec

    load_spec(path, cache=cache)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        load_spec(path, cache=cache)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["QUALCLI_NO_CACHE"] = "0"  # timing.py turns the cache off for the other benchmarks
    os.environ["QUALCLI_CACHE_DIR"] = tempfile.mkdtemp(prefix="qualcli-bench-cache-")
    docs = documents()

    print(f"{'load_spec (in-process)':55} {'parse ms':>9} {'cached ms':>9} {'ratio':>7}")
    for doc in docs:
        fresh, cached = in_process_ms(doc, False, args.repeat), in_process_ms(doc, True, args.repeat)
        print(f"{doc.name[:55]:55} {fresh:9.1f} {cached:9.1f} {cached / fresh:7.2f}")

    cases = {"python -c pass": PYTHON_BASELINE}
    for doc in docs:
        cases[f"parse {doc.name[:40]} --no-cache"] = [*QUALCLI, "parse", str(doc), "--no-cache"]
        cases[f"parse {doc.name[:40]}"] = [*QUALCLI, "parse", str(doc)]
    old, new = sorted((REPO / "examples").glob("*.txt"))[:2]
    cases["diff examples --no-cache"] = [*QUALCLI, "diff", str(old), str(new), "--no-cache"]
    cases["diff examples"] = [*QUALCLI, "diff", str(old), str(new)]
    print()
    print_ratios(cases, args.repeat, "whole process", 55)


if __name__ == "__main__":
    main()
