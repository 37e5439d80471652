"""The plan result and its text/json renderings (``schemas/plan.schema.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from qualcli.plan.check_choice import Problem
from qualcli.plan.solve import Route


@dataclass
class PlanResult:
    """A checked or suggested route for one qualification."""

    qualification: dict[str, str | None]
    mode: str  # "check" | "suggest"
    valid: bool
    route: Route
    problems: list[Problem] = field(default_factory=list)
    alternatives: list[Route] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain data in schema order."""
        data = {
            "qualification": self.qualification,
            "mode": self.mode,
            "valid": self.valid,
            "units": self.route.units,
            "credits": self.route.credits,
            "glh": self.route.glh,
            "problems": [
                {"group": p.group, "rule": p.rule, "needed": p.needed, "have": p.have, "counts": p.unit, "fix": p.fix, "message": p.message}
                for p in self.problems
            ],
        }
        if self.mode == "suggest":
            data["alternatives"] = [{"units": r.units, "credits": r.credits, "glh": r.glh} for r in self.alternatives]
        if self.notes:
            data["notes"] = self.notes
        return data


def render_json(result: PlanResult) -> str:
    """The result as indented JSON."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_text(result: PlanResult) -> str:
    """A short readable account: verdict, route, problems, and next-best routes."""
    qual = result.qualification
    name = f"{qual['number']} {qual['title']}" if qual.get("number") else qual["title"]
    lines = [name]
    if result.mode == "suggest" and not result.route.units:
        lines.append("no valid route meets the rules with these --prefer/--exclude choices")
    else:
        label = "fewest-GLH route" if result.mode == "suggest" else ("valid" if result.valid else "NOT valid")
        lines.append(f"{label}: {', '.join(result.route.units) or '(no units)'} ({result.route.credits} credits, {result.route.glh} GLH)")
    lines += [f"  ✗ {p.group}: {p.message}" for p in result.problems]
    for rank, route in enumerate(result.alternatives, start=2):
        lines.append(f"next best #{rank}: {', '.join(route.units)} ({route.credits} credits, {route.glh} GLH)")
    lines += [f"note: {note}" for note in result.notes]
    return "\n".join(lines) + "\n"
