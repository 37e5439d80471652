"""Prose of a Markdown file, built without a reader's Line for every line.

Most lines of Markdown material are plain prose: no markup character, not a
heading, list item or table row. The reader gives such a line as it is, and
lint's prose is its text and a line break (:func:`~qualcli.lint.extract.lines_prose`
of physical lines). :func:`markdown_prose` finds the other lines with one
regular-expression pass over the file, makes a :class:`~qualcli.readers.Line`
only for them (and for every line inside a code fence or comment) through the
text reader's own :class:`~qualcli.readers.text.LineMaker`, and joins each run
of plain lines between them as one piece (:class:`~qualcli.lint.prose.LineRun`).
The prose and every position are the same as through the reader's lines.
"""

from __future__ import annotations

import re

from qualcli.lint.prose import LineRun, Prose

#: What makes a line one the reader may give other than as it is: a character that can start
#: markup, a fence, a quote or a comment, a table row or tab (anywhere), or a Markdown
#: heading or list mark (first after white space; ``*`` is already in the first set).
_MARK_CHARS = "|\t*_<`[]\\~>"
_LINE_MARK = re.compile(r"\n[^\S\n]*[#+-]")
#: Two letters or digits that removing Markdown markup between them (the reader's inline
#: markup: comments, tags, code, emphasis, brackets, link targets, escapes) could join into
#: one word; more than that pattern removes, but never a single "_" inside a word.
_JOIN = re.compile(r"[^\W_](?!_[^\W_])(?:<!--.*?-->|<[A-Za-z/!][^<>\n]*>|`+[^`\n]*`+|\]\([^)\s]*\)|[*_\[\]\\])+[^\W_]")
_INLINE_CHARS = "*_<`[]\\"
#: Line breaks ``str.splitlines`` knows besides "\n" (a "\r\n" is first made "\n").
_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def markdown_prose(text: str) -> Prose | None:
    """The prose :func:`~qualcli.lint.extract.lines_prose` makes of ``lines_from_text(text, markdown=True)``.

    None when ``text`` breaks lines with another character than "\\n" or "\\r\\n"
    (rare: the caller then reads it line by line). ``lines`` is left empty.
    """
    from qualcli.readers.text import LineMaker

    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if any(char in text for char in _OTHER_BREAKS):  # ``in`` is much faster than a regex class
        return None
    text = "\n" + text if text.endswith("\n") or not text else "\n" + text + "\n"  # every line between breaks
    prose = Prose()
    make = LineMaker(markdown=True)
    pos, number, size = 1, 1, len(text)
    specials = iter(_special_lines(text) + [size])
    while pos < size:
        if not make.open:
            start = next(specials)
            while start < pos:  # passed while a fence or comment was open
                start = next(specials)
            if start > pos:
                run = text[pos:start]
                prose.add_run(LineRun(run, number))
                number += run.count("\n")
                pos = start
            if start == size:
                break
        end = text.index("\n", pos)
        line = make(text[pos:end], number)
        if line is not None:
            prose.add_line(line, "\n")
        pos, number = end + 1, number + 1
    return prose


def _special_lines(text: str) -> list[int]:
    """Sorted offsets of the lines that are not plain (``str.find`` per mark character: faster than a regex class)."""
    starts = {match.start() + 1 for match in _LINE_MARK.finditer(text)}
    for char in _MARK_CHARS:
        at = text.find(char)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(char, text.index("\n", at))
    return sorted(starts)


def markup_may_join(text: str) -> bool:
    """Whether removing inline markup from ``text`` could put two letters or digits side by side
    ("Ac**t**" reads "Act"); when not, every word of the prose is a word of the text as it is."""
    for char in _INLINE_CHARS:
        at = text.find(char, 1)
        while at >= 0:
            if text[at - 1].isalnum() and _JOIN.match(text, at - 1):
                return True
            at = text.find(char, at + 1)
    return False
