"""Lint's fast paths give what the full path gives.

Markdown prose is built in runs of plain lines (:mod:`qualcli.lint.markdown`)
instead of through a reader Line per line: the prose, its headings and every
position must be the ones :func:`~qualcli.lint.extract.lines_prose` makes of
the reader's lines, and lint's findings the same either way. So must the
other short cuts: files without an anchor word not read, names confirmed by
one comparison or remembered as written, a sentence's start looked for near
the reference, change-log and directive first looks on the file's text, the
findings finished per file (order, fingerprints, JSON), and no git for a tree
outside any repository.
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
    monkeypatch.setattr(engine, "_markdown", lambda path, data, reader, finder: None)
    slow = engine.lint_file(str(path), settings)
    assert fast.findings == slow.findings
    lines = {f.line for f in fast.findings}
    assert {5, 6, 7, 9, 17, 25, 27, 28} <= lines  # wrapped, unknown, emphasis, table cell, after a comment, quote, last line
    assert not lines & {21, 24}  # in a code fence, in a comment


# Files the anchor check lets skip (no anchor word that can end a name, no markup joining letters) and files it must not.
SKIP_CASES = {
    "plain.md": "Learners contact the salon to practise; the activity has an impact.\n",
    "underscore.md": "See [the guide](https://example.org/data_protection) for more_detail, contacts and impact.\n",
    "code-word.md": "A `snake_case` name and *emphasis* on a word, then plain text.\n",
    "everyday-anchors.md": "We act on feedback and keep tools in order; these regulations are the salon's own.\n",
    "everyday-list.md": "## Tasks\n\n- act on feedback\n- In pairs, act out a complaint.\n",
}
FULL_CASES = {
    "emphasis-join.md": "Staff follow the Data Protection Ac**t** 1998 here.\n",
    "tag-join.md": "Staff follow the Data Protection A<b>c</b>t 1998 here.\n",
    "underscores-join.md": "Staff follow the Data Protection A__ct 1998 here.\n",
    "code-join.md": "Staff follow the Data Protection Ac`x`t 1998 here.\n",
    "wrapped.md": "Staff follow the Data Protection\nAct 1998 here.\n",
    "cell.md": "| Law | Note |\n|---|---|\n| Data Protection Act 1998 | old |\n",
    "link-before.md": "See the [Data Protection](https://example.org/dp) Act 1998.\n",
    "comment-before.md": "Staff follow the Data Protection <!-- note --> Act 1998 here.\n",
    "paragraph-before.md": "Staff follow the Data Protection\n\nAct 1998 here, and the Data Protection Act 1998.\n",
    "unknown-title.md": "The Salon Widget Safety Act 2001 is not in the table.\n",
}


@pytest.mark.parametrize("name", sorted(SKIP_CASES) + sorted(FULL_CASES))
def test_anchor_check_gives_the_full_paths_findings(tmp_path, monkeypatch, name):
    from qualcli.lint.markdown import markup_may_join

    text = {**SKIP_CASES, **FULL_CASES}[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    settings = Settings(as_of=dt.date(2026, 11, 22))
    finder = engine.checker(settings)[1]
    skipped = not finder.may_find(text) and not markup_may_join(text)
    assert skipped == (name in SKIP_CASES)
    fast = engine.lint_file(str(path), settings)
    monkeypatch.setattr(engine, "_markdown", lambda path, data, reader, finder: None)
    slow = engine.lint_file(str(path), settings)
    assert fast.findings == slow.findings
    assert bool(fast.findings) == (name in FULL_CASES)  # each of those cites the repealed 1998 Act, or an unknown one


# Citations the finder confirms by one comparison (PlainNames) and ones only its word walk can read.
FINDER_CASES = [
    "Staff follow the Sale of Goods Act 1979 and the Consumer Rights Act 2015.",
    "Staff follow the Sale of Goods\nAct 1979, wrapped at one line break.",
    "A paragraph break: the Sale of Goods\n\nAct 1979 is two paragraphs.",
    "The Health and Safety at Work etc. Act 1974 and the Health & Safety at Work Act 1974.",
    "The Construction (Design and Management) Regulations 2015 and the Management Regulations.",
    "The Management of Health and Safety at Work Regulations 1999 apply.",
    "A hyphen: pre-Sale of Goods Act 1979 and non-COSHH products.",
    "An apostrophe: l'Sale of Goods Act and O'Data Protection Act 1998.",
    "Capitals: SOGA, Soga and soga; COSHH and Coshh; the UK GDPR and uk gdpr.",
    "Territory: the Working Time Regulations (Northern Ireland) 2016 and the Equal Pay Act (Northern Ireland) 1970.",
    "Words that hold an anchor: in order to act on the contract, the Children Act 1989 and the Children Act.",
    "Occupiers' Liability Act 1957 and the Reporting of Injuries, Diseases and Dangerous Occurrences Regulations 2013.",
    "Double spaces: the Malicious  Communications Act 1988 and the Mental  Health Act 1983.",
    "Inside a longer word: theSale of Goods Act 1979; the Widget Safety Act 1999.",
]


@pytest.mark.parametrize("text", FINDER_CASES)
def test_plain_names_give_the_walks_references(text, monkeypatch):
    from qualcli.legislation.finder import Finder
    from qualcli.legislation.table import shipped_table

    finder = Finder(shipped_table())
    finder._walks_left = 0  # build the plain names at the first hit
    quick = finder.find(text)
    assert finder._plain is not None or "paragraph break" in text

    class WalkOnly:
        def best(self, *args):
            return None

    monkeypatch.setattr(finder, "_plain", WalkOnly())
    assert quick == finder.find(text)
    assert quick or "paragraph break" in text


def test_a_finder_builds_its_plain_names_only_after_many_hits():
    """A short text (``legislation check``) is confirmed by the walk alone; a long run of texts
    (``lint`` of a tree) builds the plain names, with the same references either way."""
    from qualcli.legislation.finder import _WALKS_BEFORE_PLAIN, Finder
    from qualcli.legislation.table import shipped_table

    finder, walker = Finder(shipped_table()), Finder(shipped_table())
    walker._walks_left = 10**9  # never builds them
    assert finder.find(FINDER_CASES[0]) and finder._plain is None
    texts = FINDER_CASES * (_WALKS_BEFORE_PLAIN // len(FINDER_CASES) + 1)
    assert [finder.find(text) for text in texts] == [walker.find(text) for text in texts]
    assert finder._plain is not None and walker._plain is None


def test_remembered_citations_give_a_fresh_finders_references():
    """The finder remembers each known citation as written; a text read again (or another text
    writing the same names) gets what a finder that never saw them gives."""
    from qualcli.legislation.finder import Finder
    from qualcli.legislation.table import shipped_table

    texts = FINDER_CASES + [
        "The Sale of Goods Act 1979, the Sale of Goods Act 1893, the Sale of Goods Act (1979) and the Sale of Goods Act.",
        "The Working Time Regulations 1998 and the Working Time Regulations (Northern Ireland) 2016.",
    ]
    used = Finder(shipped_table())
    used._walks_left = 0
    for text in texts + texts:
        fresh = Finder(shipped_table())
        fresh._walks_left = 0
        assert used.find(text) == fresh.find(text)
    assert used._seen


def _sentence_starts_in_full(text: str, start: int) -> int:
    from qualcli.legislation.context import _BOUNDARY, _WINDOW

    lo = max(0, start - _WINDOW)
    before = list(_BOUNDARY.finditer(text, lo, start))
    return before[-1].end() if before else lo


def test_a_sentence_start_found_nearby_is_the_full_scans():
    """``sentence_bounds`` looks for the last stop just before a reference first: the same stop as
    a scan of the whole window, for stops of every kind near the point it starts from."""
    import random

    from qualcli.legislation.context import sentence_bounds

    pieces = ["word", "Etc", "etc", "e.g", "No", " ", "  ", "\n", "\n\n", ".", "!", "?", "-", "*", "•", "1", "12",
              ")", "(", "\t", "|", '"', "’", "A", "i.e", "Art", "s", " - ", "\n  1. ", "\n- ", "\n \n"]
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(20, 500)))
        start = rng.randint(0, len(text))
        sentence_bounds.cache_clear()
        assert sentence_bounds(text, start, start)[0] == _sentence_starts_in_full(text, start)


def test_change_log_and_directive_first_looks_give_the_full_paths_findings(tmp_path, monkeypatch):
    from qualcli.lint import changelog, suppress

    texts = {
        "history.md": "## Version history\n\n- 1.2 March 2024: the Data Protection Act 1998 removed\n\nThe Data Protection Act 1998 applies.\n",
        "rows.md": "| Version | Changes |\n|---|---|\n| 2 | Data Protection Act 1998 |\n\nThe Data Protection Act 1998.\n",
        "directive.md": "The Data Protection Act 1998. <!-- qualcli-disable-line QL002 -->\nThe Sale of Goods Act 1979.\n",
        "neither.md": "The Data Protection Act 1998 and the Sale of Goods Act 1979 in plain prose.\n",
        "notes.txt": "The Data Protection Act 1998.   # qualcli: ignore\nThe Sale of Goods Act 1979.\n",
        "page.html": "<p>The Data Protection Act 1998 <!-- qualcli-disable-line --></p><p>The Sale of Goods Act 1979.</p>\n",
    }
    settings = Settings(as_of=dt.date(2026, 11, 22))
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    fast = [engine.lint_file(p, settings) for p in paths]
    monkeypatch.setattr(engine, "first_look", lambda text: (True, True))
    full = [engine.lint_file(p, settings) for p in paths]
    assert [(r.findings, r.suppressed) for r in fast] == [(r.findings, r.suppressed) for r in full]
    assert not changelog.may_have_changelog(texts["neither.md"]) and not suppress.may_have_directives(texts["neither.md"])
    assert [(len(r.findings), r.suppressed) for r in fast] == [(1, 0), (1, 0), (1, 1), (2, 0), (1, 1), (0, 2)]


@pytest.mark.parametrize("text", [
    "plain prose", "a | row", "a\ttab", "Version History", "CHANGELOG", "the record", "Summary of Changes", "qualcli-disable",
    "QUALCLI: IGNORE", "a blog post", "naïve history", "naïve prose", "qualcli in naïve prose", "ﬁrst record", "",
])
def test_one_pass_first_look_is_the_two_looks(text):
    from qualcli.lint.changelog import may_have_changelog
    from qualcli.lint.firstlook import first_look
    from qualcli.lint.suppress import may_have_directives

    rows, directives = first_look(text)
    assert rows == may_have_changelog(text)
    assert directives == may_have_directives(text) or (directives and "qualcli" in text.lower())  # any case: the full look decides


def test_findings_finished_per_file_are_the_runs_order_fingerprints_and_json(tmp_path):
    """Sorting, fingerprinting and writing JSON per file (:mod:`qualcli.lint.finish`) gives what
    doing it once over every finding of the run gives."""
    from qualcli.lint.baseline import Anchor, assign_fingerprints
    from qualcli.lint.findings import Finding
    from qualcli.lint.finish import Finisher, report_order
    from qualcli.lint.formats import render_json
    from qualcli.lint.jsonout import dumps

    for name in ("b.md", "a.md", "sub/c.md", "a-b.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("The Data Protection Act 1998.\n\n- the Data Protection Act 1998\n"
                                     "- the data  protection act 1998 and the Sale of Goods Act 1979\n" + LESSON, encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("b.md", "a.md", "sub/c.md", "a-b.md")]
    settings = Settings(as_of=dt.date(2026, 11, 22))
    whole = sorted((f for p in paths for f in engine.lint_file(p, settings).findings), key=Finding.sort_key)
    assign_fingerprints(whole, tmp_path)
    reports = [engine.lint_file(p, settings) for p in paths]
    finish = Finisher(Anchor(tmp_path), json_text=True)
    for report in reports:
        finish(report)
    finished = report_order(reports)
    assert finished == whole
    assert [f.fingerprint for f in finished] == [f.fingerprint for f in whole]
    assert len({f.fingerprint for f in finished}) == len(finished)
    assert render_json(finished, reports) == dumps([f.to_dict() for f in whole]) + "\n"


def test_a_tree_outside_any_repository_is_not_given_to_git(tmp_path, monkeypatch):
    import subprocess

    from qualcli.lint import discovery

    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    paths = [tmp_path / "a.md"]
    if discovery._may_be_in_repository(tmp_path):
        pytest.skip("the temporary folder is inside a git repository")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    assert discovery._git_ignored(paths) == set() and not calls
    monkeypatch.setattr(discovery, "_may_be_in_repository", lambda folder: True)
    assert discovery._git_ignored(paths) == set() and calls  # git, asked, finds no repository either


@pytest.mark.parametrize("text", FINDER_CASES[:-1] + [LESSON.encode("ascii", "replace").decode()])
def test_an_ascii_text_searched_as_bytes_gives_the_strings_anchor_hits(text):
    from qualcli.legislation.finder import Finder, _lowered
    from qualcli.legislation.table import shipped_table

    finder = Finder(shipped_table())
    lowered = _lowered(text)
    if not lowered.isascii():
        pytest.skip("not an ASCII text")
    hits = finder._anchor_hits(lowered)
    assert hits and hits == finder._automaton.find_matches_as_indexes(lowered, overlapping=finder._overlapping)


def test_anchor_words_searched_leftmost_longest_find_what_every_overlapping_match_finds():
    """The anchor automaton skips overlapping matches (fast): every reference and every may_find answer
    is the one a search reporting every match gives, on texts built to make anchors overlap words."""
    import random

    from ahocorasick_rs import AhoCorasick

    from qualcli.legislation.finder import Finder
    from qualcli.legislation.table import shipped_table

    table = shipped_table()
    leftmost, every = Finder(table), Finder(table)
    assert not leftmost._overlapping  # the shipped anchors are letters and digits
    every._overlapping = True
    every._automaton = AhoCorasick([anchor for anchor, _ in every._anchors])
    rng = random.Random(20261130)
    pieces = [anchor for anchor, _ in leftmost._anchors] + [inst.name for inst in table][::7] + [
        "contract", "ordered", "acts", "Act 1998", "(Northern Ireland)", "reaction", "_act", "Orders", "ÀCT", "ß",
        "the", "Regulations 2013", "GDPRs", "Health & Safety at Work etc.", "’s", "-"]
    texts = [*FINDER_CASES, LESSON] + [
        "".join(rng.choice(pieces) + rng.choice(["", " ", "\n", ".", "_"]) for _ in range(rng.randint(1, 12)))
        for _ in range(600)]
    for text in texts:
        assert leftmost.find(text) == every.find(text), text
        assert leftmost.may_find(text) == every.may_find(text), text


def test_the_first_look_answers_as_the_full_looks_do():
    import random

    from qualcli.lint.changelog import may_have_changelog
    from qualcli.lint.firstlook import first_look
    from qualcli.lint.suppress import may_have_directives

    rng = random.Random(7)
    words = ["history", "log", "record", "changes", "qualcli", "catalogue", "Records", "changelog", "historylog",
             "qualclilog", "the", "act", "|", "\t", "é"]
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 6)))
        rows, directives = first_look(text)
        assert rows == may_have_changelog(text), text
        assert directives == (may_have_directives(text) or (text.isascii() and "qualcli" in text.lower())), text


def test_a_finding_written_field_by_field_is_the_json_writers_text():
    from qualcli.lint.findings import Finding, _plain_item
    from qualcli.lint.jsonout import item_text

    base = dict(path="notes/a b.md", line=3, column=7, end_line=4, end_column=2, rule="QL001", severity="warning",
                message='the "Sale of Goods Act 1979" – superseded\\ on 1 October 2015\u2028\x07', matched_text="Sale of Goods\nAct 1979")
    variants = [
        {}, {"instrument": "sale-of-goods-act-1979", "successor": "consumer-rights-act-2015"},
        {"suggestion": "Consumer Rights Act 2015", "page": 4, "fingerprint": "00ff"},
        {"suggestion": "", "page": 0, "fingerprint": ""}, {"instrument": "ümlaut", "page": None},
        {"location": {"unit": "D1"}}, {"page": True}, {"line": 3.0}, {"suggestion": 5}, {"instrument": 7},
    ]
    plain = 0
    for extra in variants:
        finding = Finding(**{**base, **extra})
        fast = _plain_item(finding)
        plain += fast is not None
        assert finding.json_item() == item_text(finding.to_dict())
        assert fast is None or fast == item_text(finding.to_dict())
    assert plain == 5
