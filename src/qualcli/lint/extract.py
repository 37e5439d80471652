"""The prose lint searches: what the registered readers return, joined as the source laid it out.

Every format is read by its reader (:mod:`qualcli.readers`), which knows the
format: it gives each line's text, where that text is in the file
(``Line.origins``: Markdown marks, HTML tags, entities and collapsed white
space accounted for) and which of it is markup rather than prose
(``Line.markup``: Markdown code, comments, emphasis markers and link
targets; tags and emphasis a conversion left in plain text). Lint only joins
the prose:

- text and Markdown lines are the file's own lines, each followed by a line
  break (a blank line is a paragraph break), so a name wrapped onto the next
  line or split by emphasis (``**Sale of Goods** Act``) reads as one;
- every other format (HTML, PDF, DOCX with headers and footers, PPTX slides
  and notes...) gives lines in blocks: a line break within a block (a
  ``<br>``, a PDF or Word line wrap), a paragraph break between blocks and
  around table rows, whose cells are joined by tabs.
"""

from __future__ import annotations

from qualcli.lint.prose import Prose
from qualcli.readers import Line

#: Formats whose lines are the file's physical lines.
PHYSICAL_LINES = ("txt", "md")
#: Suffixes lint reads from their bytes (keeping the source lines for comments), whatever readers are installed.
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm"})


def lines_prose(lines: list[Line], physical: bool = False) -> Prose:
    """Prose of a document read by a reader; ``physical`` when each line is one line of the file."""
    prose = Prose()
    if physical:
        for line in lines:
            prose.add_line(line, "\n")
        return prose
    previous: Line | None = None
    for line in lines:
        prose.lines[line.number] = line.text
        if not line.text.strip():
            prose.gap("\n\n")
            previous = None
            continue
        if previous is not None:
            same_paragraph = previous.block == line.block and previous.page == line.page and not line.is_table_row
            prose.gap("\n" if same_paragraph else "\n\n")
        prose.add_line(line, "")
        previous = line
    return prose
