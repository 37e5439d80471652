"""Finding references to legislation in prose.

:func:`find_references` is the stable library entry point: it returns every
citation of an instrument in a text, whether the currency table knows it
(full title, short title, alias, unambiguous abbreviation) or not (any
"... Act 1998"-style title with a year), with its offset and the year as
written. Matching is by structure, not by one document's strings: case, "&"
for "and", "etc.", a year in brackets or after a comma and a line break
inside the name are all accepted, and nothing matches inside a word.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from qualcli.legislation.names import SEP, is_abbreviation, name_key, name_pattern
from qualcli.legislation.table import DEFAULT_JURISDICTION, Instrument, Table

#: The year after a name: "1979", "(1979)", ", 1979" — possibly after a line break.
_YEAR_TAIL = rf"(?:[^\S\n]*,?(?:{SEP})?(?P<open>\([^\S\n]*)?(?P<year>(?:1[89]|20)\d\d)(?(open)[^\S\n]*\))(?![\w/]))?"

#: A capitalised title ending in Act/Regulations/Order and a year: an instrument the table may not know.
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|\([A-Z][^()\n]{0,60}\))"
_LINK_WORD = r"(?:of|and|for|the|in|on|to|at|with|from|&|etc\.?)"
_GENERIC = re.compile(
    rf"(?<![\w-])(?P<name>{_TITLE_WORD}(?:{SEP}(?:{_TITLE_WORD}|{_LINK_WORD}))*?{SEP}(?:Act|Regulations|Order)),?"
    rf"(?:{SEP})?(?P<open>\()?(?P<year>(?:1[89]|20)\d\d)(?(open)\))(?![\w/])"
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:the|under|by|see|in|and|also|both|only|whereas|although|since|from|our|their|your|this|that|of|with|to|for|at|on|&)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reference:
    """One citation of an instrument in a text.

    ``instrument`` is the currency-table id (None for an instrument the table
    does not know); ``text`` the citation as written (name and year);
    ``start``/``end`` its offsets in the text searched; ``year`` the year as
    written (None when the citation has none); ``form`` how it was written:
    ``title``, ``alias``, ``abbreviation``, ``incorrect`` (a known wrong name)
    or ``unknown``; ``candidates`` every table id the written name could mean.
    """

    instrument: str | None
    text: str
    start: int
    end: int
    year: str | None
    form: str
    name: str
    candidates: tuple[str, ...] = ()


class Finder:
    """A compiled matcher for one currency table."""

    def __init__(self, table: Table):
        self.table = table
        self.forms: dict[str, list[tuple[Instrument, str]]] = {}
        words_ci: set[str] = set()
        words_cs: set[str] = set()
        for inst in table:
            names = [(inst.name, "title"), *((a, "alias") for a in inst.aliases)]
            names += [(a, "abbreviation") for a in inst.abbreviations]
            names += [(a, "incorrect") for a in inst.incorrect_names]
            for name, form in names:
                self.forms.setdefault(name_key(name), []).append((inst, form))
                (words_cs if form == "abbreviation" and is_abbreviation(name) else words_ci).add(name)
        self._ci = self._compile(words_ci, re.IGNORECASE)
        self._cs = self._compile(words_cs, 0)
        # Every name ends with one of a few words ("Act", "Regulations", "GDPR"...): search for those
        # first, then run the full patterns only in a window before each (much faster on long texts).
        # How far before each anchor word a name can start: its longest name, with room for
        # doubled spaces, emphasis markers and a line break.
        self._anchors: list[tuple[str, bool, int]] = []  # word, case-sensitive?, reach
        reach: dict[str, int] = {}
        for name in words_ci:
            word = re.split(r"[\s)]+", name.strip(") "))[-1].lower()
            reach[word] = max(reach.get(word, 0), len(name))
        self._anchors += [(word, False, longest * 3 // 2 + 24) for word, longest in sorted(reach.items())]
        self._anchors += [(name, True, 8) for name in sorted(words_cs)]

    @staticmethod
    def _compile(names: set[str], flags: int) -> re.Pattern | None:
        if not names:
            return None
        ordered = sorted({name_pattern(n) for n in names}, key=lambda p: (-len(p), p))
        return re.compile(rf"(?<![\w-])(?P<name>{'|'.join(ordered)})(?![\w-]){_YEAR_TAIL}", flags)

    def find(self, text: str) -> list[Reference]:
        """Every reference in ``text``, in order; overlapping matches keep the longest."""
        found: list[Reference] = []
        windows = self._windows(text)
        for pattern in (self._ci, self._cs):
            if pattern is None:
                continue
            for lo, hi in windows:
                for match in pattern.finditer(text, lo, hi):
                    ref = self._known(match)
                    if ref is not None:
                        found.append(ref)
        known = _without_overlaps(found)
        spans = [(ref.start, ref.end) for ref in known]
        for lo, hi in windows:
            for match in _GENERIC.finditer(text, lo, hi):
                ref = self._unknown(match)
                if not _overlaps(spans, ref.start, ref.end):
                    known.append(ref)
        return sorted(_without_overlaps(known), key=lambda r: r.start)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Merged stretches of ``text`` that could hold a name: up to the longest name before each anchor word.

        A window ends after a paragraph break past the anchor (a year never follows one), or 80
        characters on, so the patterns' look-ahead always sees the real next character.
        """
        hits: list[tuple[int, int]] = []
        lowered = text.lower()
        for word, case_sensitive, reach in self._anchors:
            haystack = text if case_sensitive else lowered
            at = haystack.find(word)
            while at >= 0:
                hits.append((max(0, at - reach), at + len(word)))
                at = haystack.find(word, at + len(word))
        windows: list[tuple[int, int]] = []
        for lo, end in sorted(hits):
            hi = min(len(text), end + 80)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
        return windows

    def _known(self, match: re.Match) -> Reference | None:
        written = match.group("name")
        entries = self.forms.get(name_key(written))
        if not entries:
            return None
        year = match.group("year")
        end = match.end() if year else match.end("name")
        family = list(dict.fromkeys(inst for inst, _ in entries))
        chosen = resolve(family, year)
        form = next(f for inst, f in entries if inst is chosen)
        return Reference(
            instrument=chosen.id,
            text=" ".join(match.string[match.start("name"):end].split()),
            start=match.start("name"),
            end=end,
            year=year,
            form=form,
            name=" ".join(written.split()),
            candidates=tuple(inst.id for inst in family),
        )

    def _unknown(self, match: re.Match) -> Reference:
        name = match.group("name")
        filler = _LEADING_FILLER.match(name)
        skip = filler.end() if filler else 0
        start = match.start("name") + skip
        known = self.forms.get(name_key(name[skip:]))
        year = match.group("year")
        if known:  # a known name whose year another pattern did not take: treat as the family
            family = list(dict.fromkeys(inst for inst, _ in known))
            chosen = resolve(family, year)
            return Reference(chosen.id, " ".join(match.string[start:match.end()].split()), start, match.end(), year,
                             "title", " ".join(name[skip:].split()), tuple(i.id for i in family))
        return Reference(None, " ".join(match.string[start:match.end()].split()), start, match.end(), year, "unknown",
                         " ".join(name[skip:].split()))


def resolve(family: list[Instrument], year: str | None, as_of: dt.date | None = None,
            jurisdiction: str = DEFAULT_JURISDICTION) -> Instrument:
    """The instrument a name with ``year`` means among same-named instruments.

    An exact year wins; a year matching none is taken to mean the instrument
    closest to it (the check reports the wrong year). Without a year, the
    latest instrument in force on ``as_of`` (default today) is meant — "the
    Data Protection Act" is the current one — and when none is in force, the
    earliest (the principal Act rather than its amending Act).
    """
    if len(family) == 1:
        return family[0]
    if year is not None:
        exact = [inst for inst in family if str(inst.year) == year]
        if exact:
            return exact[0]
        return min(family, key=lambda inst: (abs(inst.year - int(year)), -inst.year))
    when = as_of or dt.date.today()
    made = [inst for inst in family if inst.year <= when.year] or family
    in_force = [inst for inst in made if inst.status_on(when, jurisdiction)[0] == "in_force"]
    if in_force:
        return max(in_force, key=lambda inst: inst.year)
    return min(made, key=lambda inst: inst.year)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


def _without_overlaps(refs: list[Reference]) -> list[Reference]:
    refs.sort(key=lambda r: (r.start, -(r.end - r.start), r.form == "unknown"))
    kept: list[Reference] = []
    for ref in refs:
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


@cache
def default_finder() -> Finder:
    """The finder for the shipped table (with plugin entries)."""
    from qualcli.legislation.table import shipped_table

    return Finder(shipped_table())


def find_references(text: str, table: Table | None = None) -> list[Reference]:
    """Every legislation reference in ``text``, in document order.

    Uses the shipped currency table (plus plugin entries) unless ``table`` is
    given. Each :class:`Reference` carries the instrument id (None when the
    table does not know it), the matched text, its offset and the year as
    written. Markdown markup should be removed first (the lint extractors do).
    """
    return (Finder(table) if table is not None else default_finder()).find(text)
