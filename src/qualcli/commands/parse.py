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
    from qualcli.actions.parse import parse_document

    code = parse_document(file, body, no_cache, fmt.value, out, strict, explain_detection)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("parse", **command(
        "qualcli parse spec.pdf",
        "qualcli parse spec.docx --format json -o spec.json",
        "qualcli parse handbook.txt --body cityandguilds",
        "qualcli parse book.pdf --strict -o book.yaml",
    ))(parse)
