"""QC004-QC007: rules of combination against the units the document lists."""

from __future__ import annotations

from typing import Iterator

from qualcli.check.issue import Issue
from qualcli.model import Qualification, RuleGroup, SpecDocument


def check(doc: SpecDocument) -> Iterator[Issue]:
    """Rule-group issues of every qualification, then units no rule uses."""
    listed = {u.code: u for u in doc.units}
    for qual in doc.qualifications:
        where = {"qualification": qual.number or qual.title}
        feasible = True
        for group in qual.rules:
            for code in dict.fromkeys(_named(group)):
                if code not in listed:
                    yield Issue("QC006", f"{group.name} names unit {code}, which the document does not list", code, group.line, group.page, where)
            for message in _unsatisfiable(group, listed):
                feasible = False
                yield Issue("QC005", f"{group.name}: {message}", group.name, group.line, group.page, where)
        if qual.rules and feasible:
            yield from _route(doc, qual, where)
    yield from _unused(doc)


def _named(group: RuleGroup) -> list[str]:
    return group.units + [c for alt in group.alternatives for c in alt]


def _unsatisfiable(group: RuleGroup, listed: dict) -> Iterator[str]:
    units = [listed[c] for c in dict.fromkeys(group.units) if c in listed]
    available = sum(u.credits or 0 for u in units)
    if group.min_credits is not None and all(u.credits is not None for u in units) and available < group.min_credits:
        yield f"needs at least {group.min_credits} credits but its units carry only {available}"
    if group.min_units is not None and len(units) < group.min_units:
        yield f"needs at least {group.min_units} units but lists only {len(units)}"
    in_alternatives = {c for alt in group.alternatives for c in alt}
    required = [u for u in units if group.mandatory and u.code not in in_alternatives]
    forced = sum(u.credits or 0 for u in required)
    if group.max_credits is not None and forced > group.max_credits:
        yield f"allows at most {group.max_credits} credits but its mandatory units carry {forced}"


def _route(doc: SpecDocument, qual: Qualification, where: dict) -> Iterator[Issue]:
    """QC005 when no route meets the rules together; QC004 when the stated GLH is not the fewest-GLH route's."""
    from qualcli.plan.rules import build
    from qualcli.plan.solve import best_routes

    routes = best_routes(build(doc, qual))
    subject = qual.number or qual.title
    if not routes:
        yield Issue("QC005", "no choice of the listed units meets all the rules of combination together", subject, qual.line, qual.page, where)
    elif qual.glh is not None and routes[0].glh != qual.glh:
        yield Issue("QC004", f"states {qual.glh} GLH but the fewest-GLH valid route ({', '.join(routes[0].units)}) has {routes[0].glh}",
                    subject, qual.line, qual.page, where)


def _unused(doc: SpecDocument) -> Iterator[Issue]:
    """Listed units that no rule names, when every qualification's rules are structured."""
    if not doc.qualifications or any(not q.rules for q in doc.qualifications):
        return
    used = {c for q in doc.qualifications for g in q.rules for c in _named(g)}
    for unit in doc.units:
        if unit.code not in used:
            yield Issue("QC007", f"unit {unit.code} '{unit.title}' is listed but no rule of combination uses it",
                        unit.code, unit.line, unit.page, {"unit": unit.code})
