"""Baselines: record today's findings so that only new ones are reported.

A finding's fingerprint is a hash of its path, rule, matched text (case and
spacing normalised) and occurrence index (how many earlier findings in the
same file have the same rule and text). Line numbers are not part of it, so
a baseline survives edits that move text around; a second, new citation of
the same out-of-date Act in the same file is still reported.

The path in a fingerprint is relative to an anchor folder, never to the
working directory: a baseline file anchors its paths at its own folder, so
it works whichever folder lint runs from; the fingerprints in SARIF, GitLab
and JSON output are anchored at the repository root (the working directory
outside a repository). Version 1 baselines (paths relative to the working
directory they were written from) are still read that way.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from qualcli.errors import QualcliError
from qualcli.lint.findings import Finding

BASELINE_VERSION = 2


@dataclass(frozen=True)
class Baseline:
    """The fingerprints in a baseline file and the folder their paths are relative to."""

    anchor: Path
    fingerprints: frozenset[str]

    def new(self, findings: list[Finding]) -> list[Finding]:
        """The findings (in report order) that the baseline does not record."""
        return [f for f, key in zip(findings, fingerprints(findings, self.anchor)) if key not in self.fingerprints]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def anchored_path(path: str, anchor: Path) -> str:
    """``path`` relative to ``anchor``, /-separated (absolute when outside it)."""
    return anchored_paths([path], anchor)[path]


class Anchor:
    """A folder that paths are made relative to (:func:`anchored_path`), it and each folder of theirs resolved once."""

    def __init__(self, folder: Path):
        self.root = folder.resolve()
        self._folders: dict[str, Path] = {}

    def relative(self, path: str) -> str:
        """``path`` relative to the anchor, /-separated (absolute when outside it)."""
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            resolved = Path(path).resolve()
        else:
            if folder not in self._folders:
                self._folders[folder] = Path(folder or ".").resolve()
            resolved = self._folders[folder] / name
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()


def anchored_paths(paths, anchor: Path | Anchor) -> dict[str, str]:
    """Each distinct path in ``paths`` -> its :func:`anchored_path` (the anchor and each folder resolved once)."""
    anchor = anchor if isinstance(anchor, Anchor) else Anchor(anchor)
    return {path: anchor.relative(path) for path in set(paths)}


def _occurrences(findings: list[Finding], norms: list[str]) -> list[int]:
    """For each finding, how many earlier ones in its file have the same rule and text (``norms``: each one's text, normalised)."""
    seen: Counter = Counter()
    out = []
    for finding, norm in zip(findings, norms):
        key = (finding.path, finding.rule, norm)
        out.append(seen[key])
        seen[key] += 1
    return out


def _norms(findings: list[Finding]) -> list[str]:
    """Each finding's matched text, case and spacing normalised (each distinct text once)."""
    done: dict[str, str] = {}
    return [done.get(f.matched_text) or done.setdefault(f.matched_text, _norm(f.matched_text)) for f in findings]


def fingerprints(findings: list[Finding], anchor: Path | Anchor) -> list[str]:
    """The fingerprint of each finding (``findings`` in report order), paths taken relative to ``anchor``."""
    paths = anchored_paths((f.path for f in findings), anchor)
    norms = _norms(findings)
    out = []
    for finding, norm, occurrence in zip(findings, norms, _occurrences(findings, norms)):
        raw = "\0".join((paths[finding.path], finding.rule, norm, str(occurrence)))
        out.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16])
    return out


def assign_fingerprints(findings: list[Finding], anchor: Path | Anchor) -> None:
    """Set ``fingerprint`` on every finding, paths relative to ``anchor``."""
    for finding, key in zip(findings, fingerprints(findings, anchor)):
        finding.fingerprint = key


def baseline_data(findings: list[Finding], anchor: Path) -> dict:
    """The baseline file's content for ``findings``, paths relative to ``anchor`` (the file's folder)."""
    keys = fingerprints(findings, anchor)
    return {
        "version": BASELINE_VERSION,
        "findings": [
            {"fingerprint": key, "path": anchored_path(f.path, anchor), "rule": f.rule, "matched_text": f.matched_text, "occurrence": n}
            for f, key, n in zip(findings, keys, _occurrences(findings, _norms(findings)))
        ],
    }


def write_baseline(findings: list[Finding], out: str) -> None:
    """Write the baseline for ``findings`` to ``out`` (atomically), paths relative to its folder."""
    from qualcli.output import write_output

    anchor = Path(out).resolve().parent
    write_output(json.dumps(baseline_data(findings, anchor), indent=2, ensure_ascii=False) + "\n", out)


def read_baseline(path: Path) -> Baseline:
    """The baseline in a file; a missing or malformed file is a one-line error."""
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
    anchor = path.resolve().parent if data["version"] >= 2 else Path.cwd()
    return Baseline(anchor, frozenset(item["fingerprint"] for item in data["findings"]))
