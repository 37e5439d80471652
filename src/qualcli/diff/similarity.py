"""How alike two texts are, and a deterministic greedy matching on that."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from qualcli.diff.normalise import words

T = TypeVar("T")

KEY_BONUS = 0.1  # a shared ref/code breaks ties between similar texts


def similarity(a: str | None, b: str | None) -> float:
    """0.0 (nothing shared) .. 1.0 (same words in the same order), case-insensitive."""
    wa = [w.lower() for w in words(a)]
    wb = [w.lower() for w in words(b)]
    if not wa and not wb:
        return 1.0
    if not wa or not wb:
        return 0.0
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return matcher.quick_ratio()
    return matcher.ratio()


def align(
    old: Sequence[T],
    new: Sequence[T],
    *,
    keys: Sequence[Callable[[T], Hashable | None]],
    text: Callable[[T], str],
    threshold: float,
    keys_first: bool,
) -> list[tuple[T | None, T | None]]:
    """Pair items of ``old`` with items of ``new``; unpaired items pair with None.

    With ``keys_first`` (units, qualifications: identified by a code), items
    sharing a key are paired before anything else, trying ``keys`` in turn
    (code, then Ofqual reference). Otherwise (outcomes, criteria: numbered by
    position, so an insertion renumbers the rest) identical wording wins over
    a shared ref. Then the most similar remaining pairs are taken greedily
    (similarity at least ``threshold``; a shared first key adds
    :data:`KEY_BONUS`), and finally leftovers sharing the first key are paired.
    Ties are broken by document order, so the result is deterministic. Pairs
    come in new-document order, with removed items placed where they were.
    """
    matched: dict[int, int] = {}
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))

    def take(i: int, j: int) -> None:
        matched[i] = j
        free_old.remove(i)
        free_new.remove(j)

    def pair_on(key_of: Callable[[T, int, str], Hashable | None]) -> None:
        index: dict[Hashable, list[int]] = {}
        for i in free_old:
            k = key_of(old[i], i, "old")
            if k is not None:
                index.setdefault(k, []).append(i)
        for j in list(free_new):
            k = key_of(new[j], j, "new")
            candidates = [i for i in index.get(k, []) if i in free_old] if k is not None else []
            if len(candidates) == 1:
                take(candidates[0], j)
            elif candidates:
                take(max(candidates, key=lambda i: (similarity(text(old[i]), text(new[j])), -i)), j)

    norm_old = [" ".join(words(text(x))).lower() for x in old]
    norm_new = [" ".join(words(text(x))).lower() for x in new]
    first_key = keys[0]
    if keys_first:
        for key in keys:
            pair_on(lambda item, _i, _side, key=key: key(item) or None)
    else:
        pair_on(lambda item, i, side: (first_key(item), (norm_old if side == "old" else norm_new)[i]))
        pair_on(lambda item, i, side: (norm_old if side == "old" else norm_new)[i] or None)

    scored = []
    for i in free_old:
        for j in free_new:
            score = similarity(text(old[i]), text(new[j]))
            if score >= threshold:
                same_key = first_key(old[i]) is not None and first_key(old[i]) == first_key(new[j])
                scored.append((score + (KEY_BONUS if same_key else 0.0), i, j))
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i in free_old and j in free_new:
            take(i, j)
    pair_on(lambda item, _i, _side: first_key(item))
    return _in_order(old, new, matched)


def _in_order(old, new, matched: dict[int, int]) -> list:
    """Pairs in new-document order, each removed item just before the next kept old neighbour."""
    by_new = {j: i for i, j in matched.items()}
    removed = [i for i in range(len(old)) if i not in matched]
    out = []
    for j in range(len(new)):
        i = by_new.get(j)
        if i is not None:
            while removed and removed[0] < i:
                out.append((old[removed.pop(0)], None))
            out.append((old[i], new[j]))
        else:
            out.append((None, new[j]))
    out.extend((old[i], None) for i in removed)
    return out
