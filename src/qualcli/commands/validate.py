"""``qualcli validate``: check parsed spec files against the schema."""

from __future__ import annotations

from typing import List

import typer

from qualcli.commands.conventions import command


def validate(files: List[str] = typer.Argument(..., metavar="FILE...", help="Parsed spec files (.yaml .yml .json).")) -> None:
    """Check YAML/JSON spec files against schemas/spec.schema.json.

    Prints each violation as ``FILE: path: message``; exit 1 if any file has
    violations, 2 if a file cannot be read.
    """
    import sys
    from pathlib import Path

    from qualcli.specfile import load_data, spec_violations

    failed = 0
    for name in files:
        problems = spec_violations(load_data(Path(name)))
        for problem in problems:
            print(f"{name}: {problem}")
        if problems:
            failed += 1
        else:
            print(f"{name}: valid", file=sys.stderr)
    if failed:
        print(f"{failed} of {len(files)} file(s) invalid", file=sys.stderr)
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("validate", **command(
        "qualcli validate spec.yaml",
        "qualcli validate specs/*.json",
    ))(validate)
