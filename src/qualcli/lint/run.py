"""One ``qualcli lint`` run: settings, discovery, linting, baseline, output, exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from qualcli.asof import parse_date
from qualcli.legislation.rules import SEVERITIES, at_or_above
from qualcli.lint.extract import TEXT_SUFFIXES
from qualcli.lint.findings import FileReport, Finding
from qualcli.lint.settings import DEFAULT_FAIL_ON, LintConfig, Settings



@dataclass
class Options:
    """The command line of ``qualcli lint``."""

    paths: list[str]
    fmt: str = "text"
    fail_on: str | None = None
    as_of: str | None = None
    config: str | None = None
    jurisdiction: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    output: str | None = None
    jobs: int | None = None
    specs: bool = True
    changed_since: str | None = None


def supported_suffixes() -> set[str]:
    """Every suffix lint reads: text formats plus whatever readers are installed."""
    from qualcli import plugins

    return TEXT_SUFFIXES | set(plugins.readers())


def summary(findings: list[Finding], reports: list[FileReport], suppressed: int, baselined: int) -> str:
    """The one-line summary for stderr."""
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    if not findings:
        text = f"qualcli lint: {files}, no findings"
    else:
        counts = ", ".join(f"{sum(f.severity == s for f in findings)} {s}" for s in SEVERITIES)
        with_findings = len({f.path for f in findings})
        text = f"qualcli lint: {len(findings)} finding{'s' if len(findings) != 1 else ''} ({counts}) in {with_findings} of {files}"
    extras = []
    if suppressed:
        extras.append(f"{suppressed} suppressed")
    if baselined:
        extras.append(f"{baselined} in baseline")
    errors = sum(1 for r in reports if r.error)
    if errors:
        extras.append(f"{errors} unreadable")
    return text + (f"; {', '.join(extras)}" if extras else "")


def run(options: Options) -> int:
    """Run lint; returns the exit code (0 clean, 1 findings at/above --fail-on, 2 unreadable input)."""
    from qualcli.config import load_config
    from qualcli.lint.baseline import Anchor, read_baseline, write_baseline
    from qualcli.lint.discovery import discover
    from qualcli.lint.engine import lint_files
    from qualcli.lint.finish import Finisher, report_order
    from qualcli.lint.formats import RENDERERS
    from qualcli.lint.gitfiles import repository_root
    from qualcli.lint.settings import lint_config
    from qualcli.output import check_writable, write_output

    check_writable(options.output)  # refuse an unwritable -o before the work
    config: LintConfig = lint_config(load_config(Path.cwd(), options.config))
    settings = Settings(
        as_of=parse_date(options.as_of),
        jurisdiction=options.jurisdiction or config.jurisdiction or "E",
        severity=tuple(sorted(config.severity.items())),
        entries=tuple(config.entries),
        table_files=tuple(str(p) for p in config.legislation),
        specs=options.specs,
        config_file=config.source,
    )
    _check_table(settings)
    baseline = read_baseline(Path(options.baseline)) if options.baseline else None
    from qualcli.files import SPEC_SUFFIXES

    problems: list = []
    root = Path(config.root) if config.root is not None else None
    files = discover(options.paths, supported_suffixes(), config.include, config.exclude, root, SPEC_SUFFIXES, problems)
    if options.changed_since is not None:
        files = _changed_only(files, options.changed_since)
    finish = Finisher(Anchor(repository_root() or Path.cwd()), json_text=options.fmt == "json" and not options.write_baseline)
    reports = lint_files(files, settings, options.jobs, finish)
    for problem in problems:
        if problem.fatal:  # counted as an unreadable input: exit 2 once everything else is linted
            reports.append(FileReport(problem.path, error=problem.message))
        else:
            print(f"qualcli: warning: {problem.path}: {problem.message}", file=sys.stderr)
    findings = report_order(reports)  # each file's findings sorted and fingerprinted by ``finish``
    for report in reports:
        if report.error:
            print(f"qualcli: error: {report.path}: {report.error}", file=sys.stderr)
        for note in report.notes:
            print(f"qualcli: warning: {report.path}: {note}", file=sys.stderr)
    suppressed = sum(r.suppressed for r in reports)
    if options.write_baseline:
        if any(r.error for r in reports):  # a failed run writes nothing: the old baseline stays as it was
            print(f"qualcli: warning: {options.write_baseline}: baseline not written, as some input could not be read", file=sys.stderr)
            return 2
        write_baseline(findings, options.write_baseline)
        print(f"qualcli lint: wrote {len(findings)} finding(s) to baseline {options.write_baseline}", file=sys.stderr)
        return 0
    new = baseline.new(findings) if baseline else findings
    write_output(RENDERERS[options.fmt](new, reports), options.output)
    unreadable = sum(1 for r in reports if r.error)
    if unreadable < len(reports) or not reports:  # when nothing could be read, the error lines say it all
        print(summary(new, reports, suppressed, len(findings) - len(new)), file=sys.stderr)
    if unreadable:
        return 2
    threshold = options.fail_on or config.fail_on or DEFAULT_FAIL_ON
    return 1 if any(at_or_above(f.severity, threshold) for f in new) else 0


def _changed_only(files: list[str], ref: str) -> list[str]:
    """The files changed since git ``ref`` (see :func:`qualcli.lint.gitfiles.changed_since`)."""
    from qualcli.lint.gitfiles import changed_since

    changed = changed_since(ref)
    kept = [f for f in files if Path(f).resolve() in changed]
    print(f"qualcli lint: {len(kept)} of {len(files)} file(s) changed since {ref}", file=sys.stderr)
    return kept


def _check_table(settings: Settings) -> None:
    """Build the table once here so a bad config entry is reported before any file is read."""
    from qualcli.lint.engine import checker

    checker(settings)
