"""``qualcli nos list|show CODE``: the National Occupational Standards catalogue."""

from __future__ import annotations

from typing import Optional

import typer

from qualcli.commands.conventions import command, group

nos_app = group(
    "Browse the NOS catalogue (shipped standards plus those plugins add).",
    "qualcli nos list --suite 'customer service'",
    "qualcli nos show cfacsa8",
)


@nos_app.command("list", **command("qualcli nos list", "qualcli nos list --suite hairdressing --json"))
def list_standards(
    suite: Optional[str] = typer.Option(None, "--suite", metavar="TEXT", help="Only standards whose suite title or id contains this text."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List every standard: code, title and suite, in natural code order."""
    import json

    from qualcli.nos.catalogue import catalogue

    cat = catalogue()
    _warn(cat.warnings)
    wanted = suite.lower() if suite else None
    standards = [s for s in cat if not wanted or wanted in s.suite_label().lower() or wanted in s.suite.lower()]
    if as_json:
        print(json.dumps([s.to_dict() for s in standards], indent=2, ensure_ascii=False))
        return
    width = max((len(s.code) for s in standards), default=0)
    for s in standards:
        mark = "" if s.confidence in (None, "confirmed") else f"  [{s.confidence}]"
        print(f"{s.code:<{width}}  {s.title}  — {s.suite_label()}{mark}")


@nos_app.command("show", **command("qualcli nos show CFACSA8", "qualcli nos show 'cfam&laa1' --json"))
def show_standard(
    code: str = typer.Argument(..., help="NOS code, e.g. CFACSA1 or CFAM&LAA1 (case-insensitive)."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Show one standard with its suite, provenance and any known statements."""
    import json

    from qualcli.nos.catalogue import catalogue

    cat = catalogue()
    _warn(cat.warnings)
    s = cat.show(code)
    if as_json:
        print(json.dumps(s.to_dict(), indent=2, ensure_ascii=False))
        return
    print(f"{s.code}: {s.title}")
    print(f"  suite: {s.suite_label()}")
    print(f"  title confidence: {s.confidence or 'as registered'} (from {s.origin})")
    if s.note:
        print(f"  note: {s.note}")
    for alias in s.aliases:
        print(f"  also named: {alias}")
    for heading, statements in (("performance", s.performance), ("knowledge", s.knowledge)):
        if statements:
            print(f"  {heading} statements:")
            print("\n".join(f"    {i}. {text}" for i, text in enumerate(statements, 1)))
    if s.source and (s.performance or s.knowledge):
        print(f"  statements from: {s.source}")
    if not (s.performance or s.knowledge):
        print("  statements: not in the catalogue")


def _warn(messages: list[str]) -> None:
    import sys

    for message in messages:
        print(f"qualcli: warning: {message}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.add_typer(nos_app, name="nos")
