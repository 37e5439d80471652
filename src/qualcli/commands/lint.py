"""``qualcli lint``: out-of-date legislation in specs and course materials."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from qualcli.commands.conventions import command


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Jurisdiction(str, Enum):
    UK = "UK"
    GB = "GB"
    EW = "EW"
    E = "E"
    W = "W"
    S = "S"
    NI = "NI"


def lint(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files and folders (folders are searched recursively; hidden and git-ignored paths are skipped)."),
    fmt: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="Output format."),
    fail_on: Optional[Severity] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity [default: warning, or fail-on in config]."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="Judge the law as of this date (YYYY-MM-DD) [default: today]."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file (qualcli.toml or pyproject.toml) instead of the one found by walking up."),
    jurisdiction: Optional[Jurisdiction] = typer.Option(None, "--jurisdiction", help="Where the material is used [default: E, or jurisdiction in config]."),
    baseline: Optional[str] = typer.Option(None, "--baseline", metavar="FILE", help="Do not report findings recorded in this baseline file."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", metavar="FILE", help="Record all current findings in this baseline file and exit 0."),
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE", help="Write findings to this file ('-' for stdout)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1, metavar="N", help="Worker processes for large trees [default: every core]."),
    specs: bool = typer.Option(True, "--specs/--no-specs", help="Parse spec documents with the plugins to locate findings to unit › criterion."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF",
                                                help="Only files changed since git REF (its merge base with HEAD), uncommitted and untracked ones included."),
) -> None:
    """Check legislation references in specs and course materials.

    Reads .md .txt .html .docx .pptx .pdf (and any format a plugin reader adds).
    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or unreadable input.

    \b
    Rules:
      QL001 superseded          warning  replaced (wholly or for part of its scope) by a successor
      QL002 repealed            error    repealed, revoked or largely repealed
      QL003 wrong-year          warning  the year cited is not the instrument's
      QL004 outdated-name       warning  outdated or incorrect name (EU GDPR -> UK GDPR)
      QL005 unknown-instrument  info     an Act/Regulations/Order the table does not know
      QL006 historical-mention  info     the sentence itself says the instrument was replaced
      QL007 not-yet-in-force    info     not yet in force on the --as-of date

    \b
    Suppress: <!-- qualcli-disable QL001 --> ... <!-- qualcli-enable -->,
    <!-- qualcli-disable-line -->, <!-- qualcli-disable-next-line -->, or "# qualcli: ignore[QL002]".
    """
    from qualcli.actions.lint import lint_paths

    raise typer.Exit(lint_paths(
        paths, fmt=fmt.value, fail_on=fail_on.value if fail_on else None, as_of=as_of, config=config,
        jurisdiction=jurisdiction.value if jurisdiction else None, baseline=baseline, write_baseline=write_baseline,
        output=output, jobs=jobs, specs=specs, changed_since=changed_since,
    ))


def register(app: typer.Typer) -> None:
    app.command("lint", **command(
        "qualcli lint materials/",
        "qualcli lint materials/ --format sarif -o lint.sarif",
        "qualcli lint spec.pdf --as-of 2024-01-01 --fail-on error",
        "qualcli lint . --changed-since origin/main --format github",
        "qualcli lint . --write-baseline .qualcli-baseline.json",
    ))(lint)
