"""Timing helpers shared by the benchmark scripts.

Whole-process timings are taken as a user's machine would see them: with
Python's bytecode cache on (this workplace sets PYTHONDONTWRITEBYTECODE,
which would make every run recompile every module), after one warm-up run.
Report ratios measured in the same run, never lone times.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Benchmarks time parsing, so the cache of parsed documents is off (bench_cache.py turns it on).
os.environ.setdefault("QUALCLI_NO_CACHE", "1")
QUALCLI = [sys.executable, "-m", "qualcli"]
PYTHON_BASELINE = [sys.executable, "-c", "pass"]


def corpus_dir() -> Path:
    """$QUALCLI_CORPUS, or ../shared/corpus beside the repository."""
    return Path(os.environ.get("QUALCLI_CORPUS", REPO.parent / "shared" / "corpus"))


def command_env() -> dict[str, str]:
    """The environment for timed commands: bytecode cache enabled."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def checkout_python(tree: Path | None) -> tuple[str, dict[str, str]]:
    """The interpreter and environment that run the code of checkout ``tree`` (None: this one, as installed).

    A tree with its own ``.venv`` (a ``git worktree`` of another commit after
    ``uv sync``) runs with that interpreter, since its dependencies may differ;
    otherwise this interpreter runs it with the tree's ``src`` and
    ``plugins/*/src`` first on ``PYTHONPATH``.
    """
    env = command_env()
    env.pop("PYTHONPATH", None)
    if tree is None:
        return sys.executable, env
    python = tree / ".venv" / "bin" / "python"
    if python.exists():
        return str(python), env
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in [tree / "src", *sorted(tree.glob("plugins/*/src"))])
    return sys.executable, env


def median_seconds(argv: list[str], repeat: int, ok_codes: tuple[int, ...] = (0,)) -> float:
    """Median wall time of ``argv`` over ``repeat`` runs, after one warm-up run.

    Exits with the command's error when the warm-up run's exit code is not in
    ``ok_codes`` (``diff --exit-code`` and ``lint`` exit 1 on findings).
    """
    env = command_env()
    warm = subprocess.run(argv, capture_output=True, text=True, env=env)
    if warm.returncode not in ok_codes:
        sys.exit(f"{' '.join(map(str, argv))} failed: {warm.stderr.strip()}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_ratios(cases: dict[str, list[str]], repeat: int, title: str = "command", width: int = 45) -> None:
    """Time every case (the first one is the baseline) and print each median with its ratio to the baseline."""
    results = {name: median_seconds(argv, repeat) for name, argv in cases.items()}
    base = next(iter(results.values()))
    print(f"{title:{width}} {'median s':>9} {'x python':>9}")
    for name, seconds in results.items():
        print(f"{name:{width}} {seconds:9.3f} {seconds / base:9.1f}")
