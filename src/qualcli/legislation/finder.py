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
from bisect import bisect_right
from collections import namedtuple
from functools import cache

TYPE_CHECKING = False  # re is not imported at run time: patterns come from kept programs (qualcli.lazyre)
if TYPE_CHECKING:
    import re

from qualcli.lazyre import lazy_compile
from qualcli.legislation.plainnames import PlainNames
from qualcli.legislation.names import SEP, TERRITORIES, is_abbreviation, name_key
from qualcli.legislation.table import DEFAULT_JURISDICTION, Instrument, Table

#: The year after a name: "1979", "(1979)", ", 1979" — possibly after a line break.
_YEAR_AFTER = lazy_compile(
    rf"[^\S\n]*,?(?:{SEP})?(?P<open>\([^\S\n]*)?(?P<year>(?:1[89]|20)\d\d)(?(open)[^\S\n]*\))(?![\w/])"
)

#: A capitalised title ending in Act/Regulations/Order and a year: an instrument the table may not know.
_TITLE_WORD = r"(?:[A-Z][\w'’-]*(?:,(?=[^\S\n]+[A-Z]))?|\([A-Z][^()\n]{0,60}\))"
_LINK_WORD = r"(?:of|and|for|the|in|on|to|at|with|from|&|etc\.?)"
_GENERIC = lazy_compile(
    rf"(?<![\w-])(?P<name>{_TITLE_WORD}(?:{SEP}(?:{_TITLE_WORD}|{_LINK_WORD}))*?{SEP}(?:Act|Regulations|Order)),?"
    rf"(?:{SEP})?(?P<open>\()?(?P<year>(?:1[89]|20)\d\d)(?(open)\))(?![\w/])"
)
_YEARISH = lazy_compile(r"(?:1[89]|20)\d\d")  # what every _GENERIC match ends with
_LEADING_FILLER = lazy_compile(
    r"(?i)^(?:(?:the|under|by|see|in|and|also|both|only|whereas|although|since|from|our|their|your|this|that|of|with|to|for|at|on|&|"
    r"according|following|per|as|note|remember|check|comply|complying|read|revise|explain|describe|state|list)\s+)+"
)
#: "the" inside a run of title words starts the title ("According to the Noise Act 1993" -> "Noise Act 1993"),
#: unless a title word leads up to it ("Representation of the People Act 1983").
_INNER_THE = lazy_compile(r"(?i)\b(\w+)\s+the\s+")
_TITLE_BEFORE_THE = frozenset({"of", "for", "and", "in", "on"})
#: A part of the UK in brackets after a name: "Working Time Regulations (Northern Ireland) 2016".
_TERRITORY_AFTER = lazy_compile(r"(?i)[^\S\n]*\((?P<where>Northern[^\S\n]+Ireland|N\.?[^\S\n]?I\.?|Scotland|Wales|England)\)")


_TOKEN = lazy_compile(r"[^\W_]+(?:['’][^\W\d_]*)?|&")
_TOKEN_OR_BREAK = lazy_compile(r"[^\W_]+(?:['’][^\W\d_]*)?|&|\n[^\S\n]*\n")
_GENERIC_ANCHORS = {"act", "regulations", "order"}
_FIRST_LOOK = 60  # characters read back from an anchor before the full reach
#: Anchor hits a finder confirms by the word walk before it builds its PlainNames (which cost about as much
#: to build as a few hundred walks save): lint of a tree builds them early; a short text or one book (~70 hits) never.
_WALKS_BEFORE_PLAIN = 256
#: Characters between a word and an anchor after which may_find cannot tell the word the walk reads
#: there: ends of markup that is cut out with words in it (links, tags, entities, code), "&" (read as
#: "and") and apostrophes (part of the word before).
_MAY_HIDE = frozenset(")]}>;`\\&'’")
_YEAR_NEAR = 80  # characters after an Act/Regulations/Order in which may_find looks for a year (markup may come between)
_FIRST_PART = 4096  # characters Finder.may_find looks at before the whole text
_SEEN_MAX = 50_000  # citations as written that a finder remembers


def _word(token: str) -> str | None:
    """A token as names are keyed: lower case, "&" as "and", "" for "etc", None for a paragraph break."""
    word = _WORDS.get(token, _UNSEEN)
    if word is _UNSEEN:
        word = _keyed(token)
        if len(_WORDS) < _WORDS_MAX:
            _WORDS[token] = word
    return word


_WORDS: dict[str, str | None] = {}  # tokens seen, as keyed (texts repeat their words; _walk looks here first)
_WORDS_MAX = 100_000
_UNSEEN = object()


def _keyed(token: str) -> str | None:
    if token[0] == "\n":
        return None
    if token == "&":
        return "and"
    word = token.lower().replace("’", "'")
    return "" if word == "etc" else word


def _lowered(text: str) -> str:
    """``text`` in lower case, offsets kept (a character whose lower case is longer stays as it is)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lowered


def _walked_words(name: str) -> list[str]:
    """The words the walk reads from a name written in one line (keyed, "etc." left out)."""
    return [word for word in map(_word, _TOKEN.findall(name)) if word]


def _written_tokens(name: str) -> tuple[str, ...]:
    """The tokens of a name as written that the walk keeps (all but "etc."), for an abbreviation's exact match."""
    return tuple(token for token in _TOKEN.findall(name) if _word(token))


def _is_word_at(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole word (not part of a longer one)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def _match_kind(overlapping: bool) -> dict[str, object]:
    """How the anchor automaton searches: every match, overlapping ones too, or (when every anchor word
    is letters and digits only) leftmost-longest matches without overlaps.

    A reference ends with an anchor word that stands alone. A match of letters
    and digits can neither start in one word and reach into the next nor hide
    a word that starts after it, and at a word's start the longest anchor is
    the one that can end there; so the leftmost-longest matches hold every
    anchor word that stands alone, and the automaton can skip ahead with its
    prefilter (in ahocorasick-rs, a search that reports overlapping matches
    runs without one: ten to thirty times slower on everyday text).
    """
    if overlapping:
        return {}
    from ahocorasick_rs import MatchKind

    return {"matchkind": MatchKind.LeftmostLongest}


def _trie_mapped(trie: dict, entry_mapped) -> dict:
    """A copy of a names trie ``{word: (children, entries)}`` with each entry passed through ``entry_mapped``."""
    return {word: (_trie_mapped(children, entry_mapped) if children else {}, [entry_mapped(e) for e in entries])
            for word, (children, entries) in trie.items()}


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


class Reference(namedtuple("Reference", "instrument text start end year form name candidates", defaults=((),))):
    """One citation of an instrument in a text (a named tuple).

    ``instrument`` is the currency-table id (None for an instrument the table
    does not know); ``text`` the citation as written (name and year);
    ``start``/``end`` its offsets in the text searched; ``year`` the year as
    written (None when the citation has none); ``form`` how it was written:
    ``title``, ``alias``, ``abbreviation``, ``incorrect`` (a known wrong name),
    ``misnamed`` (an unknown title that nearly matches an instrument of the
    same year) or ``unknown``; ``name`` the name as written, without its year;
    ``candidates`` every table id the written name could mean.
    """

    __slots__ = ()


class Finder:
    """A matcher for one currency table.

    Every name the table knows ends with one of a few words ("Act",
    "Regulations", "GDPR"...). The finder looks for those words, then reads
    the words before each one and looks the longest run up in a dictionary of
    names reduced by :func:`~qualcli.legislation.names.name_key` — so case,
    "&", "etc.", brackets, commas and line breaks never matter, and a name
    never starts or ends inside a word. Abbreviations must match their capitals.
    The anchor words are found in one pass by an Aho-Corasick automaton
    (ahocorasick-rs). The longest known name wins, and none starts inside a
    bracket it does not open ("Construction (Design and Management)
    Regulations" never yields the "Management Regulations"). A bracketed
    nation after a name ("(Northern Ireland)", "(NI)", "(Scotland)") selects
    that nation's own entry.
    """

    def __init__(self, table: Table):
        self.table = table
        # Names as a trie of their words read backwards from the last: {word: (children, entries)}.
        # A name ending in a part of the UK ("... Regulations (Northern Ireland)") is keyed without it
        # and its entries carry the territory, which must then follow the name in the text.
        self._trie: dict[str, tuple[dict, list]] = {}
        reach: dict[str, int] = {}
        for inst in table:
            names = [(inst.name, "title"), *((a, "alias") for a in inst.aliases)]
            names += [(a, "abbreviation") for a in inst.abbreviations]
            names += [(a, "incorrect") for a in inst.incorrect_names]
            keys = [name_key(name) for name, _ in names]
            territory = _territory(inst.name, keys[0])
            for (name, form), key in zip(names, keys):
                exact = tuple(_TOKEN.findall(name)) if form == "abbreviation" and is_abbreviation(name) else None
                words = key.split()
                where = _territory(name, key) or territory
                if where and len(words) > 1 and words[-1] == where:
                    words = words[:-1]
                node = self._trie
                for i, word in enumerate(reversed(words)):
                    children, entries = node.setdefault(word, ({}, []))
                    if i == len(words) - 1:
                        entries.append((inst, form, exact, where))
                    node = children
                reach[words[-1]] = max(reach.get(words[-1], 0), 3 * len(key) // 2 + 24)
        self._start(list(reach.items()))

    def _start(self, anchors: list[tuple[str, int]]) -> None:
        """Set up the search state that follows from the names trie: the anchor words and their automaton."""
        from ahocorasick_rs import AhoCorasick

        self._anchors = anchors  # (anchor word, how far back its names reach)
        self._plain: PlainNames | None = None
        self._walks_left = _WALKS_BEFORE_PLAIN
        self._overlapping = not all(anchor.isalnum() for anchor, _ in anchors)  # see _match_kind
        self._automaton = AhoCorasick([anchor for anchor, _ in anchors], **_match_kind(self._overlapping))
        self._near_titles: _NearTitles | None = None

    def state(self) -> tuple:
        """What this finder built from its table, as plain data (instruments by their place in the
        table), for :meth:`restored` to set up the same finder without building it again."""
        places = {id(inst): place for place, inst in enumerate(self.table)}
        trie = _trie_mapped(self._trie, lambda entry: (places[id(entry[0])], *entry[1:]))
        return trie, self._anchors

    @classmethod
    def restored(cls, table: Table, state: tuple) -> Finder:
        """The finder :meth:`state` describes, for the same ``table``."""
        instruments = list(table)
        trie, anchors = state
        finder = cls.__new__(cls)
        finder.table = table
        finder._trie = _trie_mapped(trie, lambda entry: (instruments[entry[0]], *entry[1:]))
        finder._start(anchors)
        return finder

    def _plain_names(self) -> PlainNames | None:
        """The written names (:class:`PlainNames`), once this finder has confirmed enough anchor hits
        by the word walk to make building them worth it (a short text, ``legislation check``, never does)."""
        if self._plain is None:
            self._walks_left -= 1
            if self._walks_left < 0:
                table = self.table
                written = {n for inst in table for n in (inst.name, *inst.aliases, *inst.abbreviations, *inst.incorrect_names)}
                self._plain = PlainNames(self._trie, sorted(written), _walked_words, _unbalanced)
        return self._plain

    @property
    def _near(self) -> "_NearTitles":
        """Built on first use: most texts cite no unknown title."""
        if self._near_titles is None:
            self._near_titles = _NearTitles(self.table)
        return self._near_titles

    def may_find(self, text: str) -> bool:
        """False only when no anchor word in ``text`` can end a reference: then :meth:`find` finds
        nothing in it, nor in any text made from it by cutting out pieces (markup) that never leave
        two letters or digits side by side.

        An anchor word can end one when it stands alone (between characters that are not letters
        or digits) and either it is a whole name itself ("GDPR"), or the word the walk would read
        before it (past spaces and punctuation) continues some known name ("Goods" before "Act"),
        or that word cannot be told from the raw text (markup that is cut out with words in it, "&",
        an apostrophe), or, for Act, Regulations and Order, a year follows soon after (an unknown
        title). Everyday phrases ("in order to", "act on") fail all four, so most course material
        needs no reading.
        """
        size = len(text)
        for part in (text[:_FIRST_PART], text) if size > 2 * _FIRST_PART else (text,):  # most citing texts cite early
            for index, at, end in self._anchor_hits(_lowered(part)):
                if not ((at > 0 and text[at - 1].isalnum()) or (end < size and text[end].isalnum())):
                    if self._may_end_here(text, self._anchors[index][0], at, end):
                        return True
        return False

    def _may_end_here(self, text: str, anchor: str, at: int, end: int) -> bool:
        """Whether a reference can end with the anchor word ``text[at:end]`` (see :meth:`may_find`)."""
        children, entries = self._trie[anchor]
        if entries:
            return True  # a name of one word
        if anchor in _GENERIC_ANCHORS and _YEARISH.search(text, end, end + _YEAR_NEAR) is not None:
            return True  # "... Act 1979" may be a title the table does not know
        stop = at
        while stop > 0 and not text[stop - 1].isalnum():
            stop -= 1
        if stop == 0:
            return False  # nothing before it: only a one-word name could end here
        if any(ch in _MAY_HIDE for ch in text[stop:at]):
            return True  # markup that may be cut out (a link's address, a tag, an entity...), or "&", an apostrophe
        start = stop
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if start > 0 and text[start - 1] in "'’":
            return True  # the walk reads "Children’s" as one word
        word = _keyed(text[start:stop])
        return word is None or word in ("", "i", "ireland") or word in children  # "etc.", "N I", "Northern Ireland": as the walk reads them

    def find(self, text: str) -> list[Reference]:
        """Every reference in ``text``, in order; overlapping matches keep the longest."""
        lowered = _lowered(text)
        found: list[Reference] = []
        windows: list[tuple[int, int]] = []
        anchors = self._anchors
        flat = lowered.replace("\n", " ")  # a name wrapped at one line break reads as written in one line
        for index, at, end in self._anchor_hits(lowered):
            anchor, reach = anchors[index]
            if _is_word_at(text, at, end):
                ref = self._known(text, flat, max(0, at - reach), at, end)
                if ref is not None:
                    found.append(ref)
                    if ref.start <= at:
                        continue  # this "Act" ends a known name: no unknown title can end here
                if anchor in _GENERIC_ANCHORS:
                    windows.append((max(0, at - reach), min(len(text), end + 80)))
        known = _without_overlaps(found)
        spans = [(ref.start, ref.end) for ref in known]
        count = len(known)
        for lo, hi in _merged(windows):
            if _YEARISH.search(text, lo, hi) is None:
                continue  # an unknown title needs its year ("in order to", "act on")
            for match in _GENERIC.finditer(text, lo, hi):
                if _overlaps(spans, match.end("name") - 1, match.end()):
                    continue  # the "Act ..." of a name the table knows
                ref = self._unknown(match)
                if ref is not None and not _overlaps(spans, ref.start, ref.end):
                    known.append(self._near.resolve(ref))
        if len(known) == count:
            return known  # no unknown title: already without overlaps, in order
        return sorted(_without_overlaps(known), key=lambda r: r.start)

    def _anchor_hits(self, lowered: str) -> list[tuple[int, int, int]]:
        """(anchor index, start, end) of every anchor word in ``lowered`` that stands alone as a word,
        among others inside words (the callers keep those that stand alone; see :func:`_match_kind`).

        An ASCII text is searched as bytes (the same offsets), a third faster than as a string."""
        overlapping = self._overlapping
        if not lowered.isascii():
            return self._automaton.find_matches_as_indexes(lowered, overlapping=overlapping)
        automaton = self.__dict__.get("_bytes_automaton")
        if automaton is None:
            from ahocorasick_rs import BytesAhoCorasick

            anchors = self._anchors
            automaton = BytesAhoCorasick([anchor.encode() for anchor, _ in anchors], **_match_kind(overlapping))
            self.__dict__["_bytes_automaton"] = automaton
        return automaton.find_matches_as_indexes(lowered.encode("ascii"), overlapping=overlapping)

    def _known(self, text: str, flat: str, lo: int, at: int, end: int) -> Reference | None:
        """The longest known name ending with the anchor word ``text[at:end]``, with the year after it.

        ``flat`` is the text in lower case with each line break as a space (see :class:`PlainNames`).

        A part of the UK in brackets after the name ("(Northern Ireland)") selects that
        territory's own instrument; with no such entry the citation is unknown, never the GB one.
        """
        suffix = _TERRITORY_AFTER.match(text, end)
        territory = name_key(suffix.group("where")) if suffix else None
        plain = self._plain_names()
        best, other = plain.best(text, flat, at, end, territory, _written_tokens) if plain else None, None  # one comparison
        if best is None:
            near = max(lo, end - _FIRST_LOOK)  # most names are short: read a little first, all of the reach if needed
            best, other, exhausted = self._walk(text, near, end, territory)
            if exhausted and near > lo:
                best, other, _ = self._walk(text, lo, end, territory)
        if best is None and (other is None or territory is None):
            return None
        name_end = suffix.end() if suffix else end
        tail = _YEAR_AFTER.match(text, name_end)
        year = tail.group("year") if tail else None
        stop = tail.end() if tail else name_end
        if best is None:  # "Equal Pay Act (Northern Ireland)" with no entry of its own: unknown, not the GB Act
            return Reference(None, " ".join(text[other:stop].split()), other, stop, year, "unknown",
                             " ".join(text[other:name_end].split()))
        entries, start = best
        key = (text[start:stop], end - start, name_end - start)  # the same citation written the same way
        known = self._seen.get(key)
        if known is None:
            family = list({id(inst): inst for inst, _ in entries}.values())  # in order, without hashing every field
            chosen = resolve(family, year)
            form = next(f for inst, f in entries if inst is chosen)
            known = (chosen.id, " ".join(text[start:stop].split()), year, form, " ".join(text[start:name_end].split()),
                     tuple(inst.id for inst in family))
            if len(self._seen) < _SEEN_MAX:
                self._seen[key] = known
        instrument, written, year, form, name, candidates = known
        return Reference(instrument, written, start, stop, year, form, name, candidates)

    @property
    def _seen(self) -> dict[tuple[str, int, int], tuple]:
        """Known citations as written (text, where the anchor ends, where the name ends) -> the
        :class:`Reference` fields that follow from them: a text cites the same names again and again."""
        seen = self.__dict__.get("_seen_citations")
        if seen is None:
            seen = self.__dict__["_seen_citations"] = {}
        return seen

    def _walk(self, text: str, lo: int, end: int, territory: str | None):
        """Read the words of text[lo:end] backwards through the trie.

        Returns (best, other, exhausted): the longest usable entries and where they start,
        the start of a name known only for another territory, and whether the walk ran out
        of words while still inside a known name (a wider window may find a longer one).
        """
        tokens = list(_TOKEN_OR_BREAK.finditer(text, lo, end))
        if lo > 0 and tokens and tokens[0].start() == lo and text[lo - 1].isalnum():
            tokens = tokens[1:]  # cut in the middle of a word
        node, written, best, other, words = self._trie, [], None, None, _WORDS
        close = text.rfind(")", lo, end)  # a start after the last ")" cannot fall inside a longer title
        i = len(tokens) - 1
        while i >= 0:  # the words from the last back ("Northern Ireland" and "N I" read as the one word "ni")
            raw = tokens[i].group()
            if raw[0] == "\n":
                return best, other, False  # a paragraph break: names never cross one
            word = words.get(raw, _UNSEEN)
            if word is _UNSEEN:
                word = _word(raw)
            start = tokens[i].start()
            if i > 0 and (word == "ireland" or word == "i"):
                before = _word(tokens[i - 1].group())
                if (word == "ireland" and before == "northern") or (word == "i" and before == "n"):
                    i -= 1
                    word, start, raw = "ni", tokens[i].start(), tokens[i].group() + " " + raw
            i -= 1
            if not word:
                continue  # "etc."
            step = node.get(word)
            if step is None:
                return best, other, False
            node, entries = step
            written.append(raw)
            if not entries:
                continue
            if (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()) or (close >= start and _unbalanced(text, start, end)):
                continue
            usable = [(inst, form) for inst, form, exact, where in entries
                      if where == territory and (exact is None or exact == tuple(reversed(written)))]
            if usable:
                best = (usable, start)
            else:
                other = start
        return best, other, bool(node)

    @staticmethod
    def _unknown(match: re.Match) -> Reference | None:
        """A titled instrument the table does not know ("Widget Safety Act 1999"), or None for "The Act 2010"."""
        name = match.group("name")
        cuts = [m.end() for m in _INNER_THE.finditer(name) if m.group(1).lower() not in _TITLE_BEFORE_THE]
        skip = cuts[-1] if cuts else 0
        filler = _LEADING_FILLER.match(name, skip)
        skip = filler.end() if filler else skip
        title = " ".join(name[skip:].split())
        if " " not in title:
            return None
        start = match.start("name") + skip
        return Reference(None, " ".join(match.string[start:match.end()].split()), start, match.end(), match.group("year"),
                         "unknown", title)


def resolve(family: list[Instrument], year: str | None, as_of: dt.date | None = None,
            jurisdiction: str = DEFAULT_JURISDICTION) -> Instrument:
    """The instrument a name with ``year`` means among same-named instruments.

    An exact year wins; a year matching none is taken to mean the instrument
    closest to it (the check reports the wrong year). Without a year, the
    latest instrument in force on ``as_of`` (default today) is meant — "the
    Data Protection Act" is the current one — and when none is in force, the
    earliest (the principal Act rather than its amending Act). Only instruments
    that extend to ``jurisdiction`` count as in force there.
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
    in_force = [inst for inst in made if inst.extends_to(jurisdiction) and inst.status_on(when, jurisdiction)[0] == "in_force"]
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
    """Overlapping references keep the longest (a known name before an unknown one); result in text order."""
    refs = sorted(refs, key=lambda r: (r.form == "unknown", -(r.end - r.start), r.start))
    kept: list[tuple[int, int]] = []
    out: list[Reference] = []
    for ref in refs:
        i = bisect_right(kept, (ref.start, float("inf")))
        if (i > 0 and kept[i - 1][1] > ref.start) or (i < len(kept) and kept[i][0] < ref.end):
            continue
        kept.insert(i, (ref.start, ref.end))
        out.append(ref)
    return sorted(out, key=lambda r: r.start)


def _territory(name: str, key: str) -> str | None:
    """The part of the UK a title (``key`` its name key) ends with ("... Regulations (Northern Ireland)" -> "ni"), else None."""
    words = key.split()
    return words[-1] if len(words) > 1 and words[-1] in TERRITORIES and name.rstrip().endswith(")") else None


def _unbalanced(text: str, start: int, end: int) -> bool:
    """True when text[start:end] closes a bracket it did not open: it starts inside a longer title."""
    if text.find(")", start, end) < 0:
        return False  # most names: no bracket to close
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


_STOP = frozenset({"of", "and", "the", "at", "for", "in", "on", "to", "a", "etc", "with", "from"})



def _stems(name: str) -> frozenset[str]:
    """The content words of a name, crudely stemmed ("Working at Heights" -> {"work", "height"})."""
    out = set()
    for word in name_key(name).split():
        if word in _STOP:
            continue
        for ending in ("ing", "es", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        out.add(word)
    return frozenset(out)


#: Words that make a title another instrument, not a misspelling: "(Amendment) Regulations 2006", "(Wales)".
_DISTINCT = _stems("amendment commencement consequential transitional savings revocation repeal no "
                   "Northern Ireland Scotland Wales England fees charges")


class _NearTitles:
    """Known instruments by year, to recognise a title written slightly wrong ("Working at Height Regulations 2005")."""

    def __init__(self, table: Table):
        self.by_year: dict[int, list[tuple[Instrument, frozenset[str], str]]] = {}
        for inst in table:
            kind = name_key(inst.name).split()[-1].rstrip("s")
            self.by_year.setdefault(inst.year, []).append((inst, _stems(inst.name), kind))

    def resolve(self, ref: Reference) -> Reference:
        """``ref`` (an unknown title) as a misnamed known instrument when one of its year nearly shares its words."""
        if ref.year is None:
            return ref
        stems, kind = _stems(ref.name), name_key(ref.name).split()[-1].rstrip("s")
        matches = [inst for inst, known, k in self.by_year.get(int(ref.year), ())
                   if k == kind and len(stems ^ known) <= 1 and len(stems & known) >= 3 and not (stems ^ known) & _DISTINCT]
        if len(matches) != 1:
            return ref
        return Reference(matches[0].id, ref.text, ref.start, ref.end, ref.year, "misnamed", ref.name, (matches[0].id,))


@cache
def default_finder() -> Finder:
    """The finder for the shipped table (with plugin entries), set up from the snapshot
    (:mod:`qualcli.legislation.snapshot`) the table came from, else built and kept."""
    from qualcli.legislation.table import keep_shipped, shipped

    table, finder_state, clean = shipped()
    if finder_state is not None:
        return Finder.restored(table, finder_state)
    finder = Finder(table)
    if clean:
        keep_shipped(table, finder.state())
    return finder


def finder_for(table: Table) -> Finder:
    """A finder for ``table``: :func:`default_finder` when it is the shipped table, else a new one."""
    from qualcli.legislation.table import shipped_table

    return default_finder() if table is shipped_table() else Finder(table)


def find_references(text: str, table: Table | None = None) -> list[Reference]:
    """Every legislation reference in ``text``, in document order.

    Uses the shipped currency table (plus plugin entries) unless ``table`` is
    given. Each :class:`Reference` carries the instrument id (None when the
    table does not know it), the matched text, its offset and the year as
    written. A name written without a year that several instruments share
    ("Data Protection Act") resolves to the one in force today (see
    :func:`resolve`; ``candidates`` lists them all). Markdown markup should be
    removed first (the lint extractors do).
    """
    return (Finder(table) if table is not None else default_finder()).find(text)
