"""Page furniture: running headers, footers and page numbers found by structure."""

from __future__ import annotations

from qualcli.parsing.pages import page_furniture
from qualcli.parsing.prepare import without_furniture
from qualcli.readers import Line, SourceText


def _pages(*pages: list[str]) -> list[Line]:
    lines, number = [], 0
    for page_number, texts in enumerate(pages, start=1):
        for text in texts:
            number += 1
            lines.append(Line(text=text, number=number, page=page_number))
    return lines


def test_running_header_and_page_numbers_go_content_stays():
    lines = _pages(
        ["Allotment Handbook", "Page 1", "Allotment Handbook", "Sowing starts in March.", "Sow thinly.", "Label rows."],
        ["Allotment Handbook", "Page 2", "Thin seedlings early.", "Water in the evening."],
        ["Allotment Handbook", "3", "Harvest beans young.", "Save seed from the best plants."],
        ["Allotment Handbook", "Page 4 of 9", "Compost everything soft.", "Cover beds in winter."],
    )
    kept = [line.text for line in without_furniture(SourceText("doc.pdf", "pdf", lines, "0" * 64))]
    assert kept == [
        "Allotment Handbook",  # the title on page 1 is content: it is not at the page's edge
        "Sowing starts in March.",
        "Sow thinly.",
        "Label rows.",
        "Thin seedlings early.",
        "Water in the evening.",
        "Harvest beans young.",
        "Save seed from the best plants.",
        "Compost everything soft.",
        "Cover beds in winter.",
    ]


def test_table_rows_and_unpaged_text_are_never_furniture():
    rows = [Line(text="Unit\tTitle", number=n, page=n, cells=("Unit", "Title")) for n in range(1, 5)]
    assert page_furniture(rows) == set()
    unpaged = [Line(text="Page 1", number=1), Line(text="Heading", number=2)]
    assert page_furniture(unpaged) == set()


def test_a_heading_that_happens_to_open_two_of_five_pages_stays():
    lines = _pages(
        ["Assessment", "Text one."],
        ["Assessment", "Text two."],
        ["Delivery", "Text three."],
        ["Resources", "Text four."],
        ["Delivery", "Text five."],
    )
    assert page_furniture(lines) == set()
