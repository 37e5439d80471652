"""How fast hostile input is refused, as ratios (machine-independent).

Run: ``uv run python benchmarks/bench_safety.py [--repeat N]``.

Each hostile file is cheap to make and used to cost tens of seconds and
gigabytes; qualcli now refuses it before doing the expensive work. Printed
for each: the refusal's wall time as a ratio to ``python -c pass`` and to a
normal ``qualcli parse`` of the example spec (a refusal should cost no more
than a parse), and its peak memory (from ``os.wait4``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import PYTHON_BASELINE, QUALCLI, REPO, command_env, median_seconds

sys.path.insert(0, str(REPO))
from tests.support.hostile import docx_of_paragraphs, spec_alias_bomb  # noqa: E402

EXAMPLE = REPO / "examples" / "salon-reception-2016.txt"


def peak_mb(argv: list[str]) -> float:
    """Peak resident memory of one run of ``argv``, in MB."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=command_env())
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=5)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        bomb = folder / "bomb.yaml"
        bomb.write_text(spec_alias_bomb(60), encoding="utf-8")
        cases = {
            f"YAML alias bomb ({bomb.stat().st_size} B, 216,000 criteria)": ["show", bomb],
            "DOCX inflating to 64 MiB of XML": ["parse", docx_of_paragraphs(folder / "big.docx", 1_900_000)],
            "DOCX of 200,000 tiny paragraphs": ["lint", docx_of_paragraphs(folder / "tiny.docx", 200_000)],
        }
        python = median_seconds(PYTHON_BASELINE, args.repeat)
        parse = median_seconds([*QUALCLI, "parse", str(EXAMPLE)], args.repeat)
        print(f"normal parse of the example: x{parse / python:.1f} `python -c pass`, {peak_mb([*QUALCLI, 'parse', str(EXAMPLE)]):.0f} MB")
        for label, command in cases.items():
            argv = [*QUALCLI, *map(str, command)]
            seconds = median_seconds(argv, args.repeat, ok_codes=(2,))
            print(f"{label} refused: x{seconds / python:.1f} `python -c pass`, x{seconds / parse:.2f} a normal parse, {peak_mb(argv):.0f} MB")


if __name__ == "__main__":
    main()
