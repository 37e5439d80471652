"""Test specifications: how many questions of an online test each outcome gets.

A specification is printed as "Test 1: Unit 201", "Duration: 1 hour and 15
minutes" and a "Unit | Outcome | Number of questions | %" table. It is kept
as ``Unit.details["test_specification"]``::

    {"test": "Test 1", "duration": "1 hour and 15 minutes", "questions": 45,
     "outcomes": [{"outcome": "1", "title": "...", "questions": 15, "percent": 33}, ...]}

and each outcome the unit itself prints gets ``LearningOutcome.assessment``
``{"test_questions": 15, "test_percent": 33}``.
"""

from __future__ import annotations

import re
from typing import Any

from qualcli.api import Unit
from qualcli.parsing.text import parse_int
from qualcli.parsing import lazy_compile
from qualcli_cityandguilds.handbook_lines import HandbookLine
from qualcli_cityandguilds.tables import Table, cell

_TEST = lazy_compile(r"^(Test\s+\d+)\s*:?\s*(?:Unit\s+(\d{2,4}))?", re.I)
_DURATION = lazy_compile(r"^Duration\s*:\s*(.+)$", re.I)
_OUTCOME = lazy_compile(r"^(\d+)\.?\s+(.*)$")
_LOOK_BACK = 4


def read_test_specs(tables: list[Table], lines: list[HandbookLine]) -> dict[str, dict[str, Any]]:
    """Test specifications by unit code."""
    specs: dict[str, dict[str, Any]] = {}
    for table in tables:
        unit_col, outcome_col = table.column("unit"), table.column("outcome")
        questions_col, percent_col = table.column("questions"), table.column("%")
        spec: dict[str, Any] = {}
        code = None
        for line in lines[max(0, table.index - _LOOK_BACK) : table.index]:
            if match := _TEST.match(line.text):
                spec["test"] = match.group(1)
                code = match.group(2) or code
            elif match := _DURATION.match(line.text):
                spec["duration"] = match.group(1)
        outcomes = []
        for row in table.rows:
            code = code or cell(row, unit_col) or None
            outcome = cell(row, outcome_col)
            if outcome.lower().startswith("total"):
                spec["questions"] = parse_int(cell(row, questions_col))
            elif match := _OUTCOME.match(outcome):
                outcomes.append(
                    {
                        "outcome": match.group(1),
                        "title": match.group(2),
                        "questions": parse_int(cell(row, questions_col)),
                        "percent": parse_int(cell(row, percent_col)),
                    }
                )
        if code and outcomes:
            spec.setdefault("questions", sum(o["questions"] or 0 for o in outcomes))
            spec["outcomes"] = outcomes
            specs[code] = spec
    return specs


def apply_test_specs(units: list[Unit], specs: dict[str, dict[str, Any]]) -> None:
    """Attach each specification to its unit and to the outcomes that unit prints."""
    for unit in units:
        spec = specs.get(unit.code)
        if spec is None:
            continue
        unit.details["test_specification"] = spec
        by_ref = {outcome.ref: outcome for outcome in unit.learning_outcomes}
        for item in spec["outcomes"]:
            if item["outcome"] in by_ref:
                by_ref[item["outcome"]].assessment.update(
                    {"test_questions": item["questions"], "test_percent": item["percent"]}
                )
