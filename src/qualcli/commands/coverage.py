"""``qualcli coverage``: which criteria of a spec the course materials teach."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from qualcli.commands.conventions import command


class CoverageFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


def coverage(
    spec: str = typer.Argument(..., metavar="SPEC", help="Source document or parsed spec."),
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Course materials: files or folders (md txt html docx pptx pdf)."),
    unit: Optional[str] = typer.Option(None, "--unit", metavar="CODE", help="Only this unit's criteria."),
    fmt: CoverageFormat = typer.Option(CoverageFormat.text, "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE", help="Write to this file ('-' for stdout; xlsx needs a file)."),
    body: Optional[str] = typer.Option(None, "--body", metavar="ID", help="Force the awarding body's parser."),
) -> None:
    """Show which criteria of SPEC the course materials teach, with evidence (file, line/page/slide, score).

    Passages (a paragraph, a list, a slide) are matched to criteria by TF-IDF similarity over word stems
    and everyday synonyms, so paraphrase counts. Exit codes: 0 success, 2 usage or input error.
    """
    from qualcli.coverage.report import RENDERERS
    from qualcli.coverage.run import coverage as run_coverage
    from qualcli.errors import QualcliError
    from qualcli.loading import load_spec
    from qualcli.output import write_output

    if fmt is CoverageFormat.xlsx and output in (None, "-"):
        raise QualcliError("--format xlsx writes a workbook: give a file with -o")
    result = run_coverage(load_spec(spec, body), spec, paths, unit)
    write_output(RENDERERS[fmt.value](result), output)


def register(app: typer.Typer) -> None:
    app.command("coverage", **command(
        "qualcli coverage spec.pdf materials/",
        "qualcli coverage spec.pdf schemes/ handouts/ --unit UBU23",
        "qualcli coverage spec.yaml materials/ --format xlsx -o coverage.xlsx",
    ))(coverage)
