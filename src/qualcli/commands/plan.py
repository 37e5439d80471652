"""``qualcli plan``: rules of combination — check a choice of units or suggest the fewest-GLH route."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from qualcli.commands.conventions import command


class PlanFormat(str, Enum):
    text = "text"
    json = "json"


def plan(
    spec: str = typer.Argument(..., metavar="SPEC", help="Source document or parsed spec."),
    qualification: Optional[str] = typer.Option(None, "--qualification", metavar="QN", help="Qualification number or title (needed when the document defines several)."),
    units: Optional[str] = typer.Option(None, "--units", metavar="CODES", help="Check this choice: unit codes separated by commas."),
    suggest: bool = typer.Option(False, "--suggest", help="Find the valid route with the fewest GLH (ties: fewer credits, then document order)."),
    prefer: Optional[str] = typer.Option(None, "--prefer", metavar="CODES", help="With --suggest: include as many of these units as a valid route allows (comma-separated)."),
    exclude: Optional[str] = typer.Option(None, "--exclude", metavar="CODES", help="With --suggest: never choose these units (comma-separated)."),
    fmt: PlanFormat = typer.Option(PlanFormat.text, "--format", "-f", help="Output format."),
    body: Optional[str] = typer.Option(None, "--body", metavar="ID", help="Force the awarding body's parser."),
) -> None:
    """Check a choice of units against a qualification's rules of combination, or suggest the best route.

    Exit codes: 0 valid (or a route was found), 1 invalid (or no valid route), 2 usage or input
    error, including a qualification whose rules could not be structured.
    """
    import sys

    from qualcli.loading import load_spec
    from qualcli.plan.report import render_json, render_text
    from qualcli.plan.run import plan as run_plan

    result = run_plan(load_spec(spec, body), qualification, units, suggest, prefer, exclude)
    sys.stdout.write(render_json(result) if fmt is PlanFormat.json else render_text(result))
    raise typer.Exit(0 if result.valid else 1)


def register(app: typer.Typer) -> None:
    app.command("plan", **command(
        "qualcli plan spec.pdf --units UBU19,UBU20,UBU21,UBU22,UBU23,UBU24",
        "qualcli plan spec.pdf --suggest",
        "qualcli plan spec.pdf --suggest --prefer UBU30 --exclude UBU8 --format json",
    ))(plan)
