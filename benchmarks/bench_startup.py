"""Start-up and plugin-loading cost, as ratios to ``python -c pass`` measured in one run.

Run: ``uv run python benchmarks/bench_startup.py [--repeat N] [--before TREE]``.
Needs QUALCLI_CORPUS (default ../shared/corpus) for the City & Guilds handbook.

Whole-process rows (medians; the commands are run in interleaved rounds so
that load from other processes falls on all of them alike):

- ``qualcli legislation check "…"``: needs no parser, so it must import no
  plugin parser module and scan no installed distributions (goal ≤ 2.5×
  ``python -c pass``, issue 16);
- ``qualcli plugins``: loads every plugin;
- ``qualcli show`` of the C&G handbook: loads (parses) it, no legislation work;
- ``qualcli parse`` of the C&G handbook: parses and finds the legislation it outputs.

``--before TREE`` also runs every command from another checkout (its
``src`` and ``plugins/*/src`` put first on ``PYTHONPATH``, e.g. an export
of ``main``), in the same rounds, so before/after ratios come from one run.

In-process rows (fastest of N): the handbook's ``load_spec`` (what ``map``,
``show`` and ``diff`` load) against the same plus the legislation annotation
that loading did before issue 12 (annotation cache cleared each time).

Results (issue 12, three runs with ``--before`` an export of ``main``, the
last after merging issue 14's legislation work, on the shared 2-core machine
at load average 7-10, so ratios to ``python -c pass`` are inflated for every
row; the before/after column is the reliable one):

- ``legislation check``: 0.70×-0.81× of before (14.9× ``python -c pass``
  against 21.3× before, in the last run); the 2.5× goal is not met: importing
  Typer alone measured 6× ``python -c pass`` in the same conditions;
- ``show`` of the C&G handbook: 0.69×-0.86×; ``parse`` of it: 0.82×-0.90×
  (it still finds the legislation it outputs); ``plugins``: 0.65×-1.14×
  (it imports every parser, as before; the spread is the machine's load);
- in-process ``load_spec`` of the handbook: 0.90×-0.96× of the old one, which
  annotated legislation (now 4-10% of the old load, since the legislation
  table is cached; the issue's 37% was measured before that cache).

Results (issue 16, ``--repeat 15 --before`` a worktree of main at 47e947e
with its own ``.venv``, load average about 5; see benchmarks/README.md):
``legislation check`` 8.0× ``python -c pass`` against 11.1× before (0.72×,
wall and CPU), ``--version`` 0.40×, ``plugins`` 0.77×, ``--help`` 0.91×,
``show``/``parse`` of the handbook 0.92×-0.95×. The floor, ``python -c
'import typer'``, measured 5.8× in the same run, so the 2.5× goal is out of
reach with Typer; ``startup_breakdown.py`` shows where the rest goes.
Round 2 (``--repeat 11 --before`` main at 56ac6f8, load 4-5): ``legislation
check`` 8.2× CPU against 9.6× before (0.85× CPU) with the fast exit and the
cached ``register_legislation`` results; ``python -c 'import typer'`` 6.3×.
Round 3 (the start-up fast path: no Typer for a plain ``legislation``,
``parse`` or ``lint`` command line; no dataclasses, typing or pathlib on the
check's path; the console script, run from a folder without config;
``--repeat 15 --before`` a worktree of 47e947e, three runs, load about 1):
``legislation check`` 2.9×-3.6× CPU against 12.5×-13.2× before (0.25-0.30);
with ``--config`` 2.8×-4.5× against 19×-20×. The 2.5× goal is still not met:
the interpreter with ``re``, ``datetime`` and ``json`` is about 1.8×.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import PYTHON_BASELINE, checkout_python, command_env, corpus_dir

HANDBOOK = "cityandguilds-4417-customer-service-v2.8.txt"
CHECK_TEXT = "under the Data Protection Act 1998"
GOALS = {"legislation check": 2.5}
#: Every command imports Typer: no start-up can be faster than this.
FLOOR = "python -c 'import typer'"


def interleaved_medians(cases: dict[str, tuple[list[str], dict[str, str]]], repeat: int,
                        cwd: Path | None = None) -> dict[str, tuple[float, float]]:
    """Median wall time and median CPU time (user + system) of each case over ``repeat`` rounds
    (one warm-up round first). On a loaded machine the CPU time is the steadier of the two."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for round_number in range(repeat + 1):
        for name, (argv, env) in cases.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if done.returncode not in (0, 1):
                sys.exit(f"{name} failed: {done.stderr.decode(errors='replace').strip()}")
            if round_number:
                times[name].append((elapsed, cpu))
    return {name: (statistics.median(t[0] for t in values), statistics.median(t[1] for t in values))
            for name, values in times.items()}


def tree_command(tree: Path | None) -> tuple[list[str], dict[str, str]]:
    """The ``qualcli`` console script (what a user runs; ``python -m qualcli`` without one) and its
    environment, for commands run from ``tree`` (None: the installed qualcli)."""
    python, env = (sys.executable, command_env()) if tree is None else checkout_python(tree)
    script = Path(python).parent / "qualcli"
    if script.exists() and "PYTHONPATH" not in env:
        return [str(script)], env
    return [python, "-m", "qualcli"], env


def in_process(repeat: int) -> tuple[float, float]:
    """Fastest in-process load_spec of the handbook, and fastest annotation of a loaded copy."""
    from qualcli.legislation.annotate import annotate, references_in
    from qualcli.loading import load_spec

    path = corpus_dir() / "specs" / HANDBOOK
    annotate(load_spec(path))  # warm the legislation table and regexes
    load = annotation = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        doc = load_spec(path)
        loaded = time.perf_counter()
        references_in.cache_clear()
        annotate(doc)
        load, annotation = min(load, loaded - start), min(annotation, time.perf_counter() - loaded)
    return load, annotation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another checkout to time in the same rounds")
    args = parser.parse_args()
    handbook = str(corpus_dir() / "specs" / HANDBOOK)
    commands = {
        "legislation check": ["legislation", "check", CHECK_TEXT],
        "legislation check, with a qualcli.toml": ["legislation", "check", CHECK_TEXT, "--config", "CONFIG"],
        "--version": ["--version"],
        "--help": ["--help"],
        "plugins": ["plugins"],
        "show C&G handbook": ["show", handbook],
        "parse C&G handbook": ["parse", handbook],
    }
    trees = {"": None} if args.before is None else {"": None, " (before)": args.before}
    cases = {"python -c pass": (PYTHON_BASELINE, command_env()),
             FLOOR: ([*PYTHON_BASELINE[:-1], "import typer"], command_env())}
    for label, argv in commands.items():
        for suffix, tree in trees.items():
            qualcli, env = tree_command(tree)
            cases[f"qualcli {label}{suffix}"] = ([*qualcli, *argv], env)
    with tempfile.TemporaryDirectory() as folder:  # run where no config applies, as in most users' folders
        (Path(folder) / "work").mkdir()
        config = Path(folder) / "config" / "qualcli.toml"  # named with --config only
        config.parent.mkdir()
        config.write_text('[lint]\njurisdiction = "E"\n', encoding="utf-8")
        for argv, _ in cases.values():
            argv[:] = [str(config) if arg == "CONFIG" else arg for arg in argv]
        results = interleaved_medians(cases, args.repeat, cwd=Path(folder) / "work")
    base_wall, base_cpu = results["python -c pass"]
    print(f"Whole process, median of {args.repeat} interleaved rounds: wall time and CPU time as ratios")
    print(f"{'command':44} {'x python':>9} {'cpu x':>7} {'goal':>6} {'x before':>9} {'cpu':>6}")

    def row(name: str, goal: str = "", versus: tuple[float, float] | None = None) -> None:
        wall, cpu = results[name]
        against = f"{wall / versus[0]:9.2f} {cpu / versus[1]:6.2f}" if versus else ""
        print(f"{name:44} {wall / base_wall:9.2f} {cpu / base_cpu:7.2f} {goal:>6} {against}")

    row(FLOOR)
    for label in commands:
        for suffix in trees:
            name = f"qualcli {label}{suffix}"
            goal = f"≤ {GOALS[label]}" if label in GOALS and not suffix else ""
            row(name, goal, results[f"qualcli {label} (before)"] if len(trees) > 1 and not suffix else None)
    load, annotation = in_process(args.repeat)
    print(f"\nIn-process, fastest of {args.repeat}: loading the C&G handbook")
    print(f"{'load_spec now / load_spec + annotation (before)':58} {load / (load + annotation):6.2f}")
    print(f"{'annotation share of the old load_spec':58} {annotation / (load + annotation):6.2f}")


if __name__ == "__main__":
    main()
