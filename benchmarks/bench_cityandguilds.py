"""City & Guilds parser timings, as ratios (machine-independent).

Run: ``uv run python benchmarks/bench_cityandguilds.py [--repeat N]``. Needs
QUALCLI_CORPUS (default ../shared/corpus).

1. Whole process: ``qualcli parse`` of the 142 KB 4417 handbook and of the
   VTCT CS2D1 document, each as a ratio to ``python -c pass`` and the handbook
   as a ratio to the VTCT parse, all measured in the same run.
2. Linearity: the handbook's units chapter repeated 1x, 4x and 16x (each copy
   with its own unit codes, 201A, 201B, …) and parsed in-process (fastest
   of N runs); the parse time ratio to 1x is printed next to the size ratio.
   Linear parsing keeps the two close.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from timing import median_seconds

REPO = Path(__file__).resolve().parents[1]
HANDBOOK = "cityandguilds-4417-customer-service-v2.8.txt"
VTCT = "vtct-cs2d1-l2-diploma-customer-service.txt"




def units_chapter(text: str) -> tuple[str, str, str]:
    """The handbook split into (before the units, the units chapter, after it)."""
    start = re.search(r"^Unit \d{3}\b.*\n\nLevel:", text, re.M).start()
    end = re.search(r"^Relationships to other qualifications", text, re.M).start()
    return text[:start], text[start:end], text[end:]


def repeated(text: str, copies: int) -> str:
    """The handbook with its units chapter ``copies`` times, each copy with its own unit codes."""
    head, units, tail = units_chapter(text)
    renamed = []
    for copy in range(copies):
        suffix = chr(ord("A") + copy)
        renamed.append(re.sub(r"(?m)^(Unit\s+)(\d{3})(?:\s*/\s*(\d{3}))?", lambda m, s=suffix: _codes(m, s), units))
    return head + "".join(renamed) + tail


def _codes(match: re.Match, suffix: str) -> str:
    codes = [code + suffix for code in match.groups()[1:] if code]
    return match.group(1) + " / ".join(codes)


def parse_seconds(paths: list[Path], repeat: int) -> list[float]:
    """Fastest in-process read+parse time of each path over ``repeat`` interleaved rounds.

    Rounds alternate between the documents so that load from other processes
    falls on all of them alike; the fastest run is the least disturbed one (as
    ``timeit`` advises).
    """
    from qualcli_cityandguilds.plugin import CityAndGuildsParser

    from qualcli.loading import read_source

    parser = CityAndGuildsParser()
    best = [float("inf")] * len(paths)
    for _ in range(repeat + 1):
        for index, path in enumerate(paths):
            start = time.perf_counter()
            doc = parser.parse(read_source(path))
            best[index] = min(best[index], time.perf_counter() - start)
            assert doc.units, path
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus = Path(os.environ.get("QUALCLI_CORPUS", REPO.parent / "shared" / "corpus"))
    handbook, vtct = corpus / "specs" / HANDBOOK, corpus / "specs" / VTCT
    qualcli = [sys.executable, "-m", "qualcli", "parse"]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        f"qualcli parse {VTCT} (VTCT)": [*qualcli, str(vtct)],
        f"qualcli parse {HANDBOOK}": [*qualcli, str(handbook)],
    }
    results = {name: median_seconds(argv, args.repeat) for name, argv in cases.items()}
    base, vtct_time = results["python -c pass"], results[f"qualcli parse {VTCT} (VTCT)"]
    print("Whole process (median of", args.repeat, "runs)")
    print(f"{'command':75} {'x python':>9} {'x VTCT':>7}")
    for name, seconds in results.items():
        print(f"{name:75} {seconds / base:9.1f} {seconds / vtct_time:7.2f}")

    print("\nLinearity: units chapter repeated, in-process parse")
    print(f"{'copies':>6} {'KB':>7} {'x size':>7} {'x time':>7}")
    text = handbook.read_text(encoding="utf-8")
    copies = (1, 4, 16)
    with tempfile.TemporaryDirectory() as scratch:
        paths = [Path(scratch) / f"handbook-{n}x.txt" for n in copies]
        for n, path in zip(copies, paths):
            path.write_text(repeated(text, n), encoding="utf-8")
        sizes = [path.stat().st_size for path in paths]
        times = parse_seconds(paths, args.repeat)
    for n, size, seconds in zip(copies, sizes, times):
        print(f"{n:6} {size / 1024:7.0f} {size / sizes[0]:7.1f} {seconds / times[0]:7.1f}")


if __name__ == "__main__":
    main()
