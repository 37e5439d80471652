"""Page furniture: running headers, footers and page numbers of paged documents.

A PDF repeats the document title or a "Page 7" line at the top or bottom of
every page; read as lines, these land in the middle of paragraphs and tables.
:func:`page_furniture` finds them by structure, not by wording: prose lines at
a page's edge whose text (numbers aside) recurs at the edge of most pages, and
bare page numbers. Table rows are never furniture.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from qualcli.readers import Line
from qualcli.lazyre import lazy_compile

_PAGE_NUMBER = lazy_compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$")
_DIGITS = lazy_compile(r"\d+")
MAX_PAGE_DIGITS = 4


PAGE_NUMBER = lazy_compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def is_page_number(text: str) -> bool:
    """A bare page number: ``"12"``, ``"Page 3"``, ``"3 of 40"``."""
    return bool(PAGE_NUMBER.match(" ".join(text.split())))


def _bare_page_number(text: str) -> bool:
    """"7", "Page 7", "7 of 40", "7/40": no page number runs to more than four digits (an ISBN wrapped alone does)."""
    return bool(_PAGE_NUMBER.match(_key(text))) and all(len(digits) <= MAX_PAGE_DIGITS for digits in _DIGITS.findall(text))


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).lower()


def page_furniture(lines: Sequence[Line], edge: int = 2, share: float = 0.5) -> set[int]:
    """Numbers of the lines that are running headers, footers or page numbers.

    Only the first and last ``edge`` prose lines of each page are candidates;
    one is furniture if its text, digits masked, is at the edge of more than
    ``share`` of the pages (and of three pages at least), or of every page of
    a document of two pages or more, or is a bare page number.
    """
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if line.page is not None and line.text.strip() and line.cells is None and "\t" not in line.text:
            by_page[line.page].append(line)
    candidates = [line for page in by_page.values() for line in {*page[:edge], *page[-edge:]}]
    pages_with: dict[str, set[int]] = defaultdict(set)
    for line in candidates:
        pages_with[_key(line.text)].add(line.page)
    enough = max(2, share * len(by_page))

    def repeated(pages: int) -> bool:
        return pages > enough or pages == len(by_page) >= 2

    return {
        line.number
        for line in candidates
        if _bare_page_number(line.text) or repeated(len(pages_with[_key(line.text)]))
    }
