"""``qualcli parse``: a document to the model, as YAML or JSON."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from qualcli.commands import NO_CACHE
from qualcli.commands.conventions import command


class SpecFormat(str, Enum):
    yaml = "yaml"
    json = "json"


def parse(
    file: str = typer.Argument(..., help="Source document (.txt .md .html .pdf .docx ...) or parsed spec (.yaml .json)."),
    body: Optional[str] = typer.Option(None, "--body", metavar="ID", help="Force the awarding body's parser (e.g. vtct)."),
    no_cache: bool = NO_CACHE,
    fmt: SpecFormat = typer.Option(SpecFormat.yaml, "--format", "-f", help="Output format."),
    out: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE", help="Write to this file ('-' for stdout)."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 1 when the parse lost structure (outcomes without criteria, criterion-like lines left over, units without credits)."
    ),
    explain_detection: bool = typer.Option(
        False, "--explain-detection", help="Print to stderr what each parser said and why one was chosen."
    ),
) -> None:
    """Parse a specification into the qualcli model."""
    import sys

    from qualcli.diagnostics import diagnose, summary
    from qualcli.legislation.annotate import annotate
    from qualcli.loading import load_spec
    from qualcli.output import check_writable, write_output
    from qualcli.specfile import dump

    check_writable(out)  # refuse an unwritable -o before the work
    detections: list | None = [] if explain_detection else None
    try:
        doc = load_spec(file, body, detections, cache=not no_cache)
    finally:
        if detections is not None:
            explained = detections[0].explain() if detections else ["a parsed spec file: no parser was asked"]
            for line in explained:
                print(f"{file}: detection: {line}", file=sys.stderr)
    annotate(doc)  # the legislation each unit cites, found once, for the output
    write_output(dump(doc, fmt.value), out)
    print(summary(doc), file=sys.stderr)
    for warning in doc.warnings:
        print(f"{doc.source.path}: warning: {warning}", file=sys.stderr)
    if strict and (doc.diagnostics or diagnose(doc)).problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("parse", **command(
        "qualcli parse spec.pdf",
        "qualcli parse spec.docx --format json -o spec.json",
        "qualcli parse handbook.txt --body cityandguilds",
        "qualcli parse book.pdf --strict -o book.yaml",
    ))(parse)
