"""Run every check on the given specs and report the findings in the lint style."""

from __future__ import annotations

import json
from pathlib import Path

from qualcli.check import sizes, structure, units
from qualcli.check.issue import Issue
from qualcli.check.rules import RULES
from qualcli.lint.findings import Finding
from qualcli.model import SpecDocument

CHECKS = (sizes.check, structure.check, units.check)
FAILING = ("error", "warning")


def issues(doc: SpecDocument) -> list[Issue]:
    """Every issue in one document, check by check."""
    return [issue for check in CHECKS for issue in check(doc)]


def findings(path: str, doc: SpecDocument) -> list[Finding]:
    """The document's issues as located findings, in file order.

    Lines refer to the source document: for a parsed spec (.yaml/.json) that is
    the ``source.path`` recorded in it.
    """
    from qualcli.lint.baseline import assign_fingerprints
    from qualcli.lint.gitfiles import repository_root
    from qualcli.loading import SPEC_SUFFIXES

    where = doc.source.path if Path(path).suffix.lower() in SPEC_SUFFIXES and doc.source else path
    out = []
    for issue in issues(doc):
        line = issue.line or 1
        label = " › ".join(issue.location.values()) or None
        out.append(Finding(where, line, 1, line, 1, issue.rule, RULES[issue.rule].severity, issue.message, issue.subject,
                           page=issue.page, location=dict(issue.location), location_label=label))
    out.sort(key=Finding.sort_key)
    assign_fingerprints(out, repository_root() or Path.cwd())  # the same anchor as lint's, so fingerprints agree
    return out


def render(found: list[Finding], fmt: str) -> str:
    """``text`` (path:line:col: RULE message [where]), ``json`` (schemas/check.schema.json) or ``sarif``."""
    from qualcli.lint.formats import render_text, sarif_log

    if fmt == "text":
        return render_text(found, [])
    if fmt == "sarif":
        return json.dumps(sarif_log(found, RULES), indent=2, ensure_ascii=False) + "\n"
    rows = []
    for finding in found:
        row = {key: value for key, value in finding.to_dict().items() if key not in ("instrument", "successor", "matched_text")}
        row["name"] = RULES[finding.rule].name
        row["subject"] = finding.matched_text
        rows.append(row)
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def exit_code(found: list[Finding]) -> int:
    """1 when any finding is a warning or an error, else 0."""
    return 1 if any(f.severity in FAILING for f in found) else 0
