"""``qualcli parse``: a document to the model, as YAML or JSON."""

from __future__ import annotations

import sys


def parse_document(file: str, body: str | None = None, no_cache: bool = False, fmt: str = "yaml",
                   out: str | None = None, strict: bool = False, explain_detection: bool = False) -> int:
    """Parse ``file`` and write the model as ``fmt`` to ``out`` (stdout when None or ``-``), the summary
    and warnings to stderr; 1 with ``strict`` when the parse lost structure, else 0."""
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
    write_output(dump(doc, fmt), out)
    print(summary(doc), file=sys.stderr)
    for warning in doc.warnings:
        print(f"{doc.source.path}: warning: {warning}", file=sys.stderr)
    return 1 if strict and (doc.diagnostics or diagnose(doc)).problems else 0
