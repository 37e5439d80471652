"""What a parse may have lost: counts, and the signs of structure left behind.

Users cannot see what a parser missed, so every parse is checked the same
way, whatever the awarding body:

- ``outcome-without-criteria``: a unit printed in full (it has criteria, or
  criterion-like lines in its text) has an outcome with no criteria;
- ``criterion-like-lines``: lines that look like criteria ("a. Describe …",
  "1.2 Explain …", "2A.P1 …") were left in a unit's sections or in the
  document's unstructured text instead of under an outcome;
- ``unit-without-credits``: a unit named in a qualification's rules of
  combination has no credit value.

:func:`diagnose` gives :class:`~qualcli.model.Diagnostics` (kept in the
parsed document and its JSON/YAML); :func:`summary` the one line ``parse``
and every command that parses print on stderr. ``qualcli parse --strict``
exits 1 when there is any problem.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

from qualcli.model import Diagnostics, Problem, SpecDocument, Unit
from qualcli.lazyre import lazy_compile

# "a. Describe", "ab) Explain", "1.2 Explain", "1.1.3. State", "2A.P1 Describe": a marker, then a capitalised word
CRITERION_LIKE = lazy_compile(
    r"^\s*(?:[-•]\s*)?(?:[a-z]{1,2}[.)]|\d{1,2}(?:\.\d{1,2}){1,2}\.?|[1-3][A-Z]\.[PMD]?\d{1,2}|[A-Z]{1,3}\.[PMD]\d{1,2})\s+[A-Z][a-z]"
)


def criterion_like(text: str) -> int:
    """How many lines of ``text`` look like assessment criteria."""
    return sum(1 for line in text.splitlines() if CRITERION_LIKE.match(line))


def diagnose(doc: SpecDocument) -> Diagnostics:
    """Counts and problems of ``doc`` (see the module docstring)."""
    problems: list[Problem] = []
    for unit in doc.units:
        problems.extend(_unit_problems(unit))
    stray = criterion_like("\n".join(block.text for block in doc.unstructured))
    if stray:
        problems.append(
            Problem(kind="criterion-like-lines", message=f"{stray} criterion-like line(s) left in unstructured text")
        )
    problems.extend(_uncredited(doc))
    return Diagnostics(
        units_listed=len(doc.units),
        units_in_full=sum(1 for unit in doc.units if _in_full(unit)),
        outcomes=sum(len(unit.learning_outcomes) for unit in doc.units),
        criteria=sum(len(outcome.criteria) for unit in doc.units for outcome in unit.learning_outcomes),
        problems=problems,
    )


def _stray_lines(unit: Unit) -> int:
    return sum(criterion_like(section.text) for section in unit.sections)


def _in_full(unit: Unit) -> bool:
    """Printed in full: outcomes with criteria, or criterion-like lines a parser did not place."""
    return any(outcome.criteria for outcome in unit.learning_outcomes) or _stray_lines(unit) > 0


def _unit_problems(unit: Unit) -> Iterable[Problem]:
    stray = _stray_lines(unit)
    if _in_full(unit):
        empty = [outcome.ref for outcome in unit.learning_outcomes if not outcome.criteria]
        if empty and len(empty) == len(unit.learning_outcomes):
            yield Problem(kind="outcome-without-criteria", unit=unit.code, message=f"{len(empty)} outcomes but no criteria")
        elif empty:
            yield Problem(
                kind="outcome-without-criteria", unit=unit.code, message=f"outcome(s) {', '.join(empty)} without criteria"
            )
    if stray:
        yield Problem(kind="criterion-like-lines", unit=unit.code, message=f"{stray} criterion-like line(s) left in sections")


def _uncredited(doc: SpecDocument) -> Iterable[Problem]:
    in_rules = {code for qualification in doc.qualifications for rule in qualification.rules for code in rule.units}
    missing = [unit.code for unit in doc.units if unit.code in in_rules and unit.credits is None]
    if missing:
        yield Problem(kind="unit-without-credits", message=f"listed without credits: {', '.join(missing)}")


def summary(doc: SpecDocument) -> str:
    """One line: where the document came from, what was found, and each problem."""
    found = doc.diagnostics or diagnose(doc)
    counts = (
        f"{len(doc.qualifications)} qualification(s), {found.units_listed} unit(s) listed, {found.units_in_full} in full, "
        f"{found.outcomes} outcome(s), {found.criteria} criteria"
    )
    if doc.unstructured:
        counts += f", {len(doc.unstructured)} unstructured block(s) kept"
    problems = "; ".join(f"{p.unit}: {p.message}" if p.unit else p.message for p in found.problems)
    return f"{doc.source.path}: {doc.body} via {doc.source.plugin}: {counts}" + (f" — {problems}" if problems else "")


def report(doc: SpecDocument, path: str | Path) -> None:
    """Print :func:`summary` on stderr when ``path`` was a source document that was just parsed."""
    from qualcli.files import SPEC_SUFFIXES

    if Path(path).suffix.lower() not in SPEC_SUFFIXES:
        print(summary(doc), file=sys.stderr)
