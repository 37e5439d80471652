"""Pearson parser timings, as ratios (machine-independent).

Run: ``uv run python benchmarks/bench_pearson.py [--repeat N]``.
Needs QUALCLI_CORPUS (default ../shared/corpus, next to the repository).

1. Whole process: ``qualcli parse`` of the BTEC Specialist specification, the
   unit XML and the unit's Word draft, each as a ratio to ``python -c pass``
   and the specification as a ratio to the City & Guilds handbook (similar size).
2. Linearity: the specification's units repeated 1x, 4x and 16x (each copy
   with its own unit numbers) and parsed in-process; the time ratio to 1x is
   printed next to the size ratio. Linear parsing keeps the two close.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

from timing import median_seconds

REPO = Path(__file__).resolve().parents[1]
SPEC = "specs/pearson-btec-l1-principles-customer-service-issue2.txt"
OTHERS = {
    "unit XML": "specs-extra/pearson-btec-first-unit1-patterns-of-child-development.xml",
    "unit DOCX": "specs-extra/pearson-btec-first-unit1-patterns-of-child-development-draft.docx",
}
HANDBOOK = "specs/cityandguilds-4417-customer-service-v2.8.txt"


def repeated_units(text: str, copies: int) -> str:
    """The specification with its units ``copies`` times, unit numbers shifted by 10 per copy."""
    start = re.search(r"(?m)^Unit 1: .*\n\nUnit reference number", text).start()  # not the contents line
    end = re.search(r"(?m)^\d+ Further information", text[start:]).start() + start
    head, units, tail = text[:start], text[start:end], text[end:]
    copies_text = [
        re.sub(r"(?m)^Unit (\d+):", lambda m, c=copy: f"Unit {int(m.group(1)) + 10 * c}:", units)
        for copy in range(copies)
    ]
    return head + "".join(copies_text) + tail


def linearity(corpus: Path, repeat: int) -> None:
    from qualcli.readers.text import TextReader
    from qualcli_pearson.specialist.parser import SpecialistParser

    text = (corpus / SPEC).read_text(encoding="utf-8")
    parser, base = SpecialistParser(), None
    for copies in (1, 4, 16):
        data = repeated_units(text, copies).encode("utf-8")
        source = TextReader().read(Path("spec.txt"), data)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            doc = parser.parse(source)
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        base = base or (seconds, len(data))
        print(
            f"  {copies:>2}x units: {len(doc.units):>3} units, size x{len(data) / base[1]:.1f}, "
            f"parse time x{seconds / base[0]:.1f}"
        )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=5)
    args = options.parse_args()
    corpus = Path(os.environ.get("QUALCLI_CORPUS", REPO.parent / "shared" / "corpus"))
    python = median_seconds([sys.executable, "-c", "pass"], args.repeat)
    qualcli = [sys.executable, "-m", "qualcli", "parse"]  # YAML on stdout, which the timer discards
    spec = median_seconds([*qualcli, str(corpus / SPEC)], args.repeat)
    handbook = median_seconds([*qualcli, str(corpus / HANDBOOK)], args.repeat)
    print("Whole process, as a ratio to `python -c pass`:")
    print(f"  BTEC Specialist specification (142 KB): x{spec / python:.1f} (x{spec / handbook:.2f} the C&G handbook)")
    for label, name in OTHERS.items():
        print(f"  {label}: x{median_seconds([*qualcli, str(corpus / name)], args.repeat) / python:.1f}")
    print("In-process parse of the specification with its units repeated:")
    linearity(corpus, args.repeat)


if __name__ == "__main__":
    main()
