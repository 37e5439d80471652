"""A first look at a text file's own text: could it hold change-log rows or suppression directives?

:func:`~qualcli.lint.changelog.changelog_lines` finds nothing without a table row (``|`` or a tab) or
one of a few history words, and :func:`~qualcli.lint.suppress.parse_suppressions` nothing without the
word ``qualcli``. An ASCII text (most material) is searched for all those
words in one pass of a bytes automaton over its lower case (a directive's
``qualcli`` in any case then counts too: the full look decides); any other
text with ``str`` searches.
"""

from __future__ import annotations

from qualcli.lint.changelog import HISTORY_WORDS, may_have_changelog
from qualcli.lint.suppress import may_have_directives

_DIRECTIVE_WORD = "qualcli"
_AUTOMATON = []  # built on first use


def first_look(text: str) -> tuple[bool, bool]:
    """(may hold change-log rows, may hold directives): False only where the full look finds none."""
    if not text.isascii():
        return may_have_changelog(text), may_have_directives(text)
    rows = "\t" in text or "|" in text
    if not _AUTOMATON:
        from ahocorasick_rs import BytesAhoCorasick, MatchKind

        # Leftmost matches without overlaps lose none of the two answers (no word can hide "qualcli", and any
        # history word found will do), and let the automaton skip ahead: many times faster than every match.
        words = [word.encode() for word in (*HISTORY_WORDS, _DIRECTIVE_WORD)]
        _AUTOMATON.append(BytesAhoCorasick(words, matchkind=MatchKind.LeftmostLongest))
    found = {index for index, _, _ in _AUTOMATON[0].find_matches_as_indexes(text.lower().encode("ascii"))}
    return rows or bool(found - {len(HISTORY_WORDS)}), len(HISTORY_WORDS) in found
