"""plan / check / coverage timings, as ratios (machine-independent).

Run: ``uv run python benchmarks/bench_plan.py [--repeat N]``. Needs
QUALCLI_CORPUS (default ../shared/corpus) and writes only to a temporary folder.

The VTCT CS2D1 book (39 units, four rule groups) is parsed once to JSON; then,
in the same run, the median wall time of each command on that JSON is printed
as a ratio to ``python -c pass`` and to ``qualcli show`` of the same file (the
cost of starting qualcli and loading the spec):

- ``plan --suggest``: the exact fewest-GLH route and the two next best (SciPy milp);
- ``check``: every QC rule, including the fewest-GLH route for QC004;
- ``coverage``: the book's 78 criteria against the 14 test materials.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import PYTHON_BASELINE, QUALCLI, REPO, command_env, corpus_dir, median_seconds

VTCT = "specs/vtct-cs2d1-l2-diploma-customer-service.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    sys.path.insert(0, str(REPO))
    from tests.support.materials import assemble

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "cs2d1.json"
        subprocess.run([*QUALCLI, "parse", str(corpus_dir() / VTCT), "--format", "json", "-o", str(spec)],
                       check=True, env=command_env(), capture_output=True)
        materials = assemble(Path(tmp) / "materials")
        python = median_seconds(PYTHON_BASELINE, repeat)
        show = median_seconds([*QUALCLI, "show", str(spec)], repeat)
        print(f"qualcli show (load the spec): {show / python:.1f}x python -c pass")
        for name, args in (
            ("plan --suggest", ["plan", str(spec), "--suggest"]),
            ("check", ["check", str(spec)]),
            ("coverage (14 files)", ["coverage", str(spec), str(materials)]),
        ):
            seconds = median_seconds([*QUALCLI, *args], repeat)
            print(f"{name}: {seconds / python:.1f}x python -c pass, {seconds / show:.2f}x qualcli show")


if __name__ == "__main__":
    main()
