"""Output formats for lint findings: text, json, sarif, github, junit, gitlab.

- ``text``: ``path:line:col: QL001 warning message (suggestion: ...)`` (ruff's
  layout, with the severity), then ``[unit SRX02 › 1.4 (d.)]`` for a spec and
  ``(page N)`` for paged formats.
- ``json``: a list of findings (``schemas/lint.schema.json``).
- ``sarif``: SARIF 2.1.0, one run, rules with default levels, results with
  regions and ``partialFingerprints`` (the baseline fingerprint).
- ``github``: workflow commands (``::error file=...,line=...,col=...,title=QL001::message``).
- ``junit``: JUnit XML, one test case per file linted, a failure per finding.
- ``gitlab``: GitLab Code Quality JSON (``schemas/gitlab-codequality.schema.json``):
  paths relative to the repository root, the baseline fingerprint.
"""

from __future__ import annotations

from qualcli.legislation.rules import RULES
from qualcli.lint.findings import FileReport, Finding
from qualcli.lint.jsonout import dumps, list_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render_text(findings: list[Finding], reports: list[FileReport]) -> str:
    """One line per finding: ``path:line:col: RULE severity message (suggestion: ...) [location] (page N)``."""
    out = []
    for f in findings:
        suggestion = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        where = f" [{f.location_label}]" if f.location_label else ""
        page = f" (page {f.page})" if f.page else ""
        out.append(f"{f.path}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message}{suggestion}{where}{page}")
    return "".join(line + "\n" for line in out)


def render_json(findings: list[Finding], reports: list[FileReport]) -> str:
    """The findings as a JSON list."""
    return list_text([f.json_item() if f.json_text is None else f.json_text for f in findings]) + "\n"


def sarif_log(findings: list[Finding], table: dict | None = None) -> dict:
    """A SARIF 2.1.0 log object (``table``: the rules reported, lint's by default)."""
    from qualcli import __version__

    table = RULES if table is None else table
    rule_ids = list(table)
    rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in table.values()
    ]
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
        result = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}],
            "partialFingerprints": {"qualcli/v1": f.fingerprint},
            "properties": {"matchedText": f.matched_text, "instrument": f.instrument, "successor": f.successor},
        }
        if f.suggestion:
            result["properties"]["suggestion"] = f.suggestion
        if f.location_label:
            result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": f.location_label, "kind": "module"}]
        if f.page:
            result["properties"]["page"] = f.page
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "qualcli", "version": __version__, "informationUri": "https://qualcli.dev", "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths as they are (with %-escapes), absolute ones as file:// URIs."""
    from pathlib import PurePath
    from urllib.parse import quote

    return PurePath(path).as_uri() if PurePath(path).is_absolute() else quote(path)


def render_sarif(findings: list[Finding], reports: list[FileReport]) -> str:
    """The findings as a SARIF 2.1.0 log."""
    return dumps(sarif_log(findings)) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding], reports: list[FileReport]) -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    out = []
    for f in findings:
        props = f"file={_escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},title={f.rule}"
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f'{f.rule} {f.message}')}\n")
    return "".join(out)


def render_junit(findings: list[Finding], reports: list[FileReport]) -> str:
    """JUnit XML: a test case per file, failing with one <failure> per finding."""
    import xml.etree.ElementTree as ET

    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suites = ET.Element("testsuites", name="qualcli lint")
    failures = sum(1 for r in reports if by_path.get(r.path))
    errors = sum(1 for r in reports if r.error)
    suite = ET.SubElement(suites, "testsuite", name="qualcli lint", tests=str(len(reports)),
                          failures=str(failures), errors=str(errors), skipped="0")
    for report in reports:
        case = ET.SubElement(suite, "testcase", classname="qualcli.lint", name=report.path)
        if report.error:
            ET.SubElement(case, "error", message=report.error, type="unreadable").text = report.error
        for f in by_path.get(report.path, []):
            failure = ET.SubElement(case, "failure", message=f"{f.rule} {f.message}", type=f.rule)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"
    suites.set("tests", str(len(reports)))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def render_gitlab(findings: list[Finding], reports: list[FileReport]) -> str:
    """GitLab Code Quality report: one issue per finding, located by repository-relative path and lines."""
    from pathlib import Path

    from qualcli.lint.baseline import anchored_paths
    from qualcli.lint.gitfiles import repository_root

    paths = anchored_paths((f.path for f in findings), repository_root() or Path.cwd())
    issues = []
    for f in findings:
        suggestion = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        issues.append({
            "description": f"{f.message}{suggestion}",
            "check_name": f.rule,
            "fingerprint": f.fingerprint,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": paths[f.path], "lines": {"begin": f.line, "end": f.end_line}},
        })
    return dumps(issues) + "\n"


RENDERERS = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "gitlab": render_gitlab,
}
