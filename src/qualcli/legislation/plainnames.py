"""Known names written as the table writes them, confirmed at an anchor word without reading the words one by one.

Most citations write a title as the currency table does, in one line
("Sale of Goods Act", "Construction (Design and Management) Regulations").
:class:`PlainNames` holds every such written name (title, alias, abbreviation)
by the characters before its last word, so the finder can confirm one at an
anchor hit with a string comparison on the lower-cased text. A written name
is kept only when the finder's word-by-word walk reads exactly the words of
its trie path from it, and it answers only when the answer is the walk's (the
longest usable name, with nothing longer possible); otherwise it returns None
and the walk decides: a line break, other spacing or "&" inside the name, a
hyphen or apostrophe before it, a name that a longer one extends.
"""

from __future__ import annotations

from itertools import chain

_MERGED = frozenset({"i", "ireland"})  # the walk reads "N I" and "Northern Ireland" as one word
_KEY = 8  # characters before the last word that key a written name


class PlainNames:
    """Written names of a finder's trie ``{word: (children, entries)}`` (words read backwards).

    ``words(written)`` is how the walk reads a written name: its words as keyed, in order;
    ``unbalanced(text, start, end)`` the walk's test of a bracket closed but not opened.
    """

    def __init__(self, trie: dict[str, tuple[dict, list]], written_names, words, unbalanced):
        self._long: dict[tuple[str, str], list[tuple[str, dict, list]]] = {}
        self._short: dict[str, list[tuple[str, dict, list]]] = {}
        for written in written_names:
            path = words(written)
            if not path or "\n" in written or _MERGED & set(path) or unbalanced(written, 0, len(written)):
                continue
            node, step = trie, None
            for word in reversed(path):
                step = node.get(word)
                if step is None:
                    break
                node = step[0]
            if step is None or not step[1]:
                continue
            form, anchor = written.lower(), path[-1]
            if len(form) != len(written) or not form.endswith(anchor):
                continue
            entry = (form, step[0], step[1])
            if len(form) >= len(anchor) + _KEY:
                self._long.setdefault((anchor, form[-len(anchor) - _KEY : -len(anchor)]), []).append(entry)
            else:
                self._short.setdefault(anchor, []).append(entry)
        for forms in chain(self._long.values(), self._short.values()):
            forms.sort(key=lambda f: -len(f[0]))
            forms[:] = list({f[0]: f for f in forms}.values())

    def best(self, text: str, lowered: str, at: int, end: int, territory: str | None, written_words):
        """``(usable entries, start)`` of the known name ending with the anchor ``text[at:end]``, or None
        when this cannot be told without the walk (see the module docstring).

        ``lowered`` is ``text`` in lower case, offsets kept, where a line break may be given as a space
        (the walk reads a single line break between two words as a space); ``written_words(text)``
        gives the tokens the walk keeps, as written (for abbreviations matched by their capitals)."""
        anchor = lowered[at:end]
        candidates = chain(self._long.get((anchor, lowered[max(0, at - _KEY) : at]), ()), self._short.get(anchor, ()))
        for form, children, entries in candidates:
            start = end - len(form)
            if start < 0 or not lowered.startswith(form, start, end):
                continue
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"
                              or (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum())):
                return None  # part of a longer word, or after a hyphen: the walk's rules decide
            if children:
                return None  # a longer name may go on before it
            written = None
            usable = []
            for inst, how, exact, where in entries:
                if where != territory:
                    continue
                if exact is not None:
                    written = written if written is not None else written_words(text[start:end])
                    if exact != written:
                        continue
                usable.append((inst, how))
            return (usable, start) if usable else None
        return None
