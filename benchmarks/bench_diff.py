"""``qualcli diff`` timings, as ratios (machine-independent).

Run: ``uv run python benchmarks/bench_diff.py [--repeat N]``. Needs
QUALCLI_CORPUS (default ../shared/corpus).

The 142 KB City & Guilds 4417 handbook (version 2.8) is diffed against an
older-looking version of itself, written to a temporary folder: the guidance
additions its 2.8 change log lists taken out again and the version number put
back to 2.7. Printed:

1. Whole process: ``qualcli diff OLD NEW`` as a ratio to ``qualcli parse NEW``
   (the issue's measure: diffing two versions costs about two parses).
2. In process: ``diff_documents`` alone as a ratio to parsing one version,
   i.e. what alignment and comparison (with finding the legislation each
   version cites, which loading no longer does) add on top of reading the
   documents.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import median_seconds

REPO = Path(__file__).resolve().parents[1]
HANDBOOK = "cityandguilds-4417-customer-service-v2.8.txt"
ADDED_IN_2_8 = ("social networking sites", "online chat", "instant chat", "feedback submitted online eg: product or service reviews")


def older_version(text: str) -> str:
    """The handbook as it might have read before 2.8: additions removed, version 2.7."""
    lines = []
    for line in text.splitlines():
        bare = re.sub(r"^[-•○\s]*", "", line).lower()
        if any(bare.startswith(phrase) for phrase in ADDED_IN_2_8):
            continue
        for phrase in ADDED_IN_2_8:
            line = re.sub(rf"(?:,|\s+and)?\s+{re.escape(phrase)}", "", line, flags=re.IGNORECASE)
        lines.append(line.replace("Version 2.8", "Version 2.7"))
    return "\n".join(lines) + "\n"




def in_process(old: Path, new: Path, repeat: int) -> tuple[float, float, int]:
    """Median seconds to load one version, to diff the two loaded versions, and the number of changes."""
    from qualcli.diff.compare import diff_documents
    from qualcli.diff.normalise import comparable
    from qualcli.legislation.annotate import references_in
    from qualcli.loading import load_spec

    loads, diffs = [], []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        new_doc = load_spec(new)
        loads.append(time.perf_counter() - start)
        old_doc = load_spec(old)
        comparable.cache_clear()  # measure a cold diff, as one command run is
        references_in.cache_clear()
        start = time.perf_counter()
        report = diff_documents(old_doc, new_doc)
        diffs.append(time.perf_counter() - start)
    return statistics.median(loads[1:]), statistics.median(diffs[1:]), len(report.changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus = Path(os.environ.get("QUALCLI_CORPUS", REPO.parent / "shared" / "corpus"))
    new = corpus / "specs" / HANDBOOK
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "handbook-2.7.txt"
        old.write_text(older_version(new.read_text(encoding="utf-8")), encoding="utf-8")
        qualcli = [sys.executable, "-m", "qualcli"]
        diff_time = median_seconds([*qualcli, "diff", str(old), str(new)], args.repeat)
        parse_time = median_seconds([*qualcli, "parse", str(new)], args.repeat)
        load, compare, changes = in_process(old, new, args.repeat)
    print(f"handbook: {new.stat().st_size / 1024:.0f} KB; {changes} changes found between the two versions")
    print(f"whole process: qualcli diff / qualcli parse = {diff_time / parse_time:.2f}")
    print(f"in process: diff_documents / parsing one version = {compare / load:.3f}")


if __name__ == "__main__":
    main()
