"""``qualcli show``: a readable tree of a document or one unit."""

from __future__ import annotations

from typing import Optional

import typer

from qualcli.commands import NO_CACHE


def show(
    file: str = typer.Argument(..., help="Source document or parsed spec."),
    unit: Optional[str] = typer.Argument(None, help="Unit code to show in full (e.g. UBU19)."),
    body: Optional[str] = typer.Option(None, "--body", help="Force the awarding body's parser."),
    no_cache: bool = NO_CACHE,
) -> None:
    """Show a document's qualifications and units, or one unit in full."""
    import sys

    from qualcli.diagnostics import report
    from qualcli.loading import load_spec
    from qualcli.tree import render

    doc = load_spec(file, body, cache=not no_cache)
    report(doc, file)
    sys.stdout.write(render(doc, unit, path=file))


def register(app: typer.Typer) -> None:
    app.command("show")(show)
