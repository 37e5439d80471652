"""Scale benchmark for ``qualcli map``: N x N synthetic units, about 12 criteria each.

Run: ``uv run python benchmarks/bench_map.py [--sizes 500 1000 2000 4000] [--json] [--nos]``;
the large sizes once by hand, they are slow: ``--sizes 8000 20000``. ``--nos``
maps the first document's N units to the shipped NOS catalogue instead
(``map --to nos``): blockwise sparse products, so memory follows the block. In
one run, before that change (dense unit-texts x catalogue-texts arrays) and
after: 2,000 units 2.52 -> 2.17 CPU s and 191 -> 119 MiB peak, 4,000 units
4.42 -> 3.78 CPU s and 309 -> 160 MiB (synthetic words: no standard inferred).

Two synthetic documents of N units are built in memory (deterministic seed).
Unit i of the second document is a reworded copy of unit i of the first for a
half of the units, shares a third of its criteria for a quarter, and is
unrelated for the rest; all criteria draw on one shared vocabulary with common
words, so most unit pairs share some words. Each size runs in a fresh
subprocess so its peak memory (``resource.getrusage`` ru_maxrss) is its own.
Every criterion also carries two words shared by all ("customer service"), as
real criteria do, so the common-word part of the similarity product is dense.
Reported: the mapping wall time and CPU time (all N x N unit pairs, with
criterion detail for the mapped pairs; building the inputs excluded), the peak
memory of the process and its growth from the size before (per doubling when
sizes double), and the mapped pairs by relation, with the goals beside them.

Growth: only candidate pairs are scored (each unit's 40 nearest units on rare
words, see ``qualcli.mapping.similarity.candidates``), so time and memory grow
with the number of units, not of unit pairs. Measured on the 2-core machine
(wall time depends on other load; CPU time does not), peak MiB at 500, 1,000,
2,000, 4,000, 8,000 and 20,000 units: 80, 110, 189, 293, 426, 789 (at most
x1.72 per doubling); CPU seconds 1.6, 2.5, 4.5, 7.3, 14.2, 38.0 (20,000: 138 s
wall at load 8). Before candidate pairs (scoring every pair), in one run with
the same inputs: 2,000 units 12.4 CPU s and 323 MiB (now 0.42x and 0.58x),
4,000 units 44.5 CPU s and 1,003 MiB (now 0.19x and 0.29x), same pairs found.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

CRITERIA_PER_UNIT = (10, 14)  # inclusive range: about 12
SEED = 2026


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(5, 9))))
    return sorted(words)


def synthetic_documents(n: int):
    """Two SpecDocuments of ``n`` units each, related unit by unit as described above."""
    from qualcli.model import Criterion, LearningOutcome, Source, SpecDocument, Unit

    rng = random.Random(SEED + n)
    vocabulary = _vocabulary(rng, 6000)
    common = vocabulary[:300]  # words every topic may use

    def sentence(topic: list[str]) -> str:
        words = rng.sample(topic, 5) + rng.sample(common, 3)
        rng.shuffle(words)
        return " ".join(words) + " customer service"

    def reword(text: str, topic: list[str]) -> str:
        words = text.split()
        words[rng.randrange(len(words))] = rng.choice(topic)
        return " ".join(words)

    def unit(code: str, criteria: list[str]) -> Unit:
        outcomes, per = [], 4
        for o in range(0, len(criteria), per):
            chunk = criteria[o : o + per]
            ref = str(o // per + 1)
            outcomes.append(LearningOutcome(ref=ref, text=f"outcome {ref}", criteria=[Criterion(ref=f"{ref}.{k}", text=t) for k, t in enumerate(chunk, 1)]))
        return Unit(code=code, title=f"unit {code}", learning_outcomes=outcomes)

    old_units, new_units = [], []
    for i in range(n):
        topic = rng.sample(vocabulary[300:], 40)
        criteria = [sentence(topic) for _ in range(rng.randint(*CRITERIA_PER_UNIT))]
        old_units.append(unit(f"A{i}", criteria))
        kind = i % 4
        if kind in (0, 1):  # reworded copy
            new = [reword(c, topic) for c in criteria]
        elif kind == 2:  # a third kept, the rest new
            other = rng.sample(vocabulary[300:], 40)
            new = criteria[: len(criteria) // 3] + [sentence(other) for _ in range(len(criteria) - len(criteria) // 3)]
        else:  # unrelated
            other = rng.sample(vocabulary[300:], 40)
            new = [sentence(other) for _ in range(rng.randint(*CRITERIA_PER_UNIT))]
        new_units.append(unit(f"B{i}", new))

    def doc(name: str, units) -> SpecDocument:
        return SpecDocument(source=Source(path=name, sha256="0" * 64, format="txt"), body="synthetic", units=units)

    return [doc("old.yaml", old_units), doc("new.yaml", new_units)]


def run_one(n: int, to_nos: bool = False) -> dict:
    """Map one size in this process and measure it (``to_nos``: the first document's units to the NOS catalogue)."""
    from collections import Counter

    from qualcli.mapping.nos_map import map_nos
    from qualcli.mapping.relations import add_criterion_detail, map_units
    from qualcli.nos.catalogue import catalogue

    docs = synthetic_documents(n)
    standards = catalogue() if to_nos else None
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if standards is not None:
        result = map_nos(docs[:1], standards)
    else:
        result = map_units(docs)
        add_criterion_detail(result)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak_kib = after.ru_maxrss  # KiB on Linux
    criteria = sum(len(o.criteria) for d in docs for u in d.units for o in u.learning_outcomes)
    return {
        "units": n,
        "unit_pairs": n * (len(standards) if standards is not None else n),  # unit x standard pairs with --nos
        "criteria": criteria,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_mib": round(peak_kib / 1024),
        "pairs": dict(sorted(Counter(p.relation for p in result.pairs).items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    parser.add_argument("--json", action="store_true", help="Print results as JSON lines.")
    parser.add_argument("--nos", action="store_true", help="Map the first document's N units to the NOS catalogue (map --to nos) instead.")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size here
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.nos)))
        return
    rows = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), *(["--nos"] if args.nos else [])], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"size {n} failed")
        rows.append(json.loads(proc.stdout))
    if args.json:
        print("\n".join(json.dumps(r) for r in rows))
        return
    print(f"load average before: {os.getloadavg()[0]:.1f} (other work on the machine slows the wall time)")
    print("goals: 2,000 units under a minute; peak at 4,000 < 500 MiB, growing <= 2.2x per doubling; 20,000 under 5 minutes and 8 GB")
    print(f"{'units':>6} {'unit pairs':>11} {'criteria':>9} {'seconds':>8} {'cpu s':>7} {'peak MiB':>9} {'growth':>7}  pairs by relation")
    previous = None
    for r in rows:
        growth = f"x{r['peak_mib'] / previous['peak_mib']:.2f}" if previous else ""
        print(
            f"{r['units']:>6} {r['unit_pairs']:>11,} {r['criteria']:>9,} {r['seconds']:>8.2f} "
            f"{r['cpu_seconds']:>7.2f} {r['peak_mib']:>9,} {growth:>7}  {r['pairs']}"
        )
        previous = r


if __name__ == "__main__":
    main()
