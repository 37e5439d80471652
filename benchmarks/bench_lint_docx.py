"""``lint`` on a folder of DOCX course materials: with and without the "can this be a spec?" first look.

Run: ``uv run python benchmarks/bench_lint_docx.py [--files 60] [--repeat 3]``.

It writes FILES Word documents of invented course material (lesson plans with
paragraphs, bullets and a timing table, citing instruments from the currency
table) in a temporary folder, then lints them in this process, one file after
another, twice per round: with :func:`qualcli.lint.gate.may_be_spec` as
shipped, and with it answering "maybe" for every file (so every parser scores
every document, as before the first look existed). It prints the median
seconds of each, their ratio, and whether the JSON reports are identical.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACTS = ("Data Protection Act 1998", "Sale of Goods Act 1979", "Equality Act 2010", "Consumer Credit Act 1974")


def write_materials(folder: Path, count: int) -> list[str]:
    """``count`` lesson plans as DOCX (the same every run)."""
    sys.path.insert(0, str(REPO))
    from tests.support.render import text_to_docx

    rnd = random.Random(16)
    paths = []
    for i in range(count):
        lines = [f"Lesson plan {i}: handling complaints at the front desk", "Aims of the session"]
        for j in range(40):
            lines.append(f"Pairs discuss scenario {j} and explain what the {rnd.choice(ACTS)} expects of staff.")
            if j % 8 == 0:
                lines += ["- Activity: role play with a customer", "Time\tActivity\tResources", f"{j} min\tCase study\tHandout {j}"]
        paths.append(str(text_to_docx("\n".join(lines), folder / f"lesson-{i:03}.docx")))
    return paths


def lint_seconds(paths: list[str]) -> tuple[float, str]:
    """Wall time and the JSON report of linting ``paths`` in this process."""
    from qualcli.lint.engine import lint_files
    from qualcli.lint.settings import Settings

    start = time.perf_counter()
    reports = lint_files(paths, Settings(as_of=datetime.date(2026, 1, 1)), jobs=1)
    elapsed = time.perf_counter() - start
    return elapsed, json.dumps([r.__dict__ for r in reports], default=str, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from qualcli.lint import gate

    shipped = gate.may_be_spec
    with tempfile.TemporaryDirectory(prefix="qualcli-bench-docx-") as folder:
        paths = write_materials(Path(folder), args.files)
        lint_seconds(paths[:2])  # warm-up: imports, currency table
        with_gate, without_gate, outputs = [], [], set()
        for _ in range(args.repeat):
            gate.may_be_spec = shipped
            seconds, out = lint_seconds(paths)
            with_gate.append(seconds)
            outputs.add(out)
            gate.may_be_spec = lambda source: True
            seconds, out = lint_seconds(paths)
            without_gate.append(seconds)
            outputs.add(out)
        gate.may_be_spec = shipped
    before, after = statistics.median(without_gate), statistics.median(with_gate)
    print(f"{args.files} DOCX materials, median of {args.repeat}")
    print(f"every parser asked (before)   {before:7.3f} s")
    print(f"first look, then parsers      {after:7.3f} s   ratio {after / before:.2f}")
    print(f"reports identical: {len(outputs) == 1}")


if __name__ == "__main__":
    main()
