"""Lint's fast paths give what the full path gives.

Markdown prose is built in runs of plain lines (:mod:`qualcli.lint.markdown`)
instead of through a reader Line per line: the prose, its headings and every
position must be the ones :func:`~qualcli.lint.extract.lines_prose` makes of
the reader's lines, and lint's findings the same either way.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qualcli.lint import engine
from qualcli.lint.extract import lines_prose
from qualcli.lint.markdown import markdown_prose
from qualcli.lint.settings import Settings
from qualcli.readers.text import lines_from_text

# Citations in every shape a Markdown lesson writes them (own words, invented course text).
LESSON = """

# Working safely: the Health and Safety at Work etc. Act 1974

Staff in the salon once had to read the Trade Descriptions
Act 1968 before pricing stock, and the Data Protection Act 1998 still
appears in old handouts, beside the Widget Safety Act 1999.

The **Sale of Goods** Act 1979 and the *Supply of Goods and Services Act* (1982) apply to retail.
A split name: the Consumer Rights Act\u00a02015 and the Equality Act&nbsp;2010 in an entity.

- the Manual Handling Operations Regulations 1992
  * nested: the Electricity at Work Regulations, 1989

| Law | Year |
|-----|------|
| Sale of Goods Act | 1979 |
| Working Time Regulations\t| 1998 |

```
the Data Protection Act 1998 inside a fence is code
```

<!-- the Data Protection Act 1998 in a comment
that runs over two lines --> then the Data Protection Act 1998 after it.

> quoted: the Trade Descriptions Act 1968
Last line without a break: the Cosmetic Products (Safety) Regulations 2008"""

CASES = [
    LESSON,
    LESSON.replace("\n", "\r\n"),
    LESSON + "\n",
    "",
    "\n\n\n",
    "no markup at all\nthe Data Protection Act 1998\n",
    "~~~\nthe Data Protection Act 1998\n~~~\nthe Data Protection Act 1998\n",
    "Ac**t** 1998 and the Data Protection A<b>c</b>t 1998\n",
]


def _slow(text: str):
    return lines_prose(lines_from_text(text, markdown=True), physical=True)


@pytest.mark.parametrize("text", CASES)
def test_markdown_prose_is_the_readers_prose(text):
    fast, slow = markdown_prose(text), _slow(text)
    assert fast.text == slow.text
    assert fast.headings == slow.headings
    assert [fast.position(i) for i in range(len(slow.text))] == [slow.position(i) for i in range(len(slow.text))]


def test_other_line_breaks_take_the_full_path():
    assert markdown_prose("the Data Protection Act\u20281998\n") is None


def test_lint_findings_are_the_same_through_the_full_path(tmp_path, monkeypatch):
    path = tmp_path / "lesson.md"
    path.write_text(LESSON, encoding="utf-8")
    settings = Settings(as_of=dt.date(2026, 11, 22))
    fast = engine.lint_file(str(path), settings)
    monkeypatch.setattr(engine, "_markdown", lambda path, data, reader: None)
    slow = engine.lint_file(str(path), settings)
    assert fast.findings == slow.findings
    lines = {f.line for f in fast.findings}
    assert {5, 6, 7, 9, 17, 25, 27, 28} <= lines  # wrapped, unknown, emphasis, table cell, after a comment, quote, last line
    assert not lines & {21, 24}  # in a code fence, in a comment
