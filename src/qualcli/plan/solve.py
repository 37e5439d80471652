"""The best valid route, exactly, as a 0/1 integer programme (SciPy ``milp``).

Order of preference, each optimised exactly before the next is considered:
most ``--prefer`` units, fewest guided learning hours, fewest credits, then
document order (earlier units first). ``--exclude`` units are never chosen.
Next-best routes are found by forbidding the routes already found and solving
again.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualcli.plan.rules import RuleSet


@dataclass
class Route:
    """A valid choice of units."""

    units: list[str]  # document order
    credits: int
    glh: int


def best_routes(rules: RuleSet, count: int = 1, prefer: set[str] = frozenset(), exclude: set[str] = frozenset()) -> list[Route]:
    """Up to ``count`` valid routes, best first (fewer when fewer exist)."""
    solver = _Solver(rules, exclude)
    found: list[Route] = []
    for _ in range(count):
        chosen = solver.solve(prefer)
        if chosen is None:
            break
        found.append(_route(rules, chosen))
        solver.forbid(chosen)
    return found


def _route(rules: RuleSet, chosen: list[str]) -> Route:
    units = [u for u in rules.units if u.code in set(chosen)]
    return Route([u.code for u in units], sum(u.credits or 0 for u in units), sum(u.glh or 0 for u in units))


class _Solver:
    """The constraint matrix of a rule set, plus cuts that forbid routes already found."""

    def __init__(self, rules: RuleSet, exclude: set[str]) -> None:
        import numpy as np

        self.np = np
        self.codes = [u.code for u in rules.units]
        self.index = {code: i for i, code in enumerate(self.codes)}
        self.rows: list[tuple[list[float], float, float]] = []
        for constraint in rules.constraints:
            row = [0.0] * len(self.codes)
            for code, weight in constraint.weights.items():
                row[self.index[code]] = weight
            low = -np.inf if constraint.low is None else constraint.low
            high = np.inf if constraint.high is None else constraint.high
            self.rows.append((row, low, high))
        self.upper = [0.0 if code in exclude else 1.0 for code in self.codes]
        self.glh = [float(u.glh or 0) for u in rules.units]
        self.credits = [float(u.credits or 0) for u in rules.units]

    def forbid(self, chosen: list[str]) -> None:
        """Exclude exactly this set of units from later solutions."""
        picked = set(chosen)
        row = [1.0 if code in picked else -1.0 for code in self.codes]
        self.rows.append((row, -self.np.inf, len(picked) - 1))

    def solve(self, prefer: set[str]) -> list[str] | None:
        """The best route under the current rows, or None when no valid route exists."""
        rows = list(self.rows)
        objectives = [[-1.0 if code in prefer else 0.0 for code in self.codes]] if prefer else []
        objectives += [self.glh, self.credits]
        lower = [0.0] * len(self.codes)
        result = None
        for objective in objectives:
            result = self._optimise(objective, rows, lower)
            if result is None:
                return None
            value = round(sum(c * x for c, x in zip(objective, result)))
            rows.append((list(objective), value, value))
        for i in range(len(self.codes)):  # document order among equal routes: earliest units first
            if result[i]:
                lower[i] = 1.0
            elif self.upper[i]:
                trial = lower.copy()
                trial[i] = 1.0
                found = self._optimise([0.0] * len(self.codes), rows, trial)
                if found is not None:
                    lower, result = trial, found
        return [code for code, x in zip(self.codes, result) if x]

    def _optimise(self, objective: list[float], rows, lower: list[float]):
        from scipy.optimize import Bounds, LinearConstraint, milp

        np = self.np
        n = len(self.codes)
        constraints = [LinearConstraint(np.array([r[0] for r in rows]), [r[1] for r in rows], [r[2] for r in rows])] if rows else []
        upper = [max(u, l) for u, l in zip(self.upper, lower)]
        if any(l > u for l, u in zip(lower, self.upper)):
            return None
        res = milp(np.array(objective), integrality=np.ones(n), bounds=Bounds(lower, upper), constraints=constraints,
                   options={"mip_rel_gap": 0})
        if res.status != 0 or res.x is None:
            return None
        return [round(x) for x in res.x]
