"""``qualcli parse``: a document to the model, as YAML or JSON."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from qualcli.commands import NO_CACHE


class SpecFormat(str, Enum):
    yaml = "yaml"
    json = "json"


def parse(
    file: str = typer.Argument(..., help="Source document (.txt .md .html .pdf .docx ...) or parsed spec (.yaml .json)."),
    body: Optional[str] = typer.Option(None, "--body", help="Force the awarding body's parser (e.g. vtct)."),
    no_cache: bool = NO_CACHE,
    fmt: SpecFormat = typer.Option(SpecFormat.yaml, "--format", help="Output format."),
    out: Optional[str] = typer.Option(None, "-o", "--output", help="Write to this file ('-' for stdout)."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 1 when the parse lost structure (outcomes without criteria, criterion-like lines left over, units without credits)."
    ),
) -> None:
    """Parse a specification into the qualcli model."""
    import sys

    from qualcli.diagnostics import diagnose, summary
    from qualcli.loading import load_spec
    from qualcli.output import check_writable, write_output
    from qualcli.specfile import dump

    check_writable(out)  # refuse an unwritable -o before the work
    doc = load_spec(file, body, cache=not no_cache)
    write_output(dump(doc, fmt.value), out)
    print(summary(doc), file=sys.stderr)
    for warning in doc.warnings:
        print(f"{doc.source.path}: warning: {warning}", file=sys.stderr)
    if strict and (doc.diagnostics or diagnose(doc)).problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)
