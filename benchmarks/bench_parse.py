"""Whole-process start-up and parse timings, as ratios to ``python -c pass``.

Run: ``uv run python benchmarks/bench_parse.py [--repeat N]``. Needs
QUALCLI_CORPUS (default ../shared/corpus) for the real VTCT document; the
sample documents in examples/ are timed too. Each command runs N times and
the median wall time is reported with its ratio to the baseline measured in
the same run, so numbers from different machines compare (see timing.py for
how runs are timed).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from timing import median_seconds

REPO = Path(__file__).resolve().parents[1]




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    corpus = Path(os.environ.get("QUALCLI_CORPUS", REPO.parent / "shared" / "corpus"))
    qualcli = [sys.executable, "-m", "qualcli"]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "qualcli --help": [*qualcli, "--help"],
        "qualcli plugins": [*qualcli, "plugins"],
        "qualcli legislation check": [*qualcli, "legislation", "check", "Data Protection Act 1998"],
    }
    for sample in sorted((REPO / "examples").glob("*.txt")):
        cases[f"parse examples/{sample.name}"] = [*qualcli, "parse", str(sample)]
    vtct = corpus / "specs" / "vtct-cs2d1-l2-diploma-customer-service.txt"
    if vtct.exists():
        cases["parse VTCT CS2D1 (42 KB txt)"] = [*qualcli, "parse", str(vtct)]
    results = {name: median_seconds(argv, args.repeat) for name, argv in cases.items()}
    base = results["python -c pass"]
    print(f"{'command':45} {'median s':>9} {'x python':>9}")
    for name, seconds in results.items():
        print(f"{name:45} {seconds:9.3f} {seconds / base:9.1f}")


if __name__ == "__main__":
    main()
