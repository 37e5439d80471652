"""PDFs printed by LibreOffice from a Word document read as the text they were made from.

The renders go to a temporary folder (nothing from the corpus is committed);
tests that need LibreOffice skip, saying so, when ``soffice`` is not installed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualcli.readers.pdf import PdfReader
from tests.support.libreoffice import soffice, texts_to_libreoffice_pdfs
from tests.support.render import placed_pages_to_pdf

needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")

# Own words, in the layout of a structure table: six equal columns, long words in narrow cells.
# A word that fills its cell's line ("Safeguarding") before a word broken on the next is told from
# the first part of one long word by the document printing the second word inside a line elsewhere.
NARROW_CELLS = "\n".join(
    [
        "Units of the award",
        "Code\tReference\tTitle\tNotes\tCredits\tLevel",
        "QX1\tK/123/4567\tSafeguarding responsibilities in telecommunications\tInterdepartmental arrangements\t4\t2",
        "QX2\tM/123/4568\tUnderstanding counterproductive behaviours\tSee the glossary which follows\t3\t2",
        "Each learner completes both units; safeguarding responsibilities are the same in each.",
    ]
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Every text this module prints, by one LibreOffice run: NARROW_CELLS as "narrow", and the corpus specs
    when $QUALCLI_CORPUS has them (the ``corpus`` fixture in the tests skips or fails when it does not)."""
    texts = {"narrow": NARROW_CELLS}
    corpus = os.environ.get("QUALCLI_CORPUS")
    names = [spec if isinstance(spec, str) else spec.values[0] for spec in CORPUS_SPECS]
    paths = {name: Path(corpus or ".") / "specs" / f"{name}.txt" for name in names}
    texts |= {name: path.read_text(encoding="utf-8") for name, path in paths.items() if corpus and path.is_file()}
    return texts_to_libreoffice_pdfs(texts, tmp_path_factory.mktemp("libreoffice"))


def _read(path: Path):
    return PdfReader().read(path, path.read_bytes())


@needs_libreoffice
def test_words_broken_in_narrow_cells_are_whole_again(printed):
    source = _read(printed["narrow"])
    rows = [tuple(" ".join(cell.split()) for cell in line.cells) for line in source.lines if line.cells]
    assert rows == [tuple(line.split("\t")) for line in NARROW_CELLS.splitlines() if "\t" in line]
    assert source.warnings == []


def test_a_word_broken_after_its_hyphen_at_a_line_end_is_joined(tmp_path):
    """LibreOffice prints no space after a hyphen where it broke a word: the block's next line goes on the word."""
    pdf = placed_pages_to_pdf(
        [[("Lines are staffed on a 24-", 72, 100, 10), ("hour basis by the team.", 72, 112, 10), ("A new paragraph - then", 72, 150, 10), ("more words.", 72, 162, 10)]],
        tmp_path / "hyphen.pdf",
    )
    texts = [line.text for line in _read(pdf).lines]
    assert texts == ["Lines are staffed on a 24-hour basis by the team.", "A new paragraph - then", "more words."]


CORPUS_SPECS = [
    "vtct-cs2d1-l2-diploma-customer-service",
    pytest.param(
        "cityandguilds-4417-customer-service-v2.8",
        marks=pytest.mark.xfail(strict=True, reason="the text's 'one- to- one' wraps after 'to-' with no space printed, as a word broken at its hyphen does"),
    ),
    pytest.param(
        "pearson-btec-l1-principles-customer-service-issue2",
        marks=pytest.mark.xfail(strict=True, reason="a key cell that starts a row at a page's top in lower case ('www.') is taken for the rest of the row above"),
    ),
]


@needs_libreoffice
@pytest.mark.parametrize("name", CORPUS_SPECS)
def test_corpus_spec_printed_by_libreoffice_gives_the_text_model(corpus, printed, name):
    from qualcli.diff.compare import diff_documents
    from qualcli.loading import load_spec

    text_path, pdf = corpus / "specs" / f"{name}.txt", printed[name]
    assert diff_documents(load_spec(text_path), load_spec(pdf)).changes == []
