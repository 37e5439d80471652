"""Whether a given choice of units meets the rules, and what would fix each rule it breaks."""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcli.plan.rules import Constraint, RuleSet

_UNIT = {"mandatory": "units", "one-of": "units", "min-units": "units", "max-units": "units"}


@dataclass
class Problem:
    """One rule a choice does not meet."""

    group: str
    rule: str
    needed: str  # e.g. ">= 16", "<= 7", "= 1"
    have: int
    unit: str  # what is counted: "credits" or "units"
    fix: list[str] = field(default_factory=list)  # units to add (or, for a maximum, to drop)
    message: str = ""


def problems(rules: RuleSet, chosen: list[str]) -> list[Problem]:
    """Every rule the choice breaks, in rule order (unknown units first)."""
    candidates = {u.code for u in rules.units}
    found = [
        Problem("(none)", "not-in-rules", "a unit of this qualification", 0, "units", [],
                f"unit {code} is not in {rules.qualification.number or rules.qualification.title}'s rules of combination")
        for code in chosen if code not in candidates
    ]
    picked = set(chosen) & candidates
    for constraint in rules.constraints:
        if not constraint.holds(picked):
            found.append(_problem(constraint, picked))
    return found


def _problem(constraint: Constraint, picked: set[str]) -> Problem:
    have = constraint.value(picked)
    unit = _UNIT.get(constraint.kind, "credits")
    members = list(constraint.weights)
    if constraint.low is not None and have < constraint.low:
        needed = f"= {constraint.low:g}" if constraint.low == constraint.high else f">= {constraint.low:g}"
        fix = [c for c in members if c not in picked and constraint.weights[c] > 0]
        verb = "add one of" if len(fix) > 1 and constraint.kind != "mandatory" else "add"
    else:
        needed = f"= {constraint.high:g}" if constraint.low == constraint.high else f"<= {constraint.high:g}"
        fix = [c for c in members if c in picked]
        verb = "drop one of" if len(fix) > 1 else "drop"
    where = "in total" if constraint.group == "total" else f"from {constraint.group}"
    message = f"{constraint.kind}: needs {needed} {unit} {where}, has {have}"
    if fix:
        message += f"; {verb} {', '.join(fix)}"
    return Problem(constraint.group, constraint.kind, needed, have, unit, fix, message)
