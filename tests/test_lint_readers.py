"""``lint`` reads every format through the registered readers: split citations found, located at their start.

The readers give each line's place in the file (``Line.origins``) and its
markup (``Line.markup``); lint only joins their prose. So a citation that a
soft wrap, ``<br>`` or a PDF line break splits is found whatever the format,
and the finding points at the line and column where it starts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from qualcli.readers.html import HtmlReader
from qualcli.readers.text import lines_from_text
from tests.test_readers import draw_page


def _lint(path: Path) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, matched text) of each finding in ``path``."""
    from qualcli.lint.engine import lint_file
    from qualcli.lint.settings import Settings

    report = lint_file(str(path), Settings(as_of=dt.date(2026, 11, 22)))
    assert report.error is None, report.error
    return [(f.line, f.column, f.rule, " ".join(f.matched_text.split())) for f in report.findings]


def _rules_and_text(path: Path) -> Counter:
    return Counter((rule, text) for _, _, rule, text in _lint(path))


SPLIT = {  # file name, content, expected (line, column, rule, matched text)
    "soft-wrap-and-emphasis.md": (
        "# Refunds in the shop\n\nA customer who returns a kettle is covered by the **Sale of\n"
        "Goods** Act 1979, which our till guide still names.\n",
        [(3, 53, "QL001", "Sale of Goods Act 1979")],
    ),
    "heading-item-and-cell.md": (
        "## Data Protection Act 1998\n\n  - see the Data Protection\n    Act 1998 notes\n\n"
        "| Topic | Law |\n|---|---|\n| records |   Data Protection Act 1998 |\n",
        [(1, 4, "QL002", "Data Protection Act 1998"), (3, 13, "QL002", "Data Protection Act 1998"),
         (8, 15, "QL002", "Data Protection Act 1998")],
    ),
    "soft-wrap.txt": (
        "Staff training notes\n\nWhen handling returns staff follow the Sale of Goods\nAct 1979 and the store policy.\n",
        [(3, 40, "QL001", "Sale of Goods Act 1979")],
    ),
    "br-entities-and-cells.html": (
        "<html><body>\n<p>Tills &amp; refunds:\n   the <b>Sale of Goods</b><br>Act 1979 applies.</p>\n"
        "<table><tr><td>Records</td><td>Data&nbsp;Protection\n Act 1998</td></tr></table>\n</body></html>\n",
        [(3, 11, "QL001", "Sale of Goods Act 1979"), (4, 32, "QL002", "Data Protection Act 1998")],
    ),
}


@pytest.mark.parametrize("name", SPLIT)
def test_split_citation_found_at_its_start(tmp_path, name):
    content, expected = SPLIT[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert _lint(path) == expected


def test_pdf_citation_over_two_lines_is_located_at_its_start(tmp_path):
    def draw(page):
        page.setFont("Helvetica", 10)
        page.drawString(72, 700, "Learners should know that refunds are covered by the Sale of Goods")
        page.drawString(72, 688, "Act 1979 and by what replaced it for consumers.")

    (finding,) = _lint(draw_page(tmp_path / "handout.pdf", draw))
    assert finding == (1, 54, "QL001", "Sale of Goods Act 1979")


def test_line_positions_from_the_text_reader():
    lines = lines_from_text("# Title with **bold**\n  - item `code`\n| a |  b |\n", markdown=True)
    assert [line.position(0) for line in lines] == [(1, 3), (2, 5), (3, 3)]
    assert lines[2].text == "a\tb" and lines[2].position(2) == (3, 8)
    assert [lines[0].text[s:e] for s, e in lines[0].prose_spans()] == ["Title with ", "bold"]
    assert [lines[1].text[s:e] for s, e in lines[1].prose_spans()] == ["item "]


def test_line_positions_from_the_html_reader(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<p>A &amp; B\n    <i>C</i></p>", encoding="utf-8")
    (line,) = HtmlReader().read(page, page.read_bytes()).lines
    assert line.text == "A & B C"
    assert [line.position(i) for i in (0, 2, 4, 6)] == [(1, 4), (1, 6), (1, 12), (2, 8)]


# -- the corpus: the same findings from a spec's text, Word and PDF -------------------------------

VTCT = "vtct-cs2d1-l2-diploma-customer-service"
SPECS = ("cityandguilds-4417-customer-service-v2.8", "pearson-btec-l1-principles-customer-service-issue2", VTCT)


def test_corpus_rendered_pair_gives_the_text_findings(corpus):
    expected = _rules_and_text(corpus / "specs" / f"{VTCT}.txt")
    assert _rules_and_text(corpus / "rendered" / f"{VTCT}.docx") == expected
    assert _rules_and_text(corpus / "rendered" / f"{VTCT}.pdf") == expected


@pytest.mark.parametrize("name", SPECS)
def test_corpus_spec_text_and_word_give_the_same_findings(corpus, tmp_path, name):
    from tests.support.render import text_to_docx

    text = corpus / "specs" / f"{name}.txt"
    expected = _rules_and_text(text)
    assert _rules_and_text(text_to_docx(text.read_text(encoding="utf-8"), tmp_path / f"{name}.docx")) == expected


def test_corpus_handbook_printed_by_libreoffice_gives_the_text_findings(corpus, tmp_path):
    from tests.support.libreoffice import soffice, text_to_libreoffice_pdf

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    name = SPECS[0]
    text = corpus / "specs" / f"{name}.txt"
    expected = _rules_and_text(text)
    assert {rule for rule, _ in expected} >= {"QL001", "QL002"}
    assert _rules_and_text(text_to_libreoffice_pdf(text.read_text(encoding="utf-8"), tmp_path, name)) == expected


def test_html_reader_places_every_character_in_the_page(tmp_path):
    """Random pages of tags, references (with and without ";"), comments, breaks and runs of white space:
    each character of a line's text that the page spells out is found at ``Line.position`` in the page."""
    import random

    rng = random.Random(5)
    parts = ["<p>", "</p>", "<br>", "&amp;", "&amp", "&#65;", "&#65", "&", ";", "Act", " ", "\n", "  ", "<li>", "<td>",
             "<tr>", "&nbsp;", "Sale", "&copy", "AT&T", "<b>", "</b>", "x", "<pre>", "</pre>", "<!-- c -->"]
    checked = 0
    for index in range(300):
        page = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 40)))
        path = tmp_path / f"{index}.html"
        path.write_text(page, encoding="utf-8")
        rows = page.split("\n")
        for line in HtmlReader().read(path, path.read_bytes()).lines:
            for offset, char in enumerate(line.text):
                if char.isspace() or char in "&;A\u00a9":  # also what a reference decodes to
                    continue
                number, column = line.position(offset)
                assert rows[number - 1][column - 1] == char, (page, line.text, offset)
                checked += 1
    assert checked > 1000
