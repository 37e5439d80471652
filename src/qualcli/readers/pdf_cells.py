"""A ruled table cell's printed lines, with words that a narrow cell broke made whole.

A word too long for its cell is broken where the cell ends, with no hyphen
("Communic" / "ate verbally"); the break looks like an ordinary wrap in the
text layer, so it is told from one by the page's own geometry:

- the producer keeps the space at the end of a wrapped line where it fits
  (LibreOffice does), so some line of the page's cells ends in a space;
- the line before the break is one word with no space after it (if it ends
  in a punctuation mark, the next line must start with a short tail, such as
  the "s" of "organisation's", not a word);
- the next line's first character would not have fitted after it inside the
  cell (right padding taken equal to the left, measured from the glyphs'
  origins and the pen's advance, not their tight boxes): an ordinary wrap moves a word
  only when the space and the word do not fit, so a character that fits
  means the break was a wrap, not a cut.

Where the document prints the joined word whole elsewhere, they are joined;
where it prints the second part inside a line (where no part of a broken word
is) and that part is longer than a letter, they are two words. Otherwise
the geometry decides: the two lines are joined without a space -- as they are after a
slash or hyphen that ends a line with no space after it ("A/" / "506/2130").
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from qualcli.lazyre import lazy_compile

#: pdfium's marks for a hyphen at a line break (U+FFFE in page text, U+0002 in bounded text)
PDFIUM_HYPHENS = ("\ufffe", "\x02")

Box = tuple[float, float, float, float]  # x0, bottom, x1, top
_WORD = lazy_compile(r"[^\W_]+(?:['’./-][^\W_]+)*'?")
MIN_WORD_TAIL = 2  # characters: a shorter tail ("a", "s") is no evidence of a word of its own
SHORT_TAIL = 3  # characters: the most of a word cut off after a punctuation mark ("organisation'" / "s", "uk." / "com")


class Vocabulary:
    """How often a document prints each word (lower case) in its text layer, and how often inside a line.

    A part of a broken word is printed only at a line's start or end, so a
    word printed inside a line is a word. Built on first use: only documents
    with a doubtful break in a cell need it.
    """

    def __init__(self, page_text: Callable[[int], str], pages: int) -> None:
        self.page_text = page_text  # the text of page ``index`` as PDFium gives it
        self.pages = pages
        self._counts: Counter | None = None
        self._inside: Counter = Counter()

    def count(self, word: str) -> int:
        """How many times ``word`` is printed (a part of a broken word counts where it is printed)."""
        return self._read()[word.lower()]

    def inside_lines(self, word: str) -> int:
        """How many times ``word`` is printed neither first nor last on a line."""
        self._read()
        return self._inside[word.lower()]

    def _read(self) -> Counter:
        if self._counts is None:
            self._counts = Counter()
            for index in range(self.pages):
                for line in self.page_text(index).lower().split("\r\n"):
                    words = _WORD.findall(line)
                    self._counts.update(words)
                    self._inside.update(words[1:-1])
        return self._counts


class WordBreaks:
    """Finds the breaks inside words on one page (see the module docstring)."""

    def __init__(self, textpage, cell_texts: Iterable[str], vocabulary: Vocabulary | None = None, page_text: str | None = None) -> None:
        self.textpage = textpage
        self.vocabulary = vocabulary
        self.spaced = any(line.endswith(" ") for text in cell_texts for line in text.split("\n")[:-1])
        self._raw_text = page_text  # the page's text as PDFium gives it, if the reader has it already
        self._page_text: str | None = None

    def inside_word(self, previous: str, following: str, cell: Box) -> bool:
        """Whether the break between the printed lines ``previous`` and ``following`` of ``cell`` cut a word.

        A line ending right after a slash or hyphen ("A/" / "506/2130",
        "real-" / "time") broke at the mark, inside the word it joins.
        """
        if breaks_inside_word(previous):
            return True
        word = previous.strip()
        if not (self.spaced and word and word == previous.lstrip() and " " not in word and following.strip()):
            return False
        head = following.strip()
        tail = head.split(" ", 1)[0]
        if head[0].isupper() and not word.isupper():
            return False
        if word[-1].isdigit() and tail.isdigit():
            return True  # a number broken ("F/504/136" / "1"): numbers wrapped at a space keep the space
        if not word[-1].isalnum() and len(tail) > SHORT_TAIL:
            return False  # "customers'" / "premises": after punctuation, only a short tail ("'" / "s") was cut off
        if self.vocabulary is not None:
            if self.vocabulary.count(word + tail):
                return True  # printed whole elsewhere
            if len(tail) >= MIN_WORD_TAIL and self.vocabulary.inside_lines(tail):
                return False  # two words: the second is printed inside a line, where no part of a broken word is
        return self._next_character_overflows(word, head, cell)

    def _next_character_overflows(self, word: str, head: str, cell: Box) -> bool:
        x0, bottom, x1, top = cell
        text = self._text()
        needle = f"{word}\r\n{head[0]}"
        start = text.find(needle)
        while start != -1:
            first, last, following = start, start + len(word) - 1, start + len(word) + 2
            left, low, right, high = self.textpage.get_charbox(last)
            if x0 <= (left + right) / 2 <= x1 and bottom <= (low + high) / 2 <= top:
                inner_right = x1 - max(self._origin(first) - x0, 0.0)
                pen = self.textpage.get_charbox(last + 1)[0]  # the line break PDFium adds sits where the pen stopped
                return pen + self._advance(following, text) > inner_right
            start = text.find(needle, start + 1)
        return False

    def _origin(self, index: int) -> float:
        return self.textpage.char_x(index)

    def _advance(self, index: int, text: str) -> float:
        """How far character ``index`` moves the pen: to the next character's origin, or to the line break after it."""
        if index + 1 >= len(text):
            left, _, right, _ = self.textpage.get_charbox(index)
            return right - left
        after = self.textpage.get_charbox(index + 1)[0] if text[index + 1] == "\r" else self._origin(index + 1)
        return after - self._origin(index)

    def _text(self) -> str:
        if self._page_text is None:
            if self._raw_text is None:
                count = self.textpage.count_chars()
                self._raw_text = self.textpage.get_text_range(0, count) if count else ""
            self._page_text = with_hyphens(self._raw_text)
        return self._page_text


def breaks_inside_word(line: str) -> bool:
    """A printed line that ends right after a slash or hyphen, with no space: the word goes on on the next line.

    A hyphen must follow a letter or digit (a dash after a space ends a
    phrase); a slash may follow any printed character ("</" of a markup tag).
    """
    end = line.rstrip()
    if end != line or len(end) < 2:
        return False
    return (end[-1] == "-" and end[-2].isalnum()) or (end[-1] == "/" and not end[-2].isspace())


_SPACED_COMPOUND = lazy_compile(r"[^\W_]- [^\W_]+-$")  # "one- to-": the compound's earlier hyphen has a space after it


def joint_at_break(before: str) -> str:
    """What goes between ``before``, a line that broke inside a word, and the next line's text.

    Nothing, as a rule: "24-" / "hour" is "24-hour". But a producer prints no
    space after a hyphen at a line's end even where the text had one (the
    space hangs in the margin), so the spacing is read from the compound
    itself: when the word before the hyphen is joined to the word before it
    by a hyphen and a space ("one- to-" / "one"), the compound is written
    with spaced hyphens and the break keeps that space ("one- to- one").
    """
    return " " if breaks_inside_word(before) and _SPACED_COMPOUND.search(before) else ""


def printed_text(text: str) -> str:
    """Page text with PDFium's line-end hyphen marks as printed hyphens (see :func:`joint_at_break`).

    PDFium joins a line that ends in a hyphen to the next line's word and
    marks the hyphen U+FFFE; the joined words are spaced as the compound is.
    """
    if "\ufffe" not in text:
        return with_hyphens(text)
    parts = text.split("\ufffe")
    joined = parts[0]
    for part in parts[1:]:
        joined += "-"
        joined += joint_at_break(joined) + part
    return with_hyphens(joined)


def with_hyphens(text: str) -> str:
    """``text`` with PDFium's hyphen marks (:data:`PDFIUM_HYPHENS`) as plain hyphens.

    The same as ``str.translate`` with a table of the two, several times
    faster on text without them (most lines): each is looked for first.
    """
    for mark in PDFIUM_HYPHENS:
        if mark in text:
            text = text.replace(mark, "-")
    return text


def cell_text(raw: str, cell: Box, breaks: WordBreaks) -> str:
    """A cell's printed lines, stripped, one per "\\n"; a word broken across lines is made whole again.

    Lines are mended from the bottom up, so a word broken twice
    ("responsibi" / "litie" / "s") is whole before the line above it asks
    whether its first word goes on that line's last.
    """
    merged: list[str] = []  # the mended lines, last first
    for line in reversed(raw.split("\n")):
        stripped = line.strip()
        if not stripped:
            continue
        if merged and breaks.inside_word(line, merged[-1], cell):
            merged[-1] = stripped + joint_at_break(stripped) + merged[-1]
        else:
            merged.append(stripped)
    return "\n".join(reversed(merged))
