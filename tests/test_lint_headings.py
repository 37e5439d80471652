"""A list of superseded Acts under a heading that says so is historical (QL006) in every format lint reads.

Lint reads through the readers, so its text has no Markdown ``#``, HTML
``<h2>`` or Word heading style left: the readers' heading kind says which
lines are headings. The same list under a plain heading is still reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ACTS = ["Sex Discrimination Act 1975", "Race Relations Act 1976"]  # both repealed by the Equality Act 2010
HISTORICAL = ["Repealed legislation", "Laws we used to follow (now replaced)", "Historical background"]
CURRENT = "Legislation staff must follow"


def write_markdown(path: Path, heading: str) -> None:
    items = "".join(f"- {act}\n" for act in ACTS)
    path.write_text(f"# Induction notes\n\nRead this page before your first shift.\n\n## {heading}\n\n{items}", encoding="utf-8")


def write_html(path: Path, heading: str) -> None:
    items = "".join(f"<li>{act}</li>" for act in ACTS)
    path.write_text(f"<html><body><h1>Induction notes</h1><p>Read this page before your first shift.</p>"
                    f"<h2>{heading}</h2><ul>{items}</ul></body></html>", encoding="utf-8")


def write_docx(path: Path, heading: str) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Induction notes", level=1)
    document.add_paragraph("Read this page before your first shift.")
    document.add_heading(heading, level=2)
    for act in ACTS:
        document.add_paragraph(act, style="List Bullet")
    document.save(path)


WRITERS = {".md": write_markdown, ".html": write_html, ".docx": write_docx}


def rules(qualcli, path: Path) -> list[tuple[str, str]]:
    result = qualcli("lint", path, "--format", "json", "--as-of", "2026-11-22", "--no-specs")
    assert result.code in (0, 1), result.stderr
    return [(f["matched_text"], f["rule"]) for f in json.loads(result.stdout)]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("heading", HISTORICAL)
def test_a_list_under_a_historical_heading_is_historical(tmp_path, qualcli, suffix, heading):
    path = tmp_path / f"notes{suffix}"
    WRITERS[suffix](path, heading)
    assert rules(qualcli, path) == [(act, "QL006") for act in ACTS]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_same_list_under_a_plain_heading_is_reported(tmp_path, qualcli, suffix):
    path = tmp_path / f"notes{suffix}"
    WRITERS[suffix](path, CURRENT)
    assert rules(qualcli, path) == [(act, "QL002") for act in ACTS]


def test_a_markdown_heading_mark_counts_anywhere_in_plain_text():
    """Without a reader's lines (``legislation check``, the library), a ``#`` heading further down still counts."""
    from qualcli.legislation.checks import check_reference
    from qualcli.legislation.finder import find_references
    from qualcli.legislation.table import shipped_table
    import datetime as dt

    items = "".join(f"- {act}\n" for act in ACTS)
    for heading, rule in (("## Old laws", "QL006"), (f"## {CURRENT}", "QL002")):
        text = f"Read this page first.\n\n{heading}\n\n{items}"
        found = [v.rule for ref in find_references(text)
                 for v in check_reference(ref, text, shipped_table(), dt.date(2026, 11, 22), "E")]
        assert found == [rule, rule], heading
