"""Start-up and plugin-loading cost, as ratios to ``python -c pass`` measured in one run.

Run: ``uv run python benchmarks/bench_startup.py [--repeat N]``. Needs
QUALCLI_CORPUS (default ../shared/corpus) for the City & Guilds handbook.

Rows, each with the goal beside it where the issue sets one:

- ``qualcli legislation check "…"``: a command that needs no parser, so it
  must not import plugin parser modules nor scan installed distributions
  (goal ≤ 2.5× ``python -c pass``, issue 16);
- ``qualcli plugins``: loads every plugin (for comparison);
- ``qualcli parse`` of the C&G handbook, whole process;
- in-process ``load_spec`` of the handbook (what ``map``, ``show`` and ``diff``
  call) against ``parse`` with its legislation annotation: the annotation is
  done only where it is output (issue 12).
"""

from __future__ import annotations

import argparse
import time

from timing import PYTHON_BASELINE, QUALCLI, corpus_dir, median_seconds

HANDBOOK = "cityandguilds-4417-customer-service-v2.8.txt"
CHECK_TEXT = "under the Data Protection Act 1998"


def in_process(repeat: int) -> dict[str, float]:
    """Fastest in-process times of the handbook: read, load_spec, load_spec + annotate."""
    from qualcli.legislation.annotate import annotate
    from qualcli.loading import load_spec, read_source

    path = corpus_dir() / "specs" / HANDBOOK
    load_spec(path)  # warm caches (legislation table, regexes)
    best = {"read": float("inf"), "load_spec": float("inf"), "load_spec + annotate": float("inf")}
    for _ in range(repeat):
        start = time.perf_counter()
        read_source(path)
        read = time.perf_counter()
        doc = load_spec(path)
        loaded = time.perf_counter()
        annotate(doc)
        end = time.perf_counter()
        best["read"] = min(best["read"], read - start)
        best["load_spec"] = min(best["load_spec"], loaded - read)
        best["load_spec + annotate"] = min(best["load_spec + annotate"], end - read)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    handbook = corpus_dir() / "specs" / HANDBOOK
    cases = {
        "python -c pass": (PYTHON_BASELINE, None, (0,)),
        f'qualcli legislation check "{CHECK_TEXT}"': ([*QUALCLI, "legislation", "check", CHECK_TEXT], 2.5, (0, 1)),
        "qualcli plugins": ([*QUALCLI, "plugins"], None, (0,)),
        "qualcli parse C&G 4417 handbook": ([*QUALCLI, "parse", str(handbook)], None, (0,)),
    }
    results = {name: median_seconds(argv, args.repeat, ok) for name, (argv, _, ok) in cases.items()}
    base = results["python -c pass"]
    print(f"Whole process, median of {args.repeat} runs")
    print(f"{'command':58} {'x python':>9} {'goal':>6}")
    for name, seconds in results.items():
        goal = cases[name][1]
        print(f"{name:58} {seconds / base:9.2f} {('≤ %.1f' % goal) if goal else '':>6}")
    times = in_process(args.repeat)
    print(f"\nIn-process, fastest of {args.repeat}: the C&G handbook, as a ratio to reading it")
    for name in ("load_spec", "load_spec + annotate"):
        label = f"{name} ({'map, show, diff input' if name == 'load_spec' else 'parse output'})"
        print(f"{label:58} {times[name] / times['read']:9.2f}")

if __name__ == "__main__":
    main()
