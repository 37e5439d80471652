"""``qualcli validate``: check parsed spec files against the schema."""

from __future__ import annotations

from typing import List

import typer


def validate(files: List[str] = typer.Argument(..., help="Parsed spec files (.yaml .yml .json).")) -> None:
    """Check YAML/JSON spec files against schemas/spec.schema.json.

    Prints each violation as ``FILE: path: message``. Exit codes: 0 all valid,
    2 any file invalid or unreadable. Source documents (.txt .pdf ...) are not
    parsed specs: run "qualcli parse" on them first.
    """
    import sys
    from pathlib import Path

    from qualcli.errors import QualcliError
    from qualcli.loading import SPEC_SUFFIXES
    from qualcli.specfile import load_data, spec_violations

    for name in files:
        if Path(name).suffix.lower() not in SPEC_SUFFIXES:
            raise QualcliError(f"not a parsed spec (.yaml .yml .json); for a source document run: qualcli parse {name}", name)
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
    app.command("validate")(validate)
