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


# Own words: compounds written with spaced hyphens ("face- to- face") and closed ones ("face-to-face"),
# pushed along the line one letter at a time so that LibreOffice breaks some after their last hyphen;
# it prints no space there either way, so the compound's own spacing must tell them apart.
COMPOUND_PARAGRAPHS = [
    f"Trainers on the course meet each learner for reviews and give {'w' * shift} a {compound} session every month."
    for compound in ("face- to- face", "face-to-face", "day- to- day")
    for shift in range(1, 15)
]
# A table of one-line rows whose key cells begin in lower case, long enough to cross a page
# break between two rows, and a table of tall rows that LibreOffice splits across a page.
ADDRESS_ROWS = [f"www.example{n}.org.uk\tPart {n} of the guides for trainers" for n in range(1, 71)]
TALL_ROWS = [
    f"Topic {n}\t" + " ".join(f"learners practise skill {n}.{k} with a partner and then write notes" for k in range(1, 16))
    for n in range(1, 7)
]
LAYOUTS = "\n".join([*COMPOUND_PARAGRAPHS, "Websites", *ADDRESS_ROWS, "Practice topics", *TALL_ROWS, "End of the list."])


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Every text this module prints, by one LibreOffice run: NARROW_CELLS as "narrow", LAYOUTS as "layouts", and
    the corpus specs when $QUALCLI_CORPUS has them (the ``corpus`` fixture in the tests skips or fails when it does not)."""
    texts = {"narrow": NARROW_CELLS, "layouts": LAYOUTS}
    corpus = os.environ.get("QUALCLI_CORPUS")
    names = [spec if isinstance(spec, str) else spec.values[0] for spec in CORPUS_SPECS]
    paths = {name: Path(corpus or ".") / "specs" / f"{name}.txt" for name in names}
    texts |= {name: path.read_text(encoding="utf-8") for name, path in paths.items() if corpus and path.is_file()}
    return texts_to_libreoffice_pdfs(texts, tmp_path_factory.mktemp("libreoffice"))


def _read(path: Path):
    return PdfReader().read(path, path.read_bytes())


@pytest.fixture(scope="module")
def layouts(printed):
    return _read(printed["layouts"])


def _printed_lines(pdf: Path) -> list[str]:
    """Every line of the PDF's page text as PDFium gives it (a line-end hyphen followed by a letter marked U+FFFE)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[index].get_textpage() for index in range(len(document))]
        return [line for textpage in pages for line in textpage.get_text_range().split("\r\n")]
    finally:
        document.close()


@needs_libreoffice
def test_a_compound_broken_after_its_hyphen_keeps_its_own_spacing(printed, layouts):
    broken = [line for line in _printed_lines(printed["layouts"]) if "to\ufffe" in line]
    assert any("- to\ufffe" in line for line in broken) and any("-to\ufffe" in line for line in broken), (
        "no spaced and no closed compound fell at a line's end: the fixture no longer shows the case"
    )
    text = " ".join(line.text for line in layouts.lines if not line.cells)
    for paragraph in COMPOUND_PARAGRAPHS:
        assert paragraph in text


@needs_libreoffice
def test_rows_at_a_page_top_are_new_rows_or_the_rest_of_a_split_row_by_the_room_left(layouts):
    rows = [line.cells for line in layouts.lines if line.cells]
    pages = {line.page for line in layouts.lines if line.cells}
    assert len(pages) >= 3, "the tables no longer cross page breaks: the fixture no longer shows the case"
    assert [tuple(" ".join(cell.split()) for cell in row) for row in rows] == [
        tuple(row.split("\t")) for row in [*ADDRESS_ROWS, *TALL_ROWS]
    ]


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


def test_a_spaced_compound_broken_after_its_hyphen_keeps_the_space(tmp_path):
    """'face- to-' at a line's end, as LibreOffice prints 'face- to- face' (no space after the last hyphen)."""
    pdf = placed_pages_to_pdf(
        [[("Reviews are held face- to-", 72, 100, 10), ("face each month, and a day-to-", 72, 112, 10), ("day log is kept.", 72, 124, 10)]],
        tmp_path / "compound.pdf",
    )
    assert [line.text for line in _read(pdf).lines] == ["Reviews are held face- to- face each month, and a day-to-day log is kept."]


CORPUS_SPECS = [
    "vtct-cs2d1-l2-diploma-customer-service",
    "cityandguilds-4417-customer-service-v2.8",
    "pearson-btec-l1-principles-customer-service-issue2",
]


@needs_libreoffice
@pytest.mark.parametrize("name", CORPUS_SPECS)
def test_corpus_spec_printed_by_libreoffice_gives_the_text_model(corpus, printed, name):
    from qualcli.diff.compare import diff_documents
    from qualcli.loading import load_spec

    text_path, pdf = corpus / "specs" / f"{name}.txt", printed[name]
    assert diff_documents(load_spec(text_path), load_spec(pdf)).changes == []
