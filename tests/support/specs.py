"""Small hand-made specs for command tests, written to JSON spec files."""

from __future__ import annotations

import json
from pathlib import Path

from qualcli.model import Criterion, LearningOutcome, Qualification, RuleGroup, Source, SpecDocument, Unit


def unit(code: str, credits: int, glh: int, title: str | None = None, urn: str | None = None, outcomes=None) -> Unit:
    """A unit with credits and GLH (and outcomes given as {ref: [criterion refs]})."""
    los = [
        LearningOutcome(ref, f"Know topic {ref}", criteria=[Criterion(c, f"Describe point {c}") for c in refs])
        for ref, refs in (outcomes or {}).items()
    ]
    return Unit(code, title or f"Unit {code}", urn=urn, credits=credits, glh=glh, learning_outcomes=los)


def spec(units: list[Unit], qualifications: list[Qualification]) -> SpecDocument:
    """A document of these units and qualifications."""
    return SpecDocument(Source("made-up.txt", "0" * 64, "txt", "test"), "test", qualifications=qualifications, units=units)


def write(tmp_path: Path, doc: SpecDocument, name: str = "spec.json") -> Path:
    """Write the document as a parsed-spec JSON file."""
    path = tmp_path / name
    path.write_text(json.dumps(doc.to_dict()), encoding="utf-8")
    return path


def rules_doc() -> SpecDocument:
    """A diploma: mandatory M1, M2; one of (A1 or A2); optional group with min 4 credits, max 2 units; 16 credits total."""
    units = [
        unit("M1", 4, 30), unit("M2", 3, 20),
        unit("A1", 3, 25), unit("A2", 3, 18),
        unit("O1", 2, 10), unit("O2", 2, 12), unit("O3", 4, 15), unit("O4", 6, 60),
    ]
    rules = [
        RuleGroup("Mandatory", mandatory=True, units=["M1", "M2"]),
        RuleGroup("Either", mandatory=True, units=["A1", "A2"], alternatives=[["A1", "A2"]]),
        RuleGroup("Optional", min_credits=4, max_units=2, units=["O1", "O2", "O3", "O4"]),
    ]
    qual = Qualification("Level 2 Certificate in Testing", number="600/0000/1", credits=16, glh=80, tqt=160, rules=rules)
    return spec(units, [qual])
