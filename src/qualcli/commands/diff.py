"""``qualcli diff``: what changed between two versions of a specification."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from qualcli.commands import NO_CACHE


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def diff(
    old: str = typer.Argument(..., metavar="OLD", help="The older version: source document or parsed spec."),
    new: str = typer.Argument(..., metavar="NEW", help="The newer version: source document or parsed spec."),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", help="Output format."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when there are differences."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="FIELD",
                                               help="Leave out changes to FIELD (repeatable), e.g. guidance, nos, version_history."),
    body: Optional[str] = typer.Option(None, "--body", help="Force the awarding body's parser for both documents."),
    no_cache: bool = NO_CACHE,
    out: Optional[str] = typer.Option(None, "-o", "--output", help="Write to this file ('-' for stdout)."),
) -> None:
    """Show every change between two versions of a specification.

    Qualifications are matched by number, units by code, Ofqual reference,
    then title and content; outcomes and criteria by ref, then wording, so a
    renumbered criterion is reported as moved. Layout (line wrapping, page
    breaks, bullets, source format) is never a difference.
    """
    import sys

    from qualcli.diff.compare import diff_documents
    from qualcli.loading import load_spec
    from qualcli.output import check_writable, write_output

    check_writable(out)  # refuse an unwritable -o before the work
    old_doc, new_doc = load_spec(old, body, cache=not no_cache), load_spec(new, body, cache=not no_cache)
    from qualcli.diagnostics import report as report_parse

    report_parse(old_doc, old), report_parse(new_doc, new)
    if old_doc.body != new_doc.body:
        print(f"qualcli: warning: comparing a {old_doc.body} document with a {new_doc.body} one", file=sys.stderr)
    report = diff_documents(old_doc, new_doc, ignore or ())
    if fmt is DiffFormat.json:
        from qualcli.diff.render_json import render_json

        text = render_json(report)
    elif fmt is DiffFormat.markdown:
        from qualcli.diff.render_markdown import render_markdown

        text = render_markdown(report)
    elif fmt is DiffFormat.html:
        from qualcli.diff.render_html import render_html

        text = render_html(report, old_doc, new_doc)
    else:
        from qualcli.diff.render_text import render_text, use_colour

        text = render_text(report, colour=out in (None, "-") and use_colour(sys.stdout))
    write_output(text, out)
    if exit_code and report.changes:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
