"""What is done with one file's findings where the file is linted (in a worker process on a large run).

Putting a file's findings in report order, giving each its fingerprint and,
for JSON output, writing its JSON text needs nothing from other files: a
fingerprint counts earlier findings of the same file only, and report order
sorts by path first. Done per file, that work runs in parallel with the
linting instead of after it, and the parent only orders the files.
"""

from __future__ import annotations

from qualcli.lint.baseline import Anchor, assign_fingerprints
from qualcli.lint.findings import FileReport, Finding


class Finisher:
    """Applied to each :class:`FileReport` as it is made (picklable: it travels to the workers)."""

    def __init__(self, anchor: Anchor, json_text: bool):
        self.anchor = anchor
        self.json_text = json_text

    def __call__(self, report: FileReport) -> None:
        """Sort ``report``'s findings into report order, fingerprint them (paths relative to the anchor)
        and, when JSON is to be written, set each one's ``json_text``."""
        findings = report.findings
        if not findings:
            return
        findings.sort(key=Finding.sort_key)
        assign_fingerprints(findings, self.anchor)
        if self.json_text:
            for finding in findings:
                finding.json_text = finding.json_item()


def report_order(reports: list[FileReport]) -> list[Finding]:
    """Every finding of ``reports`` (each finished by a :class:`Finisher`) in report order: the files by
    path, as one sort of all findings by :meth:`Finding.sort_key` would give them (one report per path)."""
    return [finding for report in sorted(reports, key=lambda r: r.path) for finding in report.findings]
