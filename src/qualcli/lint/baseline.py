"""Baselines: record today's findings so that only new ones are reported.

A finding's fingerprint is a hash of its path, rule, matched text (case and
spacing normalised) and occurrence index (how many earlier findings in the
same file have the same rule and text). Line numbers are not part of it, so
a baseline survives edits that move text around; a second, new citation of
the same out-of-date Act in the same file is still reported.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from qualcli.errors import QualcliError
from qualcli.lint.findings import Finding

BASELINE_VERSION = 1


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _occurrences(findings: list[Finding]) -> list[int]:
    """For each finding, how many earlier ones in its file have the same rule and text."""
    seen: Counter = Counter()
    out = []
    for finding in findings:
        key = (finding.path, finding.rule, _norm(finding.matched_text))
        out.append(seen[key])
        seen[key] += 1
    return out


def assign_fingerprints(findings: list[Finding]) -> None:
    """Set ``fingerprint`` on every finding (``findings`` in report order)."""
    for finding, occurrence in zip(findings, _occurrences(findings)):
        raw = "\0".join((finding.path, finding.rule, _norm(finding.matched_text), str(occurrence)))
        finding.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def baseline_data(findings: list[Finding]) -> dict:
    """The baseline file's content for ``findings`` (fingerprints assigned)."""
    return {
        "version": BASELINE_VERSION,
        "findings": [
            {"fingerprint": f.fingerprint, "path": f.path, "rule": f.rule, "matched_text": f.matched_text, "occurrence": n}
            for f, n in zip(findings, _occurrences(findings))
        ],
    }


def write_baseline(findings: list[Finding], out: str) -> None:
    """Write the baseline for ``findings`` to ``out`` (atomically)."""
    from qualcli.output import write_output

    write_output(json.dumps(baseline_data(findings), indent=2, ensure_ascii=False) + "\n", out)


def read_baseline(path: Path) -> set[str]:
    """The fingerprints in a baseline file; a missing or malformed file is a one-line error."""
    from qualcli.schemas import violations

    if not path.is_file():
        raise QualcliError("baseline file not found", str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise QualcliError(f"not a baseline file (invalid JSON: {exc})", str(path)) from None
    problems = list(violations(data, "lint-baseline"))
    if problems:
        raise QualcliError(f"not a baseline file: {problems[0]}", str(path))
    return {item["fingerprint"] for item in data["findings"]}
