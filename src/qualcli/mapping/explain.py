"""``qualcli map --explain A B``: the criterion pairs behind one cell, as text."""

from __future__ import annotations

import textwrap

from qualcli.errors import QualcliError
from qualcli.mapping.relations import UnitMap, criterion_detail
from qualcli.mapping.similarity import MATCH_THRESHOLD, criterion_matches

WIDTH = 100


def find_unit(result: UnitMap, name: str) -> int:
    """The index of the unit named ``CODE`` or ``DOCUMENT:CODE``; ambiguity is a one-line error."""
    hits = [k for k, u in enumerate(result.units) if name in (u.ref.code, u.ref.label())]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise QualcliError(f"--explain: no unit {name!r} in the documents")
    options = ", ".join(result.units[k].ref.label() for k in hits)
    raise QualcliError(f"--explain: {name!r} names several units ({options}); write DOCUMENT:CODE")


def explain(result: UnitMap, first: str, second: str) -> str:
    """Text explaining the cell for units ``first`` and ``second``."""
    i, j = find_unit(result, first), find_unit(result, second)
    ua, ub = result.units[i], result.units[j]
    pair = next((p for p in result.pairs if {p.a, p.b} == {ua.ref, ub.ref}), None)
    lines = [f"{ua.ref.label()} {ua.ref.title or ''}".rstrip(), f"  vs {ub.ref.label()} {ub.ref.title or ''}".rstrip()]
    if pair is None:
        lines.append("relation: none")
    else:
        lines.append(f"relation: {pair.relation}  score: {pair.score:.2f}")
        lines.extend(f"  evidence: {e.summary()}" for e in pair.evidence)
    if not (ua.has_criteria and ub.has_criteria):
        bare = " and ".join(u.ref.code for u in (ua, ub) if not u.has_criteria)
        lines.append(f"no criteria printed for {bare}: compared on title only")
        return "\n".join(lines) + "\n"
    space = result.spaces.for_units(i, j)
    sims = criterion_matches(space.rows(i), space.rows(j))
    _, unmatched_a, unmatched_b = criterion_detail(result, i, j)
    texts_b = dict(ub.criteria)
    lines.append(f"criteria of {ua.ref.code} -> best counterpart in {ub.ref.code} (matched at {MATCH_THRESHOLD:.2f} or more):")
    for x, (ref, text) in enumerate(ua.criteria):
        y = int(sims[x].argmax())
        best_ref, score = ub.criteria[y][0], float(sims[x, y])
        mark = "=" if score >= MATCH_THRESHOLD else "≠"
        lines.extend(_wrapped(f"{mark} {ref} {text}", "  "))
        lines.extend(_wrapped(f"{best_ref} {texts_b[best_ref]}  [{score:.2f}]", "      ~ "))
    lines.append(f"differing criteria: {len(unmatched_a)} only in {ua.ref.code}, {len(unmatched_b)} only in {ub.ref.code}")
    for ref in unmatched_a:
        lines.extend(_wrapped(f"{ref} {dict(ua.criteria)[ref]}", f"  only in {ua.ref.code}: "))
    for ref in unmatched_b:
        lines.extend(_wrapped(f"{ref} {texts_b[ref]}", f"  only in {ub.ref.code}: "))
    return "\n".join(lines) + "\n"


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))
