"""``qualcli plan``: check a choice of units against the rules, or suggest the fewest-GLH route."""

from __future__ import annotations

from qualcli.errors import QualcliError
from qualcli.plan.check_choice import problems
from qualcli.plan.report import PlanResult
from qualcli.plan.rules import RuleSet, build, pick_qualification
from qualcli.plan.solve import Route, best_routes


def split_codes(text: str | None) -> list[str]:
    """``"U1, U2,U3"`` -> ``["U1", "U2", "U3"]`` (order kept, duplicates dropped)."""
    codes = [c.strip() for c in (text or "").split(",") if c.strip()]
    return list(dict.fromkeys(codes))


def plan(doc, qualification: str | None, units: str | None, suggest: bool, prefer: str | None, exclude: str | None) -> PlanResult:
    """Check ``units`` (or find the best route with ``suggest``) for one qualification of ``doc``."""
    if suggest == (units is not None):
        raise QualcliError("give exactly one of --units U1,U2,... or --suggest")
    if not suggest and (prefer or exclude):
        raise QualcliError("--prefer and --exclude only apply with --suggest")
    qual = pick_qualification(doc, qualification)
    rules = build(doc, qual)
    notes = _notes(rules)
    header = {"number": qual.number, "title": qual.title}
    if not suggest:
        chosen = split_codes(units)
        if not chosen:
            raise QualcliError("--units is empty; give unit codes separated by commas")
        found = problems(rules, chosen)
        known = [u for u in rules.units if u.code in set(chosen)]
        route = Route([u.code for u in known], sum(u.credits or 0 for u in known), sum(u.glh or 0 for u in known))
        return PlanResult(header, "check", not found, route, found, notes=notes)
    wanted, unwanted = set(_known(rules, prefer, "--prefer")), set(_known(rules, exclude, "--exclude"))
    routes = best_routes(rules, 3, wanted, unwanted)
    if not routes:
        return PlanResult(header, "suggest", False, Route([], 0, 0), notes=notes)
    return PlanResult(header, "suggest", True, routes[0], alternatives=routes[1:], notes=notes)


def _known(rules: RuleSet, text: str | None, option: str) -> list[str]:
    codes = split_codes(text)
    candidates = {u.code for u in rules.units}
    for code in codes:
        if code not in candidates:
            raise QualcliError(f"{option}: unit {code!r} is not in the rules of {rules.qualification.number or rules.qualification.title}")
    return codes


def _notes(rules: RuleSet) -> list[str]:
    notes = [f"unit {code} is named in the rules but not listed in the document, so it cannot be chosen" for code in rules.unlisted]
    missing = [u.code for u in rules.units if u.glh is None or u.credits is None]
    if missing:
        notes.append(f"credits or GLH not given for {', '.join(missing)}; counted as 0")
    return notes
