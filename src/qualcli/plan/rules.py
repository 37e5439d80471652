"""A qualification's structured rules of combination as linear constraints over units.

Each candidate unit (a listed unit some rule group names) is a 0/1 choice.
Every rule becomes a :class:`Constraint` ``low <= sum(coef * x) <= high``:
mandatory units (= 1), "one of (201 or 271)" alternatives (exactly one),
a group's min/max credits and min/max units, and the qualification's
minimum total credits. The same constraints serve validation (evaluate a
choice) and suggestion (an integer programme), so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcli.errors import QualcliError
from qualcli.model import Qualification, SpecDocument, Unit


@dataclass
class Constraint:
    """``low <= sum(weights[u] * x[u]) <= high`` over the units in ``weights``."""

    group: str  # the rule group's name, or "total"
    kind: str  # mandatory | one-of | min-credits | max-credits | min-units | max-units | min-total-credits
    weights: dict[str, int]
    low: float | None = None
    high: float | None = None

    def value(self, chosen: set[str]) -> int:
        """The constraint's sum for a choice of units."""
        return sum(w for code, w in self.weights.items() if code in chosen)

    def holds(self, chosen: set[str]) -> bool:
        """Whether the choice meets this constraint."""
        have = self.value(chosen)
        return (self.low is None or have >= self.low) and (self.high is None or have <= self.high)


@dataclass
class RuleSet:
    """The candidate units of one qualification and the constraints on choosing them."""

    qualification: Qualification
    units: list[Unit]  # candidates, in document order
    constraints: list[Constraint] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # codes rules name that the document does not list

    def unit(self, code: str) -> Unit:
        """The candidate unit with this code."""
        return next(u for u in self.units if u.code == code)


def pick_qualification(doc: SpecDocument, number: str | None) -> Qualification:
    """The qualification named by number (or title), or the only one with rules."""
    quals = doc.qualifications
    if not quals:
        raise QualcliError("the document defines no qualification", doc.source.path if doc.source else None)
    if number is not None:
        wanted = number.strip().lower()
        for qual in quals:
            if wanted in {(qual.number or "").lower(), qual.title.lower()}:
                return qual
        raise QualcliError(f"no qualification {number!r}; the document has: {_names(quals)}")
    if len(quals) == 1:
        return quals[0]
    raise QualcliError(f"the document defines {len(quals)} qualifications; choose one with --qualification: {_names(quals)}")


def _names(quals: list[Qualification]) -> str:
    return ", ".join(q.number or q.title for q in quals)


def build(doc: SpecDocument, qual: Qualification) -> RuleSet:
    """The constraints of ``qual``'s structured rules; a QualcliError when it has none."""
    if not qual.rules:
        printed = f"; as printed: {' / '.join(qual.rules_text)}" if qual.rules_text else ""
        raise QualcliError(f"{qual.number or qual.title} has no structured rules of combination, so no route can be checked{printed}")
    named = {code for group in qual.rules for code in group.units + [c for alt in group.alternatives for c in alt]}
    listed: dict[str, Unit] = {}
    for unit in doc.units:
        listed.setdefault(unit.code, unit)  # a code listed twice: the first listing counts
    rules = RuleSet(qual, [u for code, u in listed.items() if code in named])
    rules.unlisted = sorted(named - set(listed))
    credits = {u.code: u.credits or 0 for u in rules.units}
    for group in qual.rules:
        members = [c for c in group.units if c in listed]
        in_alternatives = {c for alt in group.alternatives for c in alt}
        for alt in group.alternatives:
            rules.constraints.append(Constraint(group.name, "one-of", {c: 1 for c in alt if c in listed}, 1, 1))
        required = [c for c in members if c not in in_alternatives] if group.mandatory else []
        if required:
            rules.constraints.append(Constraint(group.name, "mandatory", {c: 1 for c in required}, len(required), len(required)))
        weights = {c: credits[c] for c in members}
        if group.min_credits is not None:
            rules.constraints.append(Constraint(group.name, "min-credits", weights, group.min_credits, None))
        if group.max_credits is not None:
            rules.constraints.append(Constraint(group.name, "max-credits", weights, None, group.max_credits))
        if group.min_units is not None:
            rules.constraints.append(Constraint(group.name, "min-units", {c: 1 for c in members}, group.min_units, None))
        if group.max_units is not None:
            rules.constraints.append(Constraint(group.name, "max-units", {c: 1 for c in members}, None, group.max_units))
    if qual.credits is not None:
        rules.constraints.append(Constraint("total", "min-total-credits", credits, qual.credits, None))
    return rules
