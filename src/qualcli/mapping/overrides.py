"""Curated mapping decisions: ``--overrides FILE`` applies them, ``--update`` adds candidates.

The file (``schemas/overrides.schema.json``) is a list of decisions::

    decisions:
      - a: {code: "202", body: cityandguilds}
        b: {code: "272"}
        decision: force        # force | forbid | candidate
        relation: F            # for force (and, as a suggestion, for candidates)
        note: why a person decided this

A unit selector matches a unit when every key it gives (``code``, and
optionally ``body`` and ``document``) is equal. ``force`` sets the pair's
relation (creating the pair if the text found nothing); ``forbid`` reports the
pair as ``none``; ``candidate`` entries are never applied: ``--update`` appends
one for every mapped pair the file does not mention yet, for a person to turn
into a decision. Updating goes through ruamel.yaml's round-trip mode, so the
file's comments, order and formatting are kept and the candidates are appended
at the end.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcli.errors import QualcliError
from qualcli.mapping.evidence import Evidence
from qualcli.mapping.relations import Pair, UnitMap
from qualcli.mapping.units import UnitRef

NEW_FILE_HEADER = (
    "# Curated decisions for `qualcli map --overrides`.\n"
    "# decision: force (with relation F, X or P) | forbid | candidate (added by --update; not applied).\n"
)


@dataclass
class Decision:
    """One curated decision, with its position in the file for messages."""

    a: dict[str, str]
    b: dict[str, str]
    decision: str
    relation: str | None
    note: str | None
    number: int  # 1-based position in the list


def _selector(data: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in data.items()}


def selects(selector: dict[str, str], ref: UnitRef) -> bool:
    """True when every key the selector gives equals the unit's."""
    return all(getattr(ref, key) == value for key, value in selector.items())


def load_decisions(path: Path) -> list[Decision]:
    """The decisions in an overrides file; a malformed file is a one-line error."""
    from qualcli.schemas import violations
    from qualcli.specfile import load_data

    data = load_data(path)
    problems = list(violations(data, "overrides"))
    if problems:
        raise QualcliError(f"not a valid overrides file: {problems[0]}", str(path))
    return [
        Decision(_selector(item["a"]), _selector(item["b"]), item["decision"], item.get("relation"), item.get("note"), number)
        for number, item in enumerate(data["decisions"] or [], 1)
    ]


def apply_decisions(result: UnitMap, decisions: list[Decision], source: str) -> None:
    """Apply force/forbid decisions to the pairs in place (candidates are ignored)."""
    for decision in decisions:
        if decision.decision == "candidate":
            continue
        where = f"{source} decision {decision.number}"
        note = f": {decision.note}" if decision.note else ""
        matching = [p for p in result.pairs if _matches(decision, p)]
        relation = decision.relation if decision.decision == "force" else "none"
        evidence = Evidence("override", f"{where} {decision.decision}s {relation}{note}", relation=relation)
        if not matching and decision.decision == "force":
            pair = _new_pair(result, decision)
            if pair is None:
                print(f"qualcli: warning: {where}: no such pair of units among the documents", file=sys.stderr)
                continue
            matching = [pair]
            result.pairs.append(pair)
        for pair in matching:
            pair.relation = relation
            pair.evidence.insert(0, evidence)
    result.pairs.sort(key=lambda p: p.order)


def _matches(decision: Decision, pair: Pair) -> bool:
    return (selects(decision.a, pair.a) and selects(decision.b, pair.b)) or (
        selects(decision.a, pair.b) and selects(decision.b, pair.a)
    )


def _new_pair(result: UnitMap, decision: Decision) -> Pair | None:
    first = next((k for k, u in enumerate(result.units) if selects(decision.a, u.ref)), None)
    second = next((k for k, u in enumerate(result.units) if selects(decision.b, u.ref)), None)
    if first is None or second is None or first == second:
        return None
    i, j = sorted((first, second))
    return Pair(result.units[i].ref, result.units[j].ref, decision.relation or "none", 0.0, [], (i, j))


def update_file(path: Path, result: UnitMap) -> int:
    """Append a candidate for every mapped pair the file does not mention; return how many."""
    from ruamel.yaml import YAML

    original = path.read_text(encoding="utf-8") if path.exists() else NEW_FILE_HEADER + "decisions:\n"
    decisions = load_decisions(path) if path.exists() else []
    new = [p for p in result.pairs if p.relation != "none" and not any(_matches(d, p) for d in decisions)]
    if not new:
        return 0
    yaml = _round_trip(YAML, original)
    data = yaml.load(original)
    items = data.get("decisions")
    keep_prefix = bool(items)
    if not items:
        items = data["decisions"] = _block_seq()
    items.extend(_candidate(p) for p in new)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    text = buffer.getvalue()
    if keep_prefix and not text.startswith(original):
        # ruamel would have re-laid out part of the file: append the rendered candidates instead
        text = original.rstrip("\n") + "\n" + _render_items(yaml, new)
    from qualcli.output import write_output

    write_output(text, str(path))
    return len(new)


def _round_trip(yaml_class, original: str):
    """A round-trip YAML instance using the file's own list indentation."""
    yaml = yaml_class()
    yaml.preserve_quotes = True
    yaml.width = 4096
    found = re.search(r"^( *)- ", original, re.MULTILINE)
    offset = len(found.group(1)) if found else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _block_seq():
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq()


def _candidate(pair: Pair):
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    for side, ref in (("a", pair.a), ("b", pair.b)):
        selector = CommentedMap([(k, v) for k, v in (("code", ref.code), ("body", ref.body), ("document", ref.document)) if v])
        selector.fa.set_flow_style()
        entry[side] = selector
    entry["decision"] = "candidate"
    if pair.relation != "review":  # a review candidate has no relation to suggest
        entry["relation"] = pair.relation
    entry["score"] = round(float(pair.score), 3)
    entry["note"] = None
    return entry


def _render_items(yaml, pairs: list[Pair]) -> str:
    seq = _block_seq()
    seq.extend(_candidate(p) for p in pairs)
    buffer = io.StringIO()
    yaml.dump({"decisions": seq}, buffer)
    return buffer.getvalue().split("\n", 1)[1]
