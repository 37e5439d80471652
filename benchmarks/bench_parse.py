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

from timing import print_ratios

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
        "qualcli legislation check": [*qualcli, "legislation", "check", "Equality Act 2010"],
    }
    for sample in sorted((REPO / "examples").glob("*.txt")):
        cases[f"parse examples/{sample.name}"] = [*qualcli, "parse", str(sample)]
    vtct = corpus / "specs" / "vtct-cs2d1-l2-diploma-customer-service.txt"
    if vtct.exists():
        cases["parse VTCT CS2D1 (42 KB txt)"] = [*qualcli, "parse", str(vtct)]
    print_ratios(cases, args.repeat)


if __name__ == "__main__":
    main()
