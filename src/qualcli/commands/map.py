"""``qualcli map``: unit-to-unit and unit-to-NOS mapping matrices, with evidence."""

from __future__ import annotations

from typing import List, Optional, Tuple

import typer

from qualcli.commands import NO_CACHE


def map_command(
    files: List[str] = typer.Argument(..., help="Source documents or parsed specs (one file maps within itself)."),
    to: str = typer.Option("units", "--to", help="What to map units to: units | nos."),
    fmt: str = typer.Option("markdown", "--format", "-f", help="csv | csv-matrix | xlsx | json | markdown | html."),
    out: Optional[str] = typer.Option(None, "-o", "--output", help="Write to this file ('-' for stdout)."),
    within: bool = typer.Option(False, "--within", help="Also map units of the same document to each other."),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Leave out pairs scoring below this (0-1)."),
    overrides: Optional[str] = typer.Option(None, "--overrides", help="YAML file of curated decisions to apply."),
    update: bool = typer.Option(False, "--update", help="Append new candidate pairs to the --overrides file."),
    explain_pair: Optional[Tuple[str, str]] = typer.Option(
        None, "--explain", metavar="A B", help="Print the criterion pairs behind one cell (CODE or DOCUMENT:CODE)."
    ),
    body: Optional[str] = typer.Option(None, "--body", help="Force the awarding body's parser for source documents."),
    no_cache: bool = NO_CACHE,
) -> None:
    """Map units of one or more specifications to each other (--to units) or to NOS (--to nos).

    Relations: F full, X full plus new (all of A covered, B has more), P partial.
    Every pair carries a score (0-1) and the evidence behind it.
    """
    import sys
    from pathlib import Path

    from qualcli.errors import QualcliError
    from qualcli.loading import load_spec
    from qualcli.mapping.exporters import FORMATS, keep, render
    from qualcli.mapping.units import document_labels
    from qualcli.output import check_writable, write_output

    check_writable(out)  # refuse an unwritable -o before the work (and before --update touches the overrides)
    if to not in ("units", "nos"):
        raise QualcliError(f"--to must be units or nos, not {to!r}")
    if fmt not in FORMATS:
        raise QualcliError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if min_score is not None and not 0.0 <= min_score <= 1.0:
        raise QualcliError(f"--min-score must be between 0 and 1, not {min_score}")
    if update and not overrides:
        raise QualcliError("--update needs --overrides FILE (the file to add candidates to)")
    if to == "nos" and (overrides or explain_pair):
        raise QualcliError("--overrides and --explain apply to --to units")
    if fmt == "xlsx" and out in (None, "-") and sys.stdout.isatty():
        raise QualcliError("xlsx is a binary format: give -o FILE.xlsx")

    docs = [load_spec(path, body, cache=not no_cache) for path in files]
    from qualcli.diagnostics import report

    for path, doc in zip(files, docs):
        report(doc, path)
    if to == "units":
        from qualcli.mapping.relations import add_criterion_detail, map_units

        result = map_units(docs, within=within)
        if explain_pair:
            from qualcli.mapping.explain import explain

            write_output(explain(result, *explain_pair), out)
            return
        if overrides and Path(overrides).exists():
            from qualcli.mapping.overrides import apply_decisions, load_decisions

            apply_decisions(result, load_decisions(Path(overrides)), overrides)
        elif overrides and not update:
            raise QualcliError("no such file", overrides)
    else:
        from qualcli.mapping.nos_map import map_nos
        from qualcli.nos.catalogue import catalogue

        cat = catalogue()
        for warning in cat.warnings:
            print(f"qualcli: warning: {warning}", file=sys.stderr)
        result = map_nos(docs, cat)
    result.pairs = keep(result.pairs, min_score)
    if to == "units":
        add_criterion_detail(result)
    if update:
        from qualcli.mapping.overrides import update_file
        added = update_file(Path(overrides), result)
        print(f"qualcli: {added} candidate pair(s) added to {overrides}", file=sys.stderr)
    documents = [
        {k: v for k, v in {"document": label, "body": d.body, "path": d.source.path, "title": d.title, "version": d.version}.items() if v}
        for label, d in zip(document_labels(docs), docs)
    ]
    groups = None
    if fmt == "html":
        from qualcli.mapping.render_html import unit_groups

        groups = unit_groups(docs, document_labels(docs))
    write_output(render(result, fmt, to, documents, min_score, groups), out)


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)
