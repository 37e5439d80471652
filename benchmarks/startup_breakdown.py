"""Where the start-up of ``qualcli legislation check`` goes, step by step, as ratios to ``python -c pass``.

Run: ``uv run python benchmarks/startup_breakdown.py [--repeat N]``.

Each round runs a fresh interpreter that takes the steps the command takes
on the start-up fast path (:mod:`qualcli.fastpath`: no Typer), in its order
(so an import shared by two steps is charged to the first), and reads its
CPU time after each; ``python -c pass`` runs in the same rounds, both in a
folder where no config applies. Medians of CPU time (steadier than wall
time on a loaded machine).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile

from timing import PYTHON_BASELINE, command_env

TEXT = "under the Data Protection Act 1998"

PROBE = f'''
import time
marks = []
def lap(label):
    marks.append((label, time.process_time()))
lap("interpreter start-up (to the first line)")
import gc
gc.disable()  # as qualcli.start does
import datetime, marshal
lap("the standard library the work needs: datetime (re is not imported: patterns come from kept programs)")
from qualcli.fastpath import parse
command, keywords = parse(["legislation", "check", {TEXT!r}])
lap("import qualcli.fastpath and read the arguments (no Typer)")
from qualcli.asof import parse_date
from qualcli.config import load_config
from qualcli.legislation.report import check_text
from qualcli.legislation.table import shipped
from qualcli.legislation.finder import default_finder
from qualcli.lint.settings import lint_config
import ahocorasick_rs
lap("imports of the command: legislation table, finder, checks, context, report; lint settings; config")
settings = lint_config(load_config(None, None))
lap("load_config (walks up from the working folder: no config there)")
table = shipped().table
lap("the shipped table from its snapshot (key: hash of the YAML, installed plugins and their files; read, checked, set up)")
finder = default_finder()
lap("the finder from the snapshot's state (names trie, Aho-Corasick automaton)")
from qualcli.legislation.checks import check_reference
when = parse_date(None)
for ref in finder.find({TEXT!r}):
    check_reference(ref, {TEXT!r}, table, when, "E")
lap("find and check the references (the sentence-context patterns from their kept programs)")
print(f"{{marks[0][1] * 1e3:.3f}}|{{marks[0][0]}}")
for (_, before), (label, after) in zip(marks, marks[1:]):
    print(f"{{(after - before) * 1e3:.3f}}|{{label}}")
print(f"{{(time.process_time() - marks[-1][1]) * 1e3:.3f}}|(printing the above)")
import os, sys
sys.stdout.flush()
os._exit(0)  # as qualcli.start does: no interpreter teardown
'''


def child_cpu(argv: list[str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one run of ``argv``, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as folder:  # no config file applies there
        done = subprocess.run(argv, capture_output=True, text=True, env=command_env(), cwd=folder)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(done.stderr)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    base: list[float] = []
    whole: list[float] = []
    steps: dict[str, list[float]] = {}
    for round_number in range(args.repeat + 1):
        python, _ = child_cpu(PYTHON_BASELINE)
        total, out = child_cpu([sys.executable, "-c", PROBE])
        if not round_number:
            continue  # warm-up
        base.append(python)
        whole.append(total)
        for line in out.splitlines():
            ms, label = line.split("|", 1)
            steps.setdefault(label, []).append(float(ms) / 1e3)
    python = statistics.median(base)
    print(f"CPU time, median of {args.repeat} rounds; python -c pass = {python * 1e3:.1f} ms = 1.00")
    print(f"{'step':96} {'ms':>6} {'x python':>9}")
    for label, values in steps.items():
        seconds = statistics.median(values)
        print(f"{label:96} {seconds * 1e3:6.1f} {seconds / python:9.2f}")
    print(f"{'whole probe process (start-up to exit; the rest is process exit)':96} "
          f"{statistics.median(whole) * 1e3:6.1f} {statistics.median(whole) / python:9.2f}")


if __name__ == "__main__":
    main()
