"""Putting an outcome bar back where it is printed: at the top of its page.

In record books laid out in InDesign the shaded "Outcome N" / "Learning
outcome N" bar is drawn at the top of a page, but the content stream may hold
it after the page's criteria (and the page title "Observations"/"Knowledge"
after the bar). Read in stream order, those criteria would land in the
previous outcome. A page is therefore read as a whole: when lettered
criteria come before the page's only bar, and their first letter is the one
the bar's outcome needs next (``a.`` for a new outcome, ``f.`` when a to e
were observed), the bar is moved before them — unless that letter would also
continue the outcome being read: such criteria keep their order. A page
title printed right after the bar is moved before the bar.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable, Iterable, Iterator

from qualcli.parsing.lines import LogicalLine
from qualcli.parsing import lazy_compile

from qualcli_vtct.layout import criterion_start, flat, heading_of, letter_number

_BAR = lazy_compile(r"^(?:learning )?outcome (\d+)\s*(?:\(continued\))?$", re.I)
PAGE_TITLES = ("observation", "knowledge")


def pages(lines: Iterable[LogicalLine]) -> Iterator[list[LogicalLine]]:
    """Consecutive lines grouped by page (a document without pages is one group)."""
    for _, group in groupby(lines, key=lambda line: line.page):
        yield list(group)


def bar_ref(text: str) -> str | None:
    """The outcome number of a bar line ("Outcome 6 (continued)" -> "6"), else None."""
    match = _BAR.match(flat(text))
    return match.group(1) if match else None


def order_page(page: list[LogicalLine], next_letter: Callable[[str | None], int | None]) -> list[LogicalLine]:
    """``page`` in printed order (see the module docstring).

    ``next_letter(ref)`` is the letter number outcome ``ref`` needs next (1 for
    a new outcome); ``next_letter(None)`` the one the outcome being read needs
    (None when none is open). Criteria that could continue the open outcome
    stay where they are.
    """
    if page and page[0].page is None:
        return page
    bars = [index for index, line in enumerate(page) if bar_ref(line.text)]
    if len(bars) != 1:
        return page
    bar = bars[0]
    titles = [bar + 1] if bar + 1 < len(page) and heading_of(page[bar + 1].text) in PAGE_TITLES else []
    first = next((i for i in range(bar) if criterion_start(page[i].text)), None)
    if first is None or not _belongs_to_bar(page[first].text, bar_ref(page[bar].text), next_letter):
        return [*page[:bar], *(page[i] for i in titles), page[bar], *page[bar + 1 + len(titles) :]]
    head = [i for i in range(bar) if heading_of(page[i].text) in PAGE_TITLES and i < first]
    moved = {bar, *titles, *head}
    start = [page[i] for i in head] + [page[i] for i in titles] + [page[bar]]
    return start + [line for i, line in enumerate(page) if i not in moved]


def _belongs_to_bar(text: str, ref: str, next_letter: Callable[[str | None], int | None]) -> bool:
    number = letter_number(criterion_start(text).group(2))
    return number == next_letter(ref) and number != next_letter(None)
